"""Reads of the elections area: everything starts from the elections the viewer may see."""

from uuid import UUID

from django.db.models import QuerySet
from django.http import Http404

from phoihop.elections.models import (
    Candidate,
    Contest,
    Election,
    PollingArea,
    Protocol,
    VoterListComplaint,
)


def election_list(*, viewer) -> QuerySet[Election]:
    return Election.objects.restrict(viewer, "view").select_related("organization")


def election_get(*, viewer, public_id: UUID) -> Election:
    election = election_list(viewer=viewer).filter(public_id=public_id).first()
    if election is None:
        raise Http404
    return election


def contest_get(*, viewer, public_id: UUID) -> Contest:
    contest = (
        Contest.objects.filter(public_id=public_id, election__in=election_list(viewer=viewer))
        .select_related("election", "constituency__term")
        .first()
    )
    if contest is None:
        raise Http404
    return contest


def candidate_get(*, viewer, public_id: UUID) -> Candidate:
    candidate = (
        Candidate.objects.filter(
            public_id=public_id, contest__election__in=election_list(viewer=viewer)
        )
        .select_related("person", "contest__election", "contest__constituency")
        .first()
    )
    if candidate is None:
        raise Http404
    return candidate


def area_get(*, contest: Contest, number: int) -> PollingArea:
    area = contest.areas.filter(number=number).first()
    if area is None:
        raise Http404
    return area


def audit_queue(*, viewer, election: Election) -> QuerySet[Protocol]:
    """Protocols held for checking: the two entries differ, or the figures do not add up."""
    return (
        Protocol.objects.filter(
            area__contest__election=election,
            area__contest__election__in=election_list(viewer=viewer),
            status=Protocol.Status.HELD,
        )
        .select_related("area__contest__constituency")
        .order_by("area__contest", "area__number")
    )


def published_election_get(*, public_id: UUID) -> Election:
    election = Election.objects.filter(
        public_id=public_id, status=Election.Status.PUBLISHED
    ).first()
    if election is None:
        raise Http404
    return election


def published_election_list() -> QuerySet[Election]:
    return Election.objects.filter(status=Election.Status.PUBLISHED)


def complaint_list(*, viewer) -> QuerySet[VoterListComplaint]:
    return VoterListComplaint.objects.restrict(viewer, "view").select_related(
        "area__contest__election"
    )


def complaint_get(*, viewer, public_id: UUID) -> VoterListComplaint:
    complaint = complaint_list(viewer=viewer).filter(public_id=public_id).first()
    if complaint is None:
        raise Http404
    return complaint
