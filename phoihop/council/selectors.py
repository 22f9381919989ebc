"""Reads of the council area. Everything starts from ``restrict(viewer, "view")``: what the
viewer may not see does not exist for them (404). The public reads show only what is published."""

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.db import connection
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from phoihop.core.selectors import one_or_404
from phoihop.council.models import (
    AgendaItem,
    Ballot,
    Briefing,
    Consultation,
    Paper,
    Resolution,
    ResolutionFile,
    Session,
    Submission,
    Task,
)
from phoihop.text.selectors import CANDIDATES, search_results


def session_list(*, viewer) -> QuerySet[Session]:
    return Session.objects.restrict(viewer, "view").select_related("organization")


def session_get(*, viewer, public_id: UUID) -> Session:
    return one_or_404(
        session_list(viewer=viewer).select_related("convene_document", "minutes_document"),
        public_id=public_id,
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
    return one_or_404(agenda_list(viewer=viewer), public_id=public_id)


def resolution_list(*, viewer) -> QuerySet[Resolution]:
    return Resolution.objects.restrict(viewer, "view").select_related("organization", "session")


def resolution_get(*, viewer, public_id: UUID) -> Resolution:
    return one_or_404(resolution_list(viewer=viewer), public_id=public_id)


def task_list(*, viewer, overdue: bool = False, today: date | None = None) -> QuerySet[Task]:
    qs = Task.objects.restrict(viewer, "view").select_related(
        "organization", "assigned_by", "resolution", "briefing"
    )
    if overdue:
        qs = qs.exclude(status__in=Task.CLOSED).filter(due_on__lt=today or timezone.localdate())
    return qs


def task_get(*, viewer, public_id: UUID) -> Task:
    return one_or_404(task_list(viewer=viewer), public_id=public_id)


def overdue_tasks(*, viewer, today: date) -> QuerySet[Task]:
    """Tasks past their date and not reported done: the standing committee's overdue list."""
    return task_list(viewer=viewer, overdue=True, today=today).order_by("due_on", "id")


def submission_list(*, viewer) -> QuerySet[Submission]:
    return Submission.objects.restrict(viewer, "view").select_related("organization", "council")


def submission_get(*, viewer, public_id: UUID) -> Submission:
    return one_or_404(submission_list(viewer=viewer), public_id=public_id)


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
    return one_or_404(
        briefing_list(viewer=viewer).select_related("notice_document"), public_id=public_id
    )


def deputies_absent_for_a_year(*, viewer, today: date):
    """Deputies marked absent without reason at every session of the last twelve months (at
    least two): the standing committee must propose their dismissal (KH-19, Luật 72/2025/QH15 Đ33
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


def decisions_for_session(
    *, viewer, session: Session, public: bool = False
) -> QuerySet[Resolution]:
    """The standing committee's decisions since the previous session closed, to be reported at
    *session* (GK-01: every such decision is reported at the nearest session); with *public*,
    the published ones, for anyone."""
    previous = (
        Session.objects.filter(organization=session.organization, opens_on__lt=session.opens_on)
        .order_by("-opens_on")
        .values_list("closes_on", flat=True)
        .first()
    )
    qs = (public_resolutions() if public else resolution_list(viewer=viewer)).filter(
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
            return gettext("Chưa giao nhiệm vụ")
        if self.done == self.total:
            return gettext("Đã hoàn thành")
        if self.overdue:
            return ngettext(
                "Đang thực hiện (%(overdue)s nhiệm vụ quá hạn)",
                "Đang thực hiện (%(overdue)s nhiệm vụ quá hạn)",
                self.overdue,
            ) % {"overdue": self.overdue}
        return gettext("Đang thực hiện (%(done)s/%(total)s hoàn thành)") % {
            "done": self.done,
            "total": self.total,
        }


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


def search_entry(resolution: Resolution) -> tuple[str, str]:
    """The title and body a published resolution has in the text engine's index: its symbol
    and title; its summary and the year of its register, so that a year is searched as a
    word ("2026")."""
    return (
        f"{resolution.symbol} {resolution.title}",
        f"{resolution.summary}\n{resolution.year}".strip(),
    )


def public_resolutions(*, kind: str = "", year: int | None = None) -> QuerySet[Resolution]:
    """Published resolutions and decisions between sessions, newest published first."""
    qs = Resolution.objects.filter(status=Resolution.Status.PUBLISHED)
    if kind:
        qs = qs.filter(kind=kind)
    if year:
        qs = qs.filter(year=year)
    return qs.order_by("-published_on", "-id")


# The columns a public list shows: a page reads only these (no joins).
PUBLIC_LIST_FIELDS = ("public_id", "symbol", "title", "kind", "adopted_on", "published_on")


@dataclass(frozen=True)
class PublicWindow:
    """Rows *start*…*stop* of the public search (``stop`` excluded), whether more follow,
    and whether only the newest ``CANDIDATES`` matches could be looked at (capped)."""

    rows: list[Resolution]
    has_next: bool
    capped: bool = False


def public_resolution_window(
    *,
    query: str = "",
    kind: str = "",
    year: int | None = None,
    start: int = 0,
    stop: int = 26,
    full: bool = False,
) -> PublicWindow:
    """One window of the public search, read without counting every match (decision 0244).

    Without words: the rows in order from the index on (status, [kind,] published_on, id).
    With words: the text engine's index (diacritic-insensitive: "dat trong lua" finds "đất
    trồng lúa") gives the matching resolutions newest published first (in the order they
    were published), walking its index from the newest entry and stopping when the window is
    full. Only resolutions having every word are found (no ranked fallback to some of the
    words: it cost a tenth of a second a query on PostgreSQL). A year is one more word to
    match (each entry holds its year, ``search_entry``); a kind or a year narrows the
    matches: the newest are read in growing batches (at most ``CANDIDATES``) until the
    window is full. One more row than asked tells whether a next
    page exists. *full* reads whole rows with their issuer (the API); a page reads only the
    columns it shows."""
    stop = max(stop, start + 1)
    base = public_resolutions(kind=kind, year=year)
    read = (
        Resolution.objects.select_related("organization__parent")
        if full
        else Resolution.objects.only("status", *PUBLIC_LIST_FIELDS)
    )
    if not query.strip():
        ids = list(base.values_list("pk", flat=True)[start : stop + 1])
        by_id = read.in_bulk(ids)
        rows = [by_id[pk] for pk in ids if pk in by_id]
        return PublicWindow(rows[: stop - start], len(rows) > stop - start)
    narrowed = bool(kind or year)
    if year:  # the year is a word of every resolution's index entry (search_entry)
        query = f"{year} {query}"
    limit = min(CANDIDATES, stop + 1 if not narrowed else max(4 * (stop + 1), 200))
    while True:
        results = search_results(
            query, kinds=[Resolution.SEARCH_KIND], limit=limit, newest=True, fallback=False
        )
        found = [int(hit.object_id) for hit in results.hits]
        if narrowed:
            found = _narrowed(found, kind=kind, year=year)
        exhausted = len(results.hits) < limit
        if len(found) > stop or exhausted or limit >= CANDIDATES:
            break
        # Enough matches for the window if the share kept so far holds, with room to spare.
        wanted = (stop + 1) * limit * 3 // 2 // len(found) if found else limit * 8
        limit = min(CANDIDATES, max(wanted, limit * 2))
    ids = found[start : stop + 1]
    by_id = read.in_bulk(ids)
    rows = [by_id[pk] for pk in ids if pk in by_id and by_id[pk].status == "published"]
    return PublicWindow(
        rows[: stop - start],
        len(rows) > stop - start,
        capped=not exhausted and len(found) <= stop,
    )


def _narrowed(ids: list[int], *, kind: str, year: int | None) -> list[int]:
    """*ids* (in their order) of published resolutions of *kind* and *year*. Read by primary
    key only and checked here: with the status in the query, SQLite without fresh statistics
    walked the whole status index instead. Up to ``CANDIDATES`` ids are bound directly
    (the ORM's preparation of each value cost more than the query)."""
    if not ids:
        return []
    table = Resolution._meta.db_table
    marks = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id, status, kind, year FROM {table} WHERE id IN ({marks})",  # noqa: S608
            [int(pk) for pk in ids],
        )
        kept = {
            pk
            for pk, status, row_kind, row_year in cursor.fetchall()
            if status == Resolution.Status.PUBLISHED
            and (not kind or row_kind == kind)
            and (not year or row_year == year)
        }
    return [pk for pk in ids if pk in kept]


