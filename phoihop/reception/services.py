"""Writes on reception schedules and the reception register."""

from dataclasses import dataclass
from datetime import date, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from phoihop.access.policy import require, require_in
from phoihop.audit.services import audit_record, field_changes
from phoihop.casework.clocks import clock_main, clock_start, clocks_stop
from phoihop.casework.services import item_create, item_locked, step_add
from phoihop.documents.services import number_take
from phoihop.identity.services import IdentityData, identity_redact_all, identity_store
from phoihop.letters.services import Sender, letter_register
from phoihop.organizations.models import Organization, Person
from phoihop.reception.conf import setting
from phoihop.reception.errors import (
    MassVisitRepresentativeError,
    VisitAnsweredError,
    VisitWithoutContentError,
)
from phoihop.reception.models import Schedule, Visit, VisitCitizen, VisitItem

# The reception register's numbers (NĐ 30/2020 style: per body, per year, from 1).
VISIT_SERIES = "tiep-cong-dan"

SCHEDULE_FIELDS = (
    "official_title",
    "basis",
    "recurrence",
    "day_of_month",
    "weekday",
    "week_of_month",
    "roll_to_working_day",
    "starts_at",
    "ends_at",
    "location",
    "valid_from",
    "valid_to",
    "is_published",
    "note",
)


@transaction.atomic(durable=True)
def schedule_create(
    *,
    actor,
    organization: Organization,
    official_title: str,
    recurrence: str,
    starts_at: time,
    ends_at: time,
    location: str,
    valid_from: date,
    basis: str = Schedule.Basis.OTHER,
    day_of_month: int | None = None,
    weekday: int | None = None,
    week_of_month: int | None = None,
    roll_to_working_day: bool = True,
    valid_to: date | None = None,
    is_published: bool = True,
    person: Person | None = None,
    note: str = "",
) -> Schedule:
    """Set up the periodic reception days of an official of *organization*.

    Raises:
        PermissionDenied: actor may not add schedules for this organization.
        ValidationError: the recurrence fields do not fit the recurrence kind, or the hours or
            the validity period are reversed.

    Records: ``reception.schedule.created``.
    """
    require_in(actor, "reception.add_schedule", organization)
    schedule = Schedule(
        organization=organization,
        person=person,
        official_title=official_title,
        basis=basis,
        recurrence=recurrence,
        day_of_month=day_of_month,
        weekday=weekday,
        week_of_month=week_of_month,
        roll_to_working_day=roll_to_working_day,
        starts_at=starts_at,
        ends_at=ends_at,
        location=location,
        valid_from=valid_from,
        valid_to=valid_to,
        is_published=is_published,
        note=note,
    )
    schedule.full_clean()
    schedule.save()
    audit_record(
        actor=actor,
        event="reception.schedule.created",
        target=schedule,
        data={name: getattr(schedule, name) for name in SCHEDULE_FIELDS},
    )
    return schedule


@transaction.atomic(durable=True)
def schedule_update(*, actor, schedule: Schedule, **changes) -> Schedule:
    """Change a schedule's recurrence, hours, place, validity or publication.

    Raises:
        PermissionDenied: actor may not change this schedule.
        ValueError: a field that is not a schedule field.
        ValidationError: the result is not a valid schedule.

    Records: ``reception.schedule.changed`` (changed fields, old and new).
    """
    unknown = set(changes) - set(SCHEDULE_FIELDS)
    if unknown:
        raise ValueError(f"not schedule fields: {sorted(unknown)}")
    require(actor, "change", schedule)
    schedule = Schedule.objects.select_for_update().get(pk=schedule.pk)
    before = {name: getattr(schedule, name) for name in changes}
    for name, value in changes.items():
        setattr(schedule, name, value)
    schedule.full_clean()
    schedule.save(update_fields=[*changes, "updated_at"])
    audit_record(
        actor=actor,
        event="reception.schedule.changed",
        target=schedule,
        data=field_changes(before, changes),
    )
    return schedule


