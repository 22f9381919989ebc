"""Reads of the council area. Everything starts from ``restrict(viewer, "view")``: what the
viewer may not see does not exist for them (404). The public reads show only what is published."""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from phoihop.council.models import (
    AgendaItem,
    Ballot,
    Briefing,
    Consultation,
    Resolution,
    Session,
    Submission,
    Task,
)
from phoihop.text.selectors import CANDIDATES, search


def _one(qs: QuerySet, public_id: UUID):
    try:
        return qs.get(public_id=public_id)
    except (qs.model.DoesNotExist, ValueError):
        raise Http404 from None


def session_list(*, viewer) -> QuerySet[Session]:
    return Session.objects.restrict(viewer, "view").select_related("organization")


def session_get(*, viewer, public_id: UUID) -> Session:
    return _one(
        session_list(viewer=viewer).select_related("convene_document", "minutes_document"),
        public_id,
    )


def session_agenda(*, viewer, session: Session) -> QuerySet[AgendaItem]:
    """The agenda as the viewer sees it: every item's title, and the items they may open."""
    return (
        session.agenda.all()
        .select_related("organization", "examined_by", "vote", "resolution")
        .annotate(paper_count=Count("papers"))
        .order_by("position", "id")
    )


def agenda_list(*, viewer) -> QuerySet[AgendaItem]:
    return AgendaItem.objects.restrict(viewer, "view").select_related(
        "organization", "session", "council", "examined_by"
    )


def agenda_get(*, viewer, public_id: UUID) -> AgendaItem:
    return _one(agenda_list(viewer=viewer), public_id)


def resolution_list(*, viewer) -> QuerySet[Resolution]:
    return Resolution.objects.restrict(viewer, "view").select_related("organization", "session")


def resolution_get(*, viewer, public_id: UUID) -> Resolution:
    return _one(resolution_list(viewer=viewer), public_id)


def task_list(*, viewer, overdue: bool = False, today: date | None = None) -> QuerySet[Task]:
    qs = Task.objects.restrict(viewer, "view").select_related(
        "organization", "assigned_by", "resolution", "briefing"
    )
    if overdue:
        qs = qs.exclude(status__in=Task.CLOSED).filter(due_on__lt=today or timezone.localdate())
    return qs


def task_get(*, viewer, public_id: UUID) -> Task:
    return _one(task_list(viewer=viewer), public_id)


def overdue_tasks(*, viewer, today: date) -> QuerySet[Task]:
    """Tasks past their date and not reported done: the standing committee's overdue list."""
    return task_list(viewer=viewer, overdue=True, today=today).order_by("due_on", "id")


def submission_list(*, viewer) -> QuerySet[Submission]:
    return Submission.objects.restrict(viewer, "view").select_related("organization", "council")


def submission_get(*, viewer, public_id: UUID) -> Submission:
    return _one(submission_list(viewer=viewer), public_id)


def consultation_ballots(*, consultation: Consultation) -> QuerySet[Ballot]:
    return consultation.ballots.select_related("deputy__person").order_by(
        "deputy__person__full_name", "id"
    )


def own_ballot(*, viewer, consultation: Consultation) -> Ballot | None:
    if not getattr(viewer, "person_id", None):
        return None
    return consultation.ballots.filter(deputy__person_id=viewer.person_id).first()


def briefing_list(*, viewer) -> QuerySet[Briefing]:
    return Briefing.objects.restrict(viewer, "view").select_related("organization")


def briefing_get(*, viewer, public_id: UUID) -> Briefing:
    return _one(briefing_list(viewer=viewer).select_related("notice_document"), public_id)


def deputies_absent_for_a_year(*, viewer, today: date):
    """Deputies marked absent without reason at every session of the last twelve months (at
    least two): the standing committee must propose their dismissal (KH-19, Luật 72/2025 Đ33
    k2). Only the sessions the viewer sees count."""
    from datetime import timedelta

    from phoihop.council.models import Attendance
    from phoihop.organizations.models import Deputy

    since = today - timedelta(days=365)
    sessions = session_list(viewer=viewer).filter(opens_on__gt=since, opens_on__lte=today)
    marks = Attendance.objects.filter(session__in=sessions.values("pk"))
    rows = (
        marks.values("deputy_id")
        .annotate(
            sessions=Count("id"),
            excused=Count("id", filter=~Q(status="absent")),
        )
        .filter(sessions__gte=2, excused=0)
    )
    return Deputy.objects.filter(pk__in=[r["deputy_id"] for r in rows]).select_related("person")