PAGE_SIZE = 25


def page_number(number: str | None) -> int:
    return int(number) if number and number.isdigit() and 0 < int(number) < 10_000 else 1


def public_resolution(*, public_id: UUID) -> Resolution:
    return one_or_404(
        public_resolutions().select_related("organization__parent", "session"), public_id=public_id
    )


def public_sessions() -> QuerySet[Session]:
    """The sessions convened or held, with their public agenda (KH-07: sessions are public)."""
    return (
        Session.objects.exclude(status="planned")
        .select_related("organization")
        .order_by("-opens_on")
    )


def public_papers(*, with_file: bool = True) -> QuerySet[Paper]:
    """Papers released to the public (with a file to download, unless *with_file* is off):
    those of the agenda of a session convened or held (not withdrawn), and those of a
    submission whose decision is published."""
    papers = Paper.objects.filter(public=True)
    if with_file:
        papers = papers.exclude(content_type="")
    return papers.filter(
        Q(
            agenda_item__session__status__in=(Session.Status.CONVENED, Session.Status.CLOSED),
            agenda_item__status__in=[
                s for s in AgendaItem.Status.values if s != AgendaItem.Status.WITHDRAWN
            ],
        )
        | Q(submission__resolution__status=Resolution.Status.PUBLISHED)
    )


