"""Running deadlines: start, extend, suspend, resume, complete — each audited."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.db import transaction

from phoihop.audit.models import AuditEvent
from phoihop.deadlines import engine
from phoihop.deadlines.errors import DeadlineDateError, DeadlineRuleError, DeadlineStateError
from phoihop.deadlines.models import Deadline, DeadlineEvent
from phoihop.deadlines.services import (
    deadline_complete,
    deadline_extend,
    deadline_resume,
    deadline_start,
    deadline_suspend,
    deadlines_step_taken,
)
from phoihop.deadlines.tests.factories import deadline_officer
from phoihop.testing import make_user


@pytest.fixture
def officer(tree):
    return deadline_officer("chuyen.vien", tree.own)


def start(tree, officer, rule_id="KN-04", on=date(2026, 3, 20), **kwargs):
    return deadline_start(
        target=tree.own_unit,
        organization=tree.own_unit,
        rule_id=rule_id,
        start_on=on,
        actor=officer,
        title="Đơn khiếu nại của ông A",
        owner=officer,
        **kwargs,
    )


def events(deadline, code):
    return AuditEvent.objects.filter(event=code, target_id=str(deadline.pk))


def test_deadline_start_takes_its_due_date_from_the_engine_and_records_event(tree, officer):
    deadline = start(tree, officer, complex=True)

    assert deadline.due_on == engine.compute_due("KN-04", date(2026, 3, 20), complex=True).due
    assert deadline.status == Deadline.Status.RUNNING
    assert not deadline.provisional
    event = events(deadline, "deadline.started").get()
    assert event.actor == officer
    assert event.data["rule_id"] == "KN-04"
    # The log names the clock as people read it, not by the rule's code.
    assert event.target_display == f"Đơn khiếu nại của ông A — hạn {deadline.due_on:%d/%m/%Y}"
    assert list(deadline.events.values_list("kind", flat=True)) == ["started"]


def test_deadline_start_is_provisional_when_a_year_has_no_official_schedule(tree, officer):
    deadline = start(tree, officer, on=date(2026, 12, 20))

    assert deadline.provisional


def test_deadline_start_without_grant_is_refused_and_leaves_nothing(tree):
    outsider = make_user("nguoi.ngoai")

    with pytest.raises(PermissionDenied), transaction.atomic():
        start(tree, outsider)

    assert not Deadline.objects.exists()
    assert not AuditEvent.objects.filter(event="deadline.started").exists()


@pytest.mark.parametrize(
    ("rule_id", "flags"), [("XX-01", {}), ("KN-03", {"especially_complex": True})]
)
def test_deadline_start_rejects_unknown_rule_or_variant(tree, officer, rule_id, flags):
    with pytest.raises(DeadlineRuleError):
        start(tree, officer, rule_id=rule_id, **flags)


def test_deadline_extend_adds_days_and_keeps_history(tree, officer):
    # Luật Tố cáo Đ30: one 30-day extension turns a 30-day case into a 60-day one.
    deadline = start(tree, officer, rule_id="TC-08", on=date(2026, 6, 1))
    first_due = deadline.due_on

    deadline = deadline_extend(deadline=deadline, days=30, reason="Vụ việc phức tạp", actor=officer)

    assert deadline.due_on == engine.compute_due("TC-08", date(2026, 6, 1), complex=True).due
    event = events(deadline, "deadline.extended").get()
    assert event.data["due_on"] == {
        "old": first_due.isoformat(),
        "new": deadline.due_on.isoformat(),
    }
    extended = deadline.events.get(kind=DeadlineEvent.Kind.EXTENDED)
    assert (extended.days, extended.due_before, extended.due_after) == (
        30,
        first_due,
        deadline.due_on,
    )


def test_deadline_extend_refuses_a_completed_deadline(tree, officer):
    deadline = start(tree, officer)
    deadline_complete(deadline=deadline, on=date(2026, 4, 1), actor=officer)

    with pytest.raises(DeadlineStateError):
        deadline_extend(deadline=deadline, days=5, reason="", actor=officer)


@pytest.mark.parametrize(
    ("rule_id", "start_on", "suspended_on", "resumed_on"),
    [
        ("KN-04", date(2026, 3, 20), date(2026, 3, 25), date(2026, 4, 4)),  # calendar days
        ("XL-01", date(2026, 4, 23), date(2026, 4, 24), date(2026, 5, 4)),  # working days
        ("TC-01", date(2026, 2, 11), date(2026, 2, 12), date(2026, 2, 24)),  # across Tết
    ],
)
def test_suspension_shifts_due_date_by_the_days_the_clock_stood_still(
    tree, officer, rule_id, start_on, suspended_on, resumed_on
):
    deadline = start(tree, officer, rule_id=rule_id, on=start_on)
    due_before = deadline.due_on
    rule = engine.current_rules().get(rule_id)

    deadline_suspend(
        deadline=deadline, on=suspended_on, reason="Chờ kết quả giám định", actor=officer
    )
    deadline = deadline_resume(
        deadline=Deadline.objects.get(pk=deadline.pk), on=resumed_on, actor=officer
    )

    stood_still = engine.elapsed_days(rule.day_type, suspended_on, resumed_on)
    assert deadline.suspended_days == stood_still > 0
    assert deadline.due_on == engine.compute_due(rule_id, start_on, extra_days=stood_still).due
    assert engine.is_working_day(deadline.due_on)
    if rule.day_type == engine.DayType.WORKING:
        assert engine.working_days_between(due_before, deadline.due_on) == stood_still
    assert [e.kind for e in deadline.events.all()] == ["started", "suspended", "resumed"]
    assert events(deadline, "deadline.suspended").exists()
    assert events(deadline, "deadline.resumed").get().data["suspended_days"]["new"] == stood_still


def test_suspended_deadline_is_not_overdue_and_cannot_be_suspended_twice(tree, officer):
    deadline = start(tree, officer)
    deadline = deadline_suspend(deadline=deadline, on=date(2026, 3, 21), reason="", actor=officer)

    assert not deadline.is_overdue(date(2026, 12, 31))
    with pytest.raises(DeadlineStateError):
        deadline_suspend(deadline=deadline, on=date(2026, 3, 22), reason="", actor=officer)


def test_resume_before_suspension_is_refused(tree, officer):
    deadline = start(tree, officer)
    deadline = deadline_suspend(deadline=deadline, on=date(2026, 3, 25), reason="", actor=officer)

    with pytest.raises(DeadlineDateError):
        deadline_resume(deadline=deadline, on=date(2026, 3, 24), actor=officer)


def test_resume_of_a_running_deadline_is_refused(tree, officer):
    deadline = start(tree, officer)

    with pytest.raises(DeadlineStateError):
        deadline_resume(deadline=deadline, on=date(2026, 3, 24), actor=officer)


@pytest.mark.parametrize(
    ("done_on", "on_time"), [(date(2026, 4, 20), True), (date(2026, 4, 21), False)]
)
def test_deadline_complete_records_whether_it_was_on_time(tree, officer, done_on, on_time):
    deadline = start(tree, officer)
    assert deadline.due_on == date(2026, 4, 20)  # RULEBOOK example KN-04

    deadline = deadline_complete(deadline=deadline, on=done_on, actor=officer)

    assert deadline.status == Deadline.Status.COMPLETED
    assert events(deadline, "deadline.completed").get().data["on_time"] is on_time
    with pytest.raises(DeadlineStateError):
        deadline_complete(deadline=deadline, on=done_on, actor=officer)


def _step_taken(tree, officer, rule_id, on, **kwargs):
    deadlines_step_taken(target=tree.own_unit, rules=[rule_id], on=on, actor=officer, **kwargs)
    return Deadline.objects.get(rule_id=rule_id)


def test_a_step_taken_before_a_forward_clock_started_meets_it_on_its_start(tree, officer):
    start(tree, officer)  # KN-04 from 20 March 2026, due 20 April

    clock = _step_taken(tree, officer, "KN-04", date(2026, 3, 18))

    assert (clock.status, clock.completed_on) == (Deadline.Status.COMPLETED, date(2026, 3, 20))


def test_a_limit_counted_back_is_met_on_the_step_day_before_its_event(tree, officer):
    start(tree, officer, rule_id="TX-04", on=date(2026, 5, 20))  # 7 working days before

    clock = _step_taken(tree, officer, "TX-04", date(2026, 5, 4))

    assert clock.counts_back and clock.completed_on == date(2026, 5, 4) < clock.due_on


@pytest.mark.parametrize(
    ("on", "completed_on"),
    [(date(2026, 5, 2), date(2026, 4, 20)), (date(2026, 4, 1), date(2026, 4, 1))],
)
def test_a_window_closes_on_its_due_date_at_the_latest(tree, officer, on, completed_on):
    start(tree, officer)  # due 20 April 2026

    clock = _step_taken(tree, officer, "KN-04", on, window=True)

    assert clock.completed_on == completed_on
    assert events(clock, "deadline.completed").get().data["on_time"] is True


def test_a_step_taken_late_is_completed_late_and_only_the_rules_named(tree, officer):
    start(tree, officer)
    other = start(tree, officer, rule_id="XL-01", on=date(2026, 4, 23))

    clock = _step_taken(tree, officer, "KN-04", date(2026, 5, 2))

    assert clock.completed_on == date(2026, 5, 2)
    assert events(clock, "deadline.completed").get().data["on_time"] is False
    assert Deadline.objects.get(pk=other.pk).status == Deadline.Status.RUNNING


def test_owner_without_grant_may_change_own_deadline_but_others_may_not(tree, officer):
    owner = make_user("chu.tri")
    deadline = deadline_start(
        target=tree.own_unit,
        organization=tree.own,
        rule_id="XL-01",
        start_on=date(2026, 4, 23),
        actor=officer,
        owner=owner,
    )

    deadline_extend(deadline=deadline, days=2, reason="", actor=owner)
    with pytest.raises(PermissionDenied):
        deadline_extend(deadline=deadline, days=2, reason="", actor=make_user("khac"))
