"""Reception schedules and the reception register: writes, audit, the XL-01 answer clock."""

from datetime import date, time

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from phoihop.audit.models import AuditEvent
from phoihop.deadlines import engine
from phoihop.deadlines.models import Deadline
from phoihop.reception.errors import (
    MassVisitRepresentativeError,
    VisitAnsweredError,
    VisitWithoutContentError,
)
from phoihop.reception.models import Schedule, Visit
from phoihop.reception.selectors import (
    reception_days,
    schedule_frequency_shortfalls,
    schedule_published_list,
)
from phoihop.reception.services import (
    CitizenInput,
    ItemInput,
    schedule_update,
    visit_answer,
)
from phoihop.reception.tests.factories import make_schedule, make_visit
from phoihop.testing import grant, make_user


def test_schedule_create_records_event(tree, leader):
    schedule = make_schedule(tree.own, actor=leader)

    event = AuditEvent.objects.get(event="reception.schedule.created", target_id=str(schedule.pk))
    assert event.actor == leader
    assert event.data["day_of_month"] == 15


def test_schedule_create_denied_in_another_body_leaves_nothing(tree, leader):
    with pytest.raises(PermissionDenied):
        make_schedule(tree.other, actor=leader)

    assert not Schedule.objects.exists()
    assert not AuditEvent.objects.filter(event="reception.schedule.created").exists()


def test_schedule_create_rejects_fields_of_another_recurrence(tree, leader):
    with pytest.raises(ValidationError):
        make_schedule(tree.own, actor=leader, weekday=3)


def test_schedule_update_records_changes(tree, leader):
    schedule = make_schedule(tree.own, actor=leader)

    schedule_update(actor=leader, schedule=schedule, day_of_month=30, location="Phòng 2")

    event = AuditEvent.objects.get(event="reception.schedule.changed", target_id=str(schedule.pk))
    assert event.data["day_of_month"] == {"old": 15, "new": 30}


def test_schedule_update_denied_to_clerk(tree, leader, clerk):
    schedule = make_schedule(tree.own, actor=leader)

    with pytest.raises(PermissionDenied):
        schedule_update(actor=clerk, schedule=schedule, day_of_month=30)
    schedule.refresh_from_db()
    assert schedule.day_of_month == 15


def test_published_list_and_reception_days(tree, leader):
    make_schedule(tree.own, actor=leader)
    make_schedule(tree.own, actor=leader, official_title="Nháp", is_published=False)
    make_schedule(tree.own, actor=leader, official_title="Cũ", valid_to=date(2026, 1, 31))

    published = list(schedule_published_list(start=date(2026, 3, 1), end=date(2026, 3, 31)))
    days = reception_days(published, start=date(2026, 3, 1), end=date(2026, 3, 31))

    assert [s.official_title for s in published] == ["Chủ tịch UBND tỉnh"]
    assert [(d.planned_on, d.held_on, d.moved) for d in days] == [
        (date(2026, 3, 15), date(2026, 3, 16), True)
    ]


def test_frequency_shortfall_for_commune_chairman_weekly_minimum(tree, leader):
    # TCD-03: at least one day a week; a schedule on the first Monday only falls short.
    make_schedule(
        tree.own,
        actor=leader,
        official_title="Chủ tịch UBND xã",
        basis=Schedule.Basis.COMMUNE_CHAIRMAN,
        recurrence=Schedule.Recurrence.MONTHLY_WEEKDAY,
        day_of_month=None,
        weekday=0,
        week_of_month=1,
    )
    make_schedule(tree.own, actor=leader)  # TCD-01 monthly: enough

    shortfalls = schedule_frequency_shortfalls(
        viewer=leader, start=date(2026, 6, 1), end=date(2026, 6, 28)
    )

    assert [(s.basis, s.period_start, s.scheduled) for s in shortfalls] == [
        ("TCD-03", date(2026, 6, 8), 0),
        ("TCD-03", date(2026, 6, 15), 0),
        ("TCD-03", date(2026, 6, 22), 0),
    ]


def test_frequency_minimum_is_configurable(tree, leader, settings):
    settings.PHOIHOP_RECEPTION = {"MINIMUM_DAYS": {"TCD-03": (2, "month")}}  # TCD-09 reading
    for week in (1, 3):
        make_schedule(
            tree.own,
            actor=leader,
            official_title="Chủ tịch UBND xã",
            basis=Schedule.Basis.COMMUNE_CHAIRMAN,
            recurrence=Schedule.Recurrence.MONTHLY_WEEKDAY,
            day_of_month=None,
            weekday=0,
            week_of_month=week,
        )

    assert not schedule_frequency_shortfalls(
        viewer=leader, start=date(2026, 6, 1), end=date(2026, 7, 31)
    )


def test_visit_register_starts_xl01_clock_for_the_receiving_official(tree, clerk):
    visit = make_visit(tree.own, clerk, actor=clerk, visited_on=date(2026, 4, 23))

    deadline = Deadline.objects.get(target_id=str(visit.pk), rule_id="XL-01")
    # RULEBOOK example: received Thu 23/04/2026 -> answer due Tue 12/05/2026.
    assert deadline.due_on == date(2026, 5, 12) == engine.compute_due("XL-01", visit.visited_on).due
    assert deadline.owner == clerk
    assert visit.reference == "TCD-2026-00001"
    event = AuditEvent.objects.get(event="reception.visit.registered", target_id=str(visit.pk))
    assert event.data["items"] == 1


