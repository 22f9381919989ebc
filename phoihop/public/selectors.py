"""The public site's reads. No viewer: the tracking code and the secret token are the credential."""

import hmac
from dataclasses import dataclass
from datetime import date

from phoihop.letters.selectors import letter_public_status
from phoihop.organizations.models import Organization
from phoihop.public.models import Submission
from phoihop.public.services import token_hash

# The bodies a citizen may address from the public site (the four bodies of the regulation).
RECIPIENT_KINDS = ("council", "people_committee", "front", "na_delegation")


def recipient_list():
    """The top-level bodies a citizen may send a letter to, valid today."""
    return Organization.objects.filter(parent__isnull=True, kind__in=RECIPIENT_KINDS).order_by(
        "path"
    )


def submission_find(*, tracking_code: str, token: str) -> Submission | None:
    """The submission whose code and token both match; None otherwise (no hint which failed)."""
    submission = (
        Submission.objects.select_related("organization")
        .filter(tracking_code=tracking_code.strip().upper())
        .first()
    )
    expected = submission.token_hash if submission else token_hash("-")
    matches = hmac.compare_digest(expected, token_hash(token))
    return submission if submission is not None and matches else None


@dataclass(frozen=True)
class PublicStatus:
    """What a citizen may learn about their own letter: no staff notes, no names."""

    tracking_code: str
    organization: str
    received_on: date
    status: str
    status_label: str
    due_on: date | None
    outcome_on: date | None
    published_on: date | None
    result_summary: str = ""
    result_document: dict | None = None


def submission_status(*, submission: Submission) -> PublicStatus | None:
    """The status of the letter behind *submission* (following a forwarding), or None."""
    row = letter_public_status(public_id=submission.letter_public_id)
    if row is None:
        return None
    return PublicStatus(
        tracking_code=submission.tracking_code,
        organization=row["organization__name"],
        received_on=row["received_on"],
        status=row["status"],
        status_label=str(row["status_label"]),
        due_on=row["due_on"],
        outcome_on=row["outcome_on"],
        published_on=row["published_on"],
        result_summary=row.get("result_summary", ""),
        result_document=row.get("result_document"),
    )
