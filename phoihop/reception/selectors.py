"""Reads of reception schedules and the reception register."""

from dataclasses import dataclass
from datetime import date, timedelta
from uuid import UUID

from django.db.models import Q, QuerySet
from django.http import Http404

from phoihop.core.selectors import one_or_404
from phoihop.deadlines import engine
from phoihop.identity.models import Identity
from phoihop.identity.selectors import identity_can_read
from phoihop.reception import recurrence
from phoihop.reception.conf import setting
from phoihop.reception.models import Schedule, Visit, VisitCitizen, VisitItem


@dataclass(frozen=True)
class ReceptionDay:
    """One day an official receives citizens, computed from a schedule and the calendar."""

    schedule: Schedule
    planned_on: date
    held_on: date

    @property
    def moved(self) -> bool:
        return self.planned_on != self.held_on


def _valid_between(start: date, end: date) -> Q:
    return Q(valid_from__lte=end) & (Q(valid_to__isnull=True) | Q(valid_to__gte=start))


def schedule_list(*, viewer, organization=None) -> QuerySet[Schedule]:
    """Schedules *viewer* may see."""
    qs = Schedule.objects.restrict(viewer, "view").select_related("organization", "person")
    return qs.filter(organization=organization) if organization is not None else qs


def schedule_get(*, viewer, public_id: UUID) -> Schedule:
    """One visible schedule; Http404 whether it is missing or not visible to *viewer*."""
    return one_or_404(schedule_list(viewer=viewer), public_id=public_id)


def schedule_published_list(*, start: date, end: date) -> QuerySet[Schedule]:
    """Schedules published on the public site and valid at some point in [start, end].

    The reception days of officials are public information (Luật Tiếp công dân Đ12, Đ20: the
    schedule is posted at the reception place and on the body's portal), so no viewer applies.
    """
    return (
        Schedule.objects.filter(is_published=True)
        .filter(_valid_between(start, end))
        .select_related("organization", "person")
    )


def reception_days(
    schedules, *, start: date, end: date, calendar: engine.BusinessCalendar | None = None
) -> list[ReceptionDay]:
    """The reception days of *schedules* held in [start, end], in date order."""
    calendar = calendar or engine.current_calendar()
    days = []
    for schedule in schedules:
        first = max(start, schedule.valid_from)
        last = min(end, schedule.valid_to) if schedule.valid_to else end
        if first > last:
            continue
        days.extend(
            ReceptionDay(schedule=schedule, planned_on=o.planned_on, held_on=o.held_on)
            for o in recurrence.occurrences(schedule.pattern, first, last, calendar)
        )
    return sorted(days, key=lambda d: (d.held_on, d.schedule.starts_at, d.schedule.pk))


@dataclass(frozen=True)
class FrequencyShortfall:
    """A period in which an official's schedules give fewer days than the law's minimum."""

    organization: str
    official_title: str
    basis: str
    period_start: date
    required: int
    scheduled: int


def _periods(unit: str, start: date, end: date):
    if unit == "week":
        monday = start - timedelta(days=start.weekday())
        while monday <= end:
            yield monday, monday + timedelta(days=6)
            monday += timedelta(days=7)
        return
    for year, month in recurrence.month_span(start, end):
        first = date(year, month, 1)
        yield first, recurrence.last_day_of_month(first)


def schedule_frequency_shortfalls(*, viewer, start: date, end: date) -> list[FrequencyShortfall]:
    """Periods in [start, end] where an official with a statutory minimum is under-scheduled.

    Officials are grouped by organization, title and legal basis (one official may have several
    schedules, e.g. two days a month). Minimums: ``PHOIHOP_RECEPTION["MINIMUM_DAYS"]``.
    """
    minimums = setting("MINIMUM_DAYS")
    groups: dict[tuple, list[Schedule]] = {}
    qs = schedule_list(viewer=viewer).filter(basis__in=list(minimums))
    for schedule in qs.filter(_valid_between(start, end)):
        key = (schedule.organization.short_name, schedule.official_title, schedule.basis)
        groups.setdefault(key, []).append(schedule)
    calendar = engine.current_calendar()
    shortfalls = []
    for (org_name, title, basis), schedules in sorted(groups.items()):
        required, unit = minimums[basis]
        for period_start, period_end in _periods(unit, start, end):
            held = {
                d.held_on
                for d in reception_days(
                    schedules, start=period_start, end=period_end, calendar=calendar
                )
                if engine.is_working_day(d.held_on, calendar)
            }
            if len(held) < required:
                shortfalls.append(
                    FrequencyShortfall(org_name, title, basis, period_start, required, len(held))
                )
    return shortfalls


