"""Writes on running deadlines. Other modules start and move their clocks only through these."""

import secrets
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models, transaction

from phoihop.access.policy import require, require_in
from phoihop.audit.services import audit_record, field_changes
from phoihop.deadlines import engine
from phoihop.deadlines.errors import DeadlineDateError, DeadlineRuleError, DeadlineStateError
from phoihop.deadlines.models import Deadline, DeadlineEvent, FeedToken
from phoihop.deadlines.selectors import deadline_open_for_target
from phoihop.organizations.models import Organization


def deadline_due(
    rule_id: str,
    start_on: date,
    *,
    complex: bool = False,
    especially_complex: bool = False,
    remote: bool = False,
    extra_days: int = 0,
) -> engine.DueResult:
    """The due date a clock *rule_id* counted from *start_on* gets (``deadline_start``), or
    has after *extra_days* of extension and suspension.

    Raises:
        DeadlineRuleError: unknown rule, a variant the rule lacks, or no calendar for the dates.
    """
    try:
        return engine.compute_due(
            rule_id,
            start_on,
            complex=complex,
            especially_complex=especially_complex,
            remote=remote,
            extra_days=extra_days,
        )
    except engine.DeadlineEngineError as exc:
        raise DeadlineRuleError(str(exc)) from exc


def _computed(deadline: Deadline) -> engine.DueResult:
    return deadline_due(
        deadline.rule_id,
        deadline.start_on,
        complex=deadline.is_complex,
        especially_complex=deadline.is_especially_complex,
        remote=deadline.is_remote,
        extra_days=deadline.extension_days + deadline.suspended_days,
    )


def _apply_due(deadline: Deadline) -> None:
    result = _computed(deadline)
    deadline.due_on = result.due
    deadline.provisional = result.uses_fallback


_OPEN = (Deadline.Status.RUNNING, Deadline.Status.SUSPENDED)


def _locked_for_change(deadline: Deadline, actor, statuses, refusal: str) -> Deadline:
    """Authorize, lock the stored row and check its status (in that order, STYLE §4)."""
    require(actor, "change", deadline)
    deadline = Deadline.objects.select_for_update().get(pk=deadline.pk)
    if deadline.status not in statuses:
        raise DeadlineStateError(refusal)
    return deadline


def _history(deadline, *, kind, on, actor, days=0, due_before=None, reason="") -> None:
    DeadlineEvent.objects.create(
        deadline=deadline,
        kind=kind,
        on=on,
        days=days,
        due_before=due_before,
        due_after=deadline.due_on,
        reason=reason,
        actor=actor,
    )


@transaction.atomic(savepoint=False)
def deadline_start(
    *,
    target: models.Model,
    organization: Organization,
    rule_id: str,
    start_on: date,
    actor,
    title: str = "",
    owner=None,
    complex: bool = False,
    especially_complex: bool = False,
    remote: bool = False,
) -> Deadline:
    """Start the legal clock *rule_id* on *target*, counted from the event on *start_on*.

    Raises:
        PermissionDenied: actor may not add deadlines in *organization*.
        DeadlineRuleError: unknown rule, a variant the rule lacks, or no calendar for the dates.

    Records: ``deadline.started`` (rule, start, due).
    """
    require_in(actor, "deadlines.add_deadline", organization)
    deadline = Deadline(
        target_type=ContentType.objects.get_for_model(target),
        target_id=str(target.pk),
        title=(title or str(target))[:300],
        organization=organization,
        owner=owner,
        rule_id=rule_id,
        is_complex=complex,
        is_especially_complex=especially_complex,
        is_remote=remote,
        start_on=start_on,
    )
    _apply_due(deadline)
    deadline.full_clean()
    deadline.save()
    _history(deadline, kind=DeadlineEvent.Kind.STARTED, on=start_on, actor=actor)
    audit_record(
        actor=actor,
        event="deadline.started",
        target=deadline,
        related=target,
        data={
            "rule_id": rule_id,
            "start_on": start_on,
            "due_on": deadline.due_on,
            "provisional": deadline.provisional,
        },
    )
    return deadline


