"""Who may see and run an election: grants on the organising body (``elections.<action>_election``).

Everything inside an election (bodies, contests, candidates, polling areas, protocols) follows the
election's policy; published results are public on the public site without any grant.
"""

from phoihop.access.policy import OrganizationGrantPolicy
from phoihop.access.registry import register_policy
from phoihop.casework.policies import TrackedItemPolicy
from phoihop.elections.models import Election, VoterListComplaint


@register_policy
class ElectionPolicy(OrganizationGrantPolicy):
    model = Election
    actions = ("view", "add", "change", "enter", "audit", "publish")


@register_policy
class VoterListComplaintPolicy(TrackedItemPolicy):
    """The body that keeps the voter list records and resolves complaints about it."""

    model = VoterListComplaint
    actions = ("view", "work", "assign", "supervise", "change")