def public_paper(*, public_id: UUID) -> Paper:
    return one_or_404(public_papers(), public_id=public_id)


def public_resolution_papers(resolution: Resolution) -> QuerySet[Paper]:
    """The public papers of the dossier a resolution was adopted on (its agenda item's, or
    the submission's for a decision between sessions), without their bytes."""
    if not (resolution.agenda_item_id or resolution.submission_id):
        return Paper.objects.none()
    owner = (
        Q(agenda_item_id=resolution.agenda_item_id)
        if resolution.agenda_item_id
        else Q(submission_id=resolution.submission_id)
    )
    return public_papers(with_file=False).filter(owner).defer("content").order_by("id")


def public_resolution_files(resolution: Resolution) -> QuerySet[ResolutionFile]:
    """A published resolution's files marked public, without their bytes."""
    return ResolutionFile.objects.filter(
        resolution=resolution,
        public=True,
        resolution__status=Resolution.Status.PUBLISHED,
    ).defer("content")


def public_resolution_file(*, public_id: UUID) -> ResolutionFile:
    return one_or_404(
        ResolutionFile.objects.filter(public=True, resolution__status=Resolution.Status.PUBLISHED),
        public_id=public_id,
    )


def public_voter_answers(resolution: Resolution) -> list:
    """The published answers to voters' petitions that the resolution's tasks answer (linked
    ``answers`` when the tasks were set), for its public page."""
    from django.contrib.contenttypes.models import ContentType

    from phoihop.casework.models import Link
    from phoihop.voters.models import ConsolidatedPetition
    from phoihop.voters.selectors import published_answers

    task_ids = list(resolution.tasks.values_list("pk", flat=True))
    if not task_ids:
        return []
    linked = Link.objects.filter(
        kind=Link.Kind.ANSWERS,
        from_type=ContentType.objects.get_for_model(Task),
        from_id__in=task_ids,
        to_type=ContentType.objects.get_for_model(ConsolidatedPetition),
    ).values_list("to_id", flat=True)
    return list(published_answers().filter(pk__in=list(linked)))


def public_session_rows(limit: int = 20) -> list[tuple]:
    """For the public calendar: each session convened or held, its agenda (without withdrawn
    items), the papers released to the public, and the standing committee's decisions since
    the previous session that are reported to it (GK-01), published ones only, for the three
    newest sessions."""
    sessions = list(public_sessions()[:limit])
    agenda = (
        AgendaItem.objects.filter(session__in=sessions)
        .exclude(status=AgendaItem.Status.WITHDRAWN)
        .order_by("position", "id")
    )
    by_session: dict[int, list] = {s.pk: [] for s in sessions}
    for item in agenda:
        by_session[item.session_id].append(item)
    papers: dict[int, list] = {s.pk: [] for s in sessions}
    for paper in (
        public_papers(with_file=False)
        .filter(agenda_item__session__in=sessions)
        .select_related("agenda_item")
        .defer("content")
        .order_by("agenda_item__position", "received_on", "id")
    ):
        papers[paper.agenda_item.session_id].append(paper)
    rows = []
    for index, session in enumerate(sessions):
        # The newest sessions only, DECISIONS_SHOWN at most each (all are in the search).
        decisions = (
            decisions_for_session(viewer=None, session=session, public=True)[:DECISIONS_SHOWN]
            if index < 3
            else []
        )
        rows.append((session, by_session[session.pk], papers[session.pk], list(decisions)))
    return rows


DECISIONS_SHOWN = 20