@transaction.atomic(savepoint=False)
def deadline_extend(*, deadline: Deadline, days: int, reason: str, actor) -> Deadline:
    """Extend an open deadline by *days* in its rule's day type (e.g. Luật Tố cáo Đ30 k2–k3).

    Raises:
        PermissionDenied: actor may not change this deadline.
        DeadlineStateError: the deadline is completed, or *days* is not positive.

    Records: ``deadline.extended`` (extension_days, due_on old/new).
    """
    deadline = _locked_for_change(
        deadline, actor, _OPEN, "Thời hạn đã hoàn thành, không thể gia hạn."
    )
    if days <= 0:
        raise DeadlineStateError("Số ngày gia hạn phải lớn hơn 0.")
    before = {"extension_days": deadline.extension_days, "due_on": deadline.due_on}
    deadline.extension_days += days
    _apply_due(deadline)
    deadline.full_clean()
    deadline.save(update_fields=["extension_days", "due_on", "provisional", "updated_at"])
    _history(
        deadline,
        kind=DeadlineEvent.Kind.EXTENDED,
        on=before["due_on"],
        actor=actor,
        days=days,
        due_before=before["due_on"],
        reason=reason,
    )
    after = {"extension_days": deadline.extension_days, "due_on": deadline.due_on}
    audit_record(
        actor=actor,
        event="deadline.extended",
        target=deadline,
        data={**field_changes(before, after), "reason": reason},
    )
    return deadline


@transaction.atomic(savepoint=False)
def deadline_suspend(*, deadline: Deadline, on: date, reason: str, actor) -> Deadline:
    """Stop the clock from *on* (e.g. an objective obstacle, Luật Khiếu nại Đ9).

    Raises:
        PermissionDenied: actor may not change this deadline.
        DeadlineStateError: the deadline is not running.
        DeadlineDateError: *on* is before the start.

    Records: ``deadline.suspended`` (suspended_on).
    """
    deadline = _locked_for_change(
        deadline, actor, [Deadline.Status.RUNNING], "Chỉ tạm dừng được thời hạn đang chạy."
    )
    if on < deadline.start_on:
        raise DeadlineDateError("Ngày tạm dừng không được trước ngày bắt đầu tính.")
    deadline.status = Deadline.Status.SUSPENDED
    deadline.suspended_on = on
    deadline.full_clean()
    deadline.save(update_fields=["status", "suspended_on", "updated_at"])
    _history(
        deadline,
        kind=DeadlineEvent.Kind.SUSPENDED,
        on=on,
        actor=actor,
        due_before=deadline.due_on,
        reason=reason,
    )
    audit_record(
        actor=actor,
        event="deadline.suspended",
        target=deadline,
        data={"suspended_on": on, "reason": reason},
    )
    return deadline


@transaction.atomic(savepoint=False)
def deadline_resume(*, deadline: Deadline, on: date, actor) -> Deadline:
    """Restart a suspended clock on *on*; the due date moves by the days it stood still.

    The days in (suspended_on, on] are counted in the rule's day type (docs/decisions/0024).

    Raises:
        PermissionDenied: actor may not change this deadline.
        DeadlineStateError: the deadline is not suspended.
        DeadlineDateError: *on* is before the suspension.

    Records: ``deadline.resumed`` (suspended_days, due_on old/new).
    """
    deadline = _locked_for_change(
        deadline, actor, [Deadline.Status.SUSPENDED], "Thời hạn không ở trạng thái tạm dừng."
    )
    if on < deadline.suspended_on:
        raise DeadlineDateError("Ngày tiếp tục không được trước ngày tạm dừng.")
    rule = engine.current_rules().get(deadline.rule_id)
    stood_still = engine.elapsed_days(rule.day_type, deadline.suspended_on, on)
    before = {"suspended_days": deadline.suspended_days, "due_on": deadline.due_on}
    deadline.suspended_days += stood_still
    deadline.status = Deadline.Status.RUNNING
    deadline.suspended_on = None
    _apply_due(deadline)
    deadline.full_clean()
    deadline.save(
        update_fields=[
            "suspended_days",
            "status",
            "suspended_on",
            "due_on",
            "provisional",
            "updated_at",
        ]
    )
    _history(
        deadline,
        kind=DeadlineEvent.Kind.RESUMED,
        on=on,
        actor=actor,
        days=stood_still,
        due_before=before["due_on"],
    )
    after = {"suspended_days": deadline.suspended_days, "due_on": deadline.due_on}
    audit_record(
        actor=actor, event="deadline.resumed", target=deadline, data=field_changes(before, after)
    )
    return deadline


