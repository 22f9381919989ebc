"""Settings of the elections area (``PHOIHOP_ELECTIONS``).

``CONFERENCE_QUORUM``: replaces the legacy voter-conference quorum (BC-07) once the values of
NQ 101/2025/UBTVQH15 are confirmed, e.g. ``{"residence": {"threshold": 100, "share_numerator": 1,
"share_denominator": 2, "strictly_more": true, "minimum_above": 55, "citation": "…"}}``.
"""

from django.conf import settings

from phoihop.elections.rules import LEGACY_QUORUM, QuorumRule


def quorum_rule(place: str) -> QuorumRule:
    configured = getattr(settings, "PHOIHOP_ELECTIONS", {}).get("CONFERENCE_QUORUM", {})
    if place in configured:
        return QuorumRule(**configured[place])
    return LEGACY_QUORUM[place]