@dataclass(frozen=True)
class CitizenInput:
    """A citizen present at a visit, as the receiving official writes them down.

    The identity fields go to the identity vault; the visit keeps a pseudonym only.
    """

    full_name: str = ""
    address: str = ""
    phone: str = ""
    id_number: str = ""
    is_representative: bool = False


@dataclass(frozen=True)
class ItemInput:
    """One content a citizen raised, with the titles of the documents handed in for it."""

    content: str
    documents: tuple[str, ...] = ()


def _identity_data(citizen: CitizenInput) -> IdentityData:
    return IdentityData(
        full_name=citizen.full_name.strip(),
        address=citizen.address.strip(),
        phone=citizen.phone.strip(),
        id_number=citizen.id_number.strip(),
    )


def _redacted(text: str, identities: list[IdentityData]) -> str:
    """*text* without any citizen's name, address, phone or ID number (Luật Tố cáo Đ56 k2)."""
    return identity_redact_all(text, identities)


def _letter_sender(citizens: list[CitizenInput], headcount: int) -> Sender:
    """Who signs the visit's letters: the first representative, else the first citizen."""
    first = next((c for c in citizens if c.is_representative), citizens[0])
    return Sender(
        full_name=first.full_name,
        address=first.address,
        phone=first.phone,
        id_number=first.id_number,
        count=headcount,
    )


def _letter_content(item: ItemInput) -> str:
    if not item.documents:
        return item.content
    return f"{item.content}\n\nTài liệu công dân cung cấp: {'; '.join(item.documents)}."


def _next_reference(organization: Organization, visited_on: date) -> str:
    """``TCD-<year>-<n>``: the next number of the body's reception register for the year."""
    number = number_take(organization=organization, year=visited_on.year, series=VISIT_SERIES)
    return f"TCD-{visited_on.year}-{number:05d}"