def test_visit_register_keeps_no_identity_on_its_rows(tree, clerk):
    visit = make_visit(
        tree.own,
        clerk,
        actor=clerk,
        citizens=[CitizenInput(full_name="Trần Thị Bí Mật", phone="0909000111")],
    )

    citizen = visit.citizens.get()
    assert citizen.pseudonym.startswith("NG-") and citizen.identity_id
    event = AuditEvent.objects.get(event="reception.visit.registered", target_id=str(visit.pk))
    assert "Bí Mật" not in str(event.data) and "0909000111" not in str(event.data)


def test_visit_register_numbers_per_body_and_year(tree, clerk):
    first = make_visit(tree.own, clerk, actor=clerk)
    second = make_visit(tree.own, clerk, actor=clerk)

    assert (first.reference, second.reference) == ("TCD-2026-00001", "TCD-2026-00002")


def test_visit_register_mass_visit_needs_a_representative(tree, clerk):
    with pytest.raises(MassVisitRepresentativeError):
        make_visit(tree.own, clerk, actor=clerk, headcount=12)

    visit = make_visit(
        tree.own,
        clerk,
        actor=clerk,
        headcount=12,
        citizens=[CitizenInput(full_name="Lê Văn Đại", is_representative=True), CitizenInput()],
    )
    assert visit.headcount == 12
    assert visit.citizens.filter(is_representative=True).count() == 1


def test_visit_register_refuses_empty_visits(tree, clerk):
    with pytest.raises(VisitWithoutContentError):
        make_visit(tree.own, clerk, actor=clerk, citizens=[CitizenInput()], items=[])
    assert not Visit.objects.exists()


def test_visit_register_denied_in_another_body(tree, clerk):
    with pytest.raises(PermissionDenied):
        make_visit(tree.other, clerk, actor=clerk)
    assert not Visit.objects.exists()
    assert not AuditEvent.objects.filter(event="reception.visit.registered").exists()


def test_visit_answer_completes_the_clock(tree, clerk):
    visit = make_visit(tree.own, clerk, actor=clerk, visited_on=date(2026, 4, 23))

    visit_answer(actor=clerk, visit=visit, answered_on=date(2026, 5, 8), answer="Đã chuyển đơn.")

    visit.refresh_from_db()
    assert visit.status == Visit.Status.ANSWERED
    deadline = Deadline.objects.get(target_id=str(visit.pk), rule_id="XL-01")
    assert deadline.status == Deadline.Status.COMPLETED
    event = AuditEvent.objects.get(event="reception.visit.answered", target_id=str(visit.pk))
    assert event.data["on_time"] is True
    with pytest.raises(VisitAnsweredError):
        visit_answer(actor=clerk, visit=visit, answered_on=date(2026, 5, 9), answer="Lần hai")


def test_visit_answer_denied_to_a_viewer_without_change(tree, clerk):
    visit = make_visit(tree.own, make_user("nguoi.tiep"))  # someone else received it
    supervisor = make_user("giam.sat")
    grant(supervisor, "supervisor", tree.own)

    with pytest.raises(PermissionDenied):
        visit_answer(actor=supervisor, visit=visit, answered_on=date(2026, 5, 8), answer="x")
    visit.refresh_from_db()
    assert visit.is_open


def test_make_schedule_hours_must_be_ordered(tree, leader):
    with pytest.raises(ValidationError):
        make_schedule(tree.own, actor=leader, starts_at=time(11), ends_at=time(8))


def test_visit_register_opens_one_letter_per_content_signed_by_the_representative(tree, clerk):
    from phoihop.letters.models import Letter

    visit = make_visit(
        tree.own,
        clerk,
        actor=clerk,
        headcount=7,
        citizens=[
            CitizenInput(full_name="Võ Thị Hằng", address="thôn 3 xã Hòa An"),
            CitizenInput(full_name="Đỗ Văn Khải", address="thôn 4", is_representative=True),
        ],
        items=[
            ItemInput(content="Võ Thị Hằng khiếu nại việc bồi thường đất ở thôn 3 xã Hòa An"),
            ItemInput(content="Tố cáo cán bộ địa chính nhận tiền", documents=("Ảnh chụp",)),
        ],
    )

    from phoihop.casework.selectors import link_list

    letters = sorted(
        (x.item for x in link_list(viewer=clerk, item=visit) if isinstance(x.item, Letter)),
        key=lambda letter: letter.number,
    )
    assert [letter.channel for letter in letters] == ["reception", "reception"]
    assert [letter.sender_count for letter in letters] == [7, 7]
    assert [item.item for item in visit.items.order_by("position")] == letters
    first_item = visit.items.get(position=1)
    assert "Võ Thị Hằng" not in first_item.content
    assert "Ảnh chụp" in letters[1].content