@transaction.atomic(savepoint=False)
def deadline_complete(*, deadline: Deadline, on: date, actor) -> Deadline:
    """Stop the clock for good: the step the deadline measured was done on *on*.

    Raises:
        PermissionDenied: actor may not change this deadline.
        DeadlineStateError: already completed.
        DeadlineDateError: *on* is before the start of a forward clock.

    Records: ``deadline.completed`` (completed_on, on_time).
    """
    deadline = _locked_for_change(deadline, actor, _OPEN, "Thời hạn đã hoàn thành.")
    # A limit counted back from an event ("chậm nhất N ngày trước ngày khai mạc") is met before
    # the event it is counted from: only a forward clock refuses a day before its start.
    if on < deadline.start_on and not deadline.counts_back:
        raise DeadlineDateError("Ngày hoàn thành không được trước ngày bắt đầu tính.")
    deadline.status = Deadline.Status.COMPLETED
    deadline.suspended_on = None
    deadline.completed_on = on
    deadline.full_clean()
    deadline.save(update_fields=["status", "suspended_on", "completed_on", "updated_at"])
    _history(
        deadline, kind=DeadlineEvent.Kind.COMPLETED, on=on, actor=actor, due_before=deadline.due_on
    )
    audit_record(
        actor=actor,
        event="deadline.completed",
        target=deadline,
        data={"completed_on": on, "on_time": on <= deadline.due_on},
    )
    return deadline


@transaction.atomic(savepoint=False)
def deadlines_step_taken(
    *, target: models.Model, rules, on: date, actor, window: bool = False
) -> list[Deadline]:
    """The step the open clocks *rules* on *target* measure (every open clock when *rules* is
    None) was taken on *on*: complete each on the day it was met. This is the one rule for
    that day, used by casework's ``clocks_stop`` and the elections' timetable:

    - a forward clock is met on its start day at the earliest (a step taken before the clock
      started met it as it started; ``deadline_complete`` refuses an earlier day);
    - a limit counted back from an event is met on *on*, even before the event;
    - a *window* (a time for changes that closes, not an act) closed on its due date at the
      latest, so it is never completed late.

    Raises and records as ``deadline_complete``, once per clock."""
    done = []
    for deadline in deadline_open_for_target(target, rules):
        day = min(on, deadline.due_on) if window else on
        if not deadline.counts_back:
            day = max(day, deadline.start_on)
        done.append(deadline_complete(deadline=deadline, on=day, actor=actor))
    return done


@transaction.atomic(savepoint=False)
def deadline_owner_set(*, deadline: Deadline, owner, actor) -> Deadline:
    """Give an open deadline to another officer: the reminders follow the item's assignee.

    Raises:
        PermissionDenied: actor may not change this deadline.
        DeadlineStateError: the deadline is completed.

    Records: ``deadline.owner_changed`` (owner old/new).
    """
    deadline = _locked_for_change(deadline, actor, _OPEN, "Thời hạn đã hoàn thành.")
    before = {"owner": deadline.owner_id}
    if before["owner"] == getattr(owner, "pk", None):
        return deadline
    deadline.owner = owner
    deadline.save(update_fields=["owner", "updated_at"])
    audit_record(
        actor=actor,
        event="deadline.owner_changed",
        target=deadline,
        data=field_changes(before, {"owner": getattr(owner, "pk", None)}),
    )
    return deadline