def visit_list(*, viewer, status: str | None = None) -> QuerySet[Visit]:
    """Visits in the reception register that *viewer* may see, newest first."""
    qs = Visit.objects.restrict(viewer, "view").select_related(
        "organization", "received_by", "schedule"
    )
    return qs.filter(status=status) if status else qs


def visit_get(*, viewer, public_id: UUID) -> Visit:
    """One visible visit with its citizens and items; Http404 if missing or not visible."""
    visits = visit_list(viewer=viewer).prefetch_related("citizens", "items")
    return one_or_404(visits, public_id=public_id)


@dataclass(frozen=True)
class VisitContent:
    """A content of a visit and, if *viewer* may see it, the letter it became."""

    item: VisitItem
    letter: object | None


def visit_letters(*, viewer, visit: Visit) -> list[VisitContent]:
    """The contents of *visit*, each with its letter when visible to *viewer*."""
    from phoihop.letters.selectors import letter_list

    items = list(visit.items.all())
    ids = [item.item_id for item in items if item.item_id]
    letters = {letter.pk: letter for letter in letter_list(viewer=viewer).filter(pk__in=ids)}
    return [VisitContent(item=item, letter=letters.get(item.item_id)) for item in items]


@dataclass(frozen=True)
class VisitCitizenEntry:
    citizen: VisitCitizen
    identity: Identity | None
    can_read_identity: bool


def visit_citizen_list(*, viewer, visit: Visit) -> list[VisitCitizenEntry]:
    """The citizens of a visit the caller fetched through ``visit_get``, each with its vault
    record and whether *viewer* holds the clearance to read it (nothing is decrypted)."""
    entries = []
    # A second query, not a join: the vault may live in its own database (decision 0125).
    for citizen in visit.citizens.prefetch_related("identity"):
        identity = citizen.identity
        readable = identity is not None and identity_can_read(viewer=viewer, identity=identity)
        entries.append(VisitCitizenEntry(citizen, identity, readable))
    return entries


def visit_citizen_identity_get(*, viewer, visit: Visit, position: int) -> VisitCitizenEntry:
    """One citizen of the visit whose identity *viewer* is cleared to read; Http404 otherwise."""
    citizen = visit.citizens.filter(position=position).first()
    identity = citizen.identity if citizen is not None else None
    if identity is None or not identity_can_read(viewer=viewer, identity=identity):
        raise Http404
    return VisitCitizenEntry(citizen, identity, True)


@dataclass(frozen=True)
class VisitSlip:
    """What the receipt and appointment slip says (Luật Tiếp công dân Đ28 k1; TT 04/2021)."""

    name: str  # blank when the viewer may not print it
    address: str
    headcount: int
    contents: list[str]
    documents: list[str]
    answer_due: date | None
    answer_period: str = ""  # the answer's time limit in words, from its clock's rule


_BLANK = "……………………"


def visit_slip(*, viewer, visit: Visit) -> VisitSlip:
    """The slip of a visit fetched through ``visit_get``. The name of the representative (else
    the first citizen) is read from the vault for the officer who received the visit or one
    cleared to read it, the read audited as a document addressed to the citizen."""
    from phoihop.deadlines.selectors import deadline_item_list
    from phoihop.identity.redaction import reword
    from phoihop.identity.services import identity_addressee

    citizens = list(visit.citizens.all())
    lead = next((c for c in citizens if c.is_representative), citizens[0] if citizens else None)
    name = address = ""
    if lead is not None and lead.identity_id:
        identity = Identity.objects.get(pk=lead.identity_id)
        if viewer.pk == visit.received_by_id or identity_can_read(viewer=viewer, identity=identity):
            name, address = identity_addressee(
                actor=viewer,
                identity=identity,
                purpose=f"In phiếu biên nhận, phiếu hẹn lượt tiếp {visit.reference}",
            )
    items = list(visit.items.all())
    running = [d for d in deadline_item_list(target=visit) if d.status == "running"]
    nearest = min(running, key=lambda d: (d.due_on, d.pk), default=None)
    return VisitSlip(
        name=name,
        address=address,
        headcount=visit.headcount,
        # The slip goes to the citizen: the contents name them where they gave their name and
        # address (for a viewer who may print those; a blank line otherwise), never with the
        # redaction marker meant for verifiers (decision 0027).
        contents=[
            reword(item.content, name=name or _BLANK, address=address or _BLANK) for item in items
        ],
        documents=[title for item in items for title in item.document_titles],
        answer_due=nearest.due_on if nearest else visit.due_on,
        answer_period=nearest.rule_period if nearest else "",
    )