def decisions_for_session(*, viewer, session: Session) -> QuerySet[Resolution]:
    """The standing committee's decisions since the previous session closed, to be reported at
    *session* (GK-01: every such decision is reported at the nearest session)."""
    previous = (
        Session.objects.filter(organization=session.organization, opens_on__lt=session.opens_on)
        .order_by("-opens_on")
        .values_list("closes_on", flat=True)
        .first()
    )
    qs = resolution_list(viewer=viewer).filter(
        kind=Resolution.Kind.STANDING,
        organization__path__startswith=session.organization.path,
        adopted_on__lte=session.opens_on,
    )
    if previous:
        qs = qs.filter(adopted_on__gt=previous)
    return qs.order_by("adopted_on", "number")


@dataclass(frozen=True)
class Implementation:
    """How the tasks of one resolution stand (for the implementation report and the public)."""

    total: int
    done: int
    overdue: int

    @property
    def label(self) -> str:
        if not self.total:
            return "Chưa giao nhiệm vụ"
        if self.done == self.total:
            return "Đã hoàn thành"
        if self.overdue:
            return f"Đang thực hiện ({self.overdue} nhiệm vụ quá hạn)"
        return f"Đang thực hiện ({self.done}/{self.total} hoàn thành)"


def implementation_of(resolutions, today: date) -> dict[int, Implementation]:
    """Per resolution id, its tasks' totals, in one query."""
    ids = [r.pk for r in resolutions]
    rows = (
        Task.objects.filter(resolution_id__in=ids)
        .values("resolution_id")
        .annotate(
            total=Count("id"),
            done=Count("id", filter=Q(status="done")),
            overdue=Count("id", filter=Q(due_on__lt=today) & ~Q(status__in=Task.CLOSED)),
        )
    )
    found = {r["resolution_id"]: Implementation(r["total"], r["done"], r["overdue"]) for r in rows}
    return {pk: found.get(pk, Implementation(0, 0, 0)) for pk in ids}


def implementation_report(*, viewer, session: Session) -> QuerySet[Task]:
    """Tasks of the resolutions adopted before *session*, for the implementation report to it."""
    return (
        task_list(viewer=viewer)
        .filter(resolution__isnull=False, resolution__adopted_on__lt=session.opens_on)
        .filter(resolution__organization__path__startswith=session.organization.path)
        .order_by("resolution__adopted_on", "resolution__number", "id")
    )


# ---------------------------------------------------------------- public


def public_resolutions(
    *, query: str = "", kind: str = "", year: int | None = None, enough: int = CANDIDATES
):
    """Published resolutions and decisions between sessions, newest first. *query* goes to the
    text engine's index (diacritic-insensitive, every term; "dat trong lua" finds "đất trồng
    lúa"), which the resolution joins when it is published; the newest *enough* matches are
    kept (``text.selectors.CANDIDATES`` when a kind or year narrows them further)."""
    qs = Resolution.objects.filter(status=Resolution.Status.PUBLISHED).select_related(
        "organization"
    )
    if kind:
        qs = qs.filter(kind=kind)
    if year:
        qs = qs.filter(year=year)
    if query.strip():
        limit = CANDIDATES if kind or year else min(enough, CANDIDATES)
        hits = search(query, kinds=[Resolution.SEARCH_KIND], limit=limit, newest=True)
        qs = qs.filter(pk__in=[int(hit.object_id) for hit in hits])
    return qs.order_by("-published_on", "-id")


PAGE_SIZE = 25


def page_number(number: str | None) -> int:
    return int(number) if number and number.isdigit() and 0 < int(number) < 10_000 else 1


def page_of(qs, page: int, size: int = PAGE_SIZE) -> tuple[list, bool]:
    """One page of *qs* without counting it all: (rows, has next page)."""
    rows = list(qs[(page - 1) * size : page * size + 1])
    return rows[:size], len(rows) > size


def public_resolution(*, public_id: UUID) -> Resolution:
    return _one(public_resolutions(), public_id)


def public_sessions() -> QuerySet[Session]:
    """The sessions convened or held, with their public agenda (KH-07: sessions are public)."""
    return (
        Session.objects.exclude(status="planned")
        .select_related("organization")
        .order_by("-opens_on")
    )