@transaction.atomic(durable=True)
def visit_register(
    *,
    actor,
    organization: Organization,
    visited_on: date,
    received_by,
    citizens: list[CitizenInput],
    items: list[ItemInput],
    kind: str = Visit.Kind.REGULAR,
    schedule: Schedule | None = None,
    headcount: int | None = None,
    outcome: str = Visit.Outcome.LETTERS,
    outcome_note: str = "",
    idempotency_key: str = "",
) -> Visit:
    """Enter a visit in the reception register, start its answer clock and open its letters.

    Each content item becomes one letter of *organization*, registered through the letters
    service with the visit as its source; the representative (else the first citizen) signs
    them for the whole group. Every citizen's identity is sealed in the identity vault and the
    register keeps the vault's pseudonym only. The answer is due within 10 working days of the
    visit (Luật Tiếp công dân 2013 Đ28 k1, rule XL-01), owned by the receiving official.

    Raises:
        PermissionDenied: actor may not add visits for *organization*.
        VisitWithoutContentError: no citizen, or no content while the outcome is letters.
        MassVisitRepresentativeError: a mass visit with no representative named.
        ValidationError: invalid fields (e.g. a headcount below the citizens listed).
        LetterInputError: from the letters service (e.g. a visit dated in the future).

    Records: ``reception.visit.registered``; ``identity.stored`` per citizen; ``deadline.started``;
    ``letter.registered`` per content.
    """
    require_in(actor, "reception.add_visit", organization)
    if not citizens:
        raise VisitWithoutContentError("Cần ghi ít nhất một công dân đến.")
    if outcome == Visit.Outcome.LETTERS and not items:
        raise VisitWithoutContentError("Cần ghi ít nhất một nội dung công dân trình bày.")
    headcount = headcount or len(citizens)
    if headcount < len(citizens):
        raise ValidationError({"headcount": "Số người đến không được ít hơn số công dân đã ghi."})
    # Five or more people with one content appoint representatives (Luật Khiếu nại Đ8 k4,
    # NĐ 124/2020/NĐ-CP Đ5–Đ11); the register names who spoke for the group.
    if headcount >= setting("MASS_VISIT_SIZE") and not any(c.is_representative for c in citizens):
        raise MassVisitRepresentativeError(
            "Đoàn đông người phải cử người đại diện: đánh dấu ít nhất một người đại diện."
        )
    identities = [_identity_data(c) for c in citizens]

    def build() -> Visit:
        visit = Visit(
            reference=_next_reference(organization, visited_on),
            organization=organization,
            schedule=schedule,
            kind=kind,
            visited_on=visited_on,
            received_by=received_by,
            assigned_to=received_by,
            headcount=headcount,
            outcome=outcome,
            outcome_note=_redacted(outcome_note, identities),
            idempotency_key=idempotency_key,
        )
        visit.full_clean()
        visit.save()
        return visit

    visit, created = item_create(
        Visit, organization=organization, idempotency_key=idempotency_key, build=build
    )
    if not created:
        return visit
    visit_citizens = []
    for n, (citizen, data) in enumerate(zip(citizens, identities, strict=True), start=1):
        identity = (
            None
            if data.is_empty
            else identity_store(actor=actor, organization=organization, data=data)
        )
        label = identity.pseudonym if identity else f"Công dân {n}"
        visit_citizens.append(
            VisitCitizen(
                visit=visit,
                position=n,
                pseudonym=label + (" (đại diện)" if citizen.is_representative else ""),
                identity=identity,
                is_representative=citizen.is_representative,
            )
        )
    for citizen in visit_citizens:
        citizen.full_clean(exclude=["visit"])
    VisitCitizen.objects.bulk_create(visit_citizens)
    sender = _letter_sender(citizens, headcount)
    visit_items = []
    for n, item in enumerate(items, start=1):
        letter = letter_register(
            actor=actor,
            organization=organization,
            channel="reception",
            received_on=visited_on,
            content=_redacted(_letter_content(item), identities),
            sender=sender,
            visit=visit,
        )
        visit_items.append(
            VisitItem(
                visit=visit,
                position=n,
                content=_redacted(item.content, identities),
                documents="\n".join(item.documents),
                item=letter,
            )
        )
    for visit_item in visit_items:
        visit_item.full_clean(exclude=["visit"])
    VisitItem.objects.bulk_create(visit_items)
    audit_record(
        actor=actor,
        event="reception.visit.registered",
        target=visit,
        data={
            "reference": visit.reference,
            "visited_on": visited_on,
            "kind": kind,
            "headcount": headcount,
            "citizens": len(citizens),
            "items": len(items),
            "outcome": outcome,
        },
    )
    clock_start(
        visit,
        setting("ANSWER_RULE"),
        visited_on,
        actor,
        title=f"Trả lời công dân — lượt tiếp {visit.reference}",
    )
    step_add(visit, "registered", visited_on, actor, visit.get_kind_display())
    return visit


@transaction.atomic(durable=True)
def visit_answer(*, actor, visit: Visit, answered_on: date, answer: str) -> Visit:
    """Record the answer given to the citizens of a visit and stop its XL-01 clock.

    Raises:
        PermissionDenied: actor may not change this visit.
        VisitAnsweredError: the visit was already answered.
        DeadlineDateError: *answered_on* is before the visit.

    Records: ``reception.visit.answered`` (answered_on, on_time); ``deadline.completed``.
    """
    visit = item_locked(visit, actor, "change")
    if not visit.is_open:
        raise VisitAnsweredError("Lượt tiếp này đã được trả lời.")
    visit.status = Visit.Status.ANSWERED
    visit.answered_on = answered_on
    visit.answer = answer
    visit.closed_at = timezone.now()
    visit.full_clean()
    visit.save(update_fields=["status", "answered_on", "answer", "closed_at", "updated_at"])
    clock = clock_main(visit, [setting("ANSWER_RULE")], running_only=False)
    on_time = None if clock is None else answered_on <= clock.due_on
    clocks_stop(visit, [setting("ANSWER_RULE")], answered_on, actor)
    step_add(visit, "answered", answered_on, actor, answer)
    audit_record(
        actor=actor,
        event="reception.visit.answered",
        target=visit,
        data={"answered_on": answered_on, "on_time": on_time},
    )
    return visit