@transaction.atomic
def deadline_feed_token_rotate(*, user, actor) -> FeedToken:
    """Give *user* a new secret feed address; the old address stops working.

    Raises:
        PermissionDenied: actor is neither the user nor a superuser.

    Records: ``deadline.feed_token_rotated``.
    """
    if actor.pk != user.pk and not actor.is_superuser:
        raise PermissionDenied
    token, _ = FeedToken.objects.update_or_create(
        user=user, defaults={"key": secrets.token_urlsafe(32)}
    )
    audit_record(actor=actor, event="deadline.feed_token_rotated", target=user)
    return token


def _milestone(deadline: Deadline, today: date, before_working_days: int) -> str:
    if deadline.due_on < today:
        return "overdue"
    if deadline.due_on == today:
        return "due"
    if engine.working_days_between(today, deadline.due_on) <= before_working_days:
        return "soon"
    return ""


_MILESTONE_TITLES = {
    "soon": "Sắp đến hạn ngày {due:%d/%m/%Y}: {title}",
    "due": "Hôm nay ({due:%d/%m/%Y}) là hạn: {title}",
    "overdue": "Đã quá hạn ngày {due:%d/%m/%Y}: {title}",
}


def deadline_notify_due(*, today: date, actor) -> int:
    """Remind each owner of a running deadline before, on and after its due date.

    One notification per deadline, milestone and due date (an extension re-arms the reminders),
    so running the job twice a day sends nothing new. Returns the number sent.
    """
    from phoihop.deadlines.conf import setting
    from phoihop.deadlines.selectors import deadline_reminder_candidates
    from phoihop.notifications.services import notification_send

    before = setting("NOTIFY_BEFORE_WORKING_DAYS")
    sent = 0
    for deadline in deadline_reminder_candidates(today=today, before_working_days=before):
        milestone = _milestone(deadline, today, before)
        if not milestone:
            continue
        rule = engine.current_rules().get(deadline.rule_id)
        title = _MILESTONE_TITLES[milestone].format(due=deadline.due_on, title=deadline.title)
        body = f"{rule.id} — {rule.title} ({rule.citation})."
        with transaction.atomic():
            notification = notification_send(
                recipient=deadline.owner,
                title=title,
                body=body,
                dedupe_key=f"deadline:{deadline.pk}:{milestone}:{deadline.due_on.isoformat()}",
                actor=actor,
            )
        sent += notification is not None
    return sent


@transaction.atomic(savepoint=False)
def deadline_complexity_set(
    *, deadline: Deadline, is_complex: bool, is_especially_complex: bool, reason: str, actor
) -> Deadline:
    """Mark (or change) how complex the case of an open deadline is: the due date is computed
    again with the rule's variant (e.g. Luật KN Đ28: 30 days, 45 for a complex case).

    Raises:
        PermissionDenied: actor may not change this deadline.
        DeadlineStateError: the deadline is completed, or no reason is given.
        VariantNotAvailableError: the rule has no such variant.

    Records: ``deadline.complexity_set`` (is_complex, is_especially_complex, due_on old/new;
    reason).
    """
    deadline = _locked_for_change(
        deadline, actor, _OPEN, "Thời hạn đã hoàn thành, không thể thay đổi mức độ phức tạp."
    )
    if not reason.strip():
        raise DeadlineStateError("Ghi lý do xác định vụ việc phức tạp.")
    is_complex = is_complex or is_especially_complex
    before = {
        "is_complex": deadline.is_complex,
        "is_especially_complex": deadline.is_especially_complex,
        "due_on": deadline.due_on,
    }
    deadline.is_complex = is_complex
    deadline.is_especially_complex = is_especially_complex
    _apply_due(deadline)
    deadline.full_clean()
    deadline.save(
        update_fields=["is_complex", "is_especially_complex", "due_on", "provisional", "updated_at"]
    )
    after = {
        "is_complex": is_complex,
        "is_especially_complex": is_especially_complex,
        "due_on": deadline.due_on,
    }
    audit_record(
        actor=actor,
        event="deadline.complexity_set",
        target=deadline,
        data={**field_changes(before, after), "reason": reason},
    )
    return deadline
