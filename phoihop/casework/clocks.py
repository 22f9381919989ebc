"""An item's legal clocks, kept through the deadline engine only.

One permission rule everywhere: the area's service has authorized the step on the item, so the
item's clocks are *found* without a viewer restriction; *moving* a clock (start, stop, extend,
suspend, resume, change owner) still goes through the deadline policy of the owning body
(``deadlines.add_deadline`` / ``change_deadline``, or owning the clock). A step taken by
another body on this body's item (a supervising body's follow-up) moves the clock as the
system account and is recorded under the officer who took it.
"""

from collections.abc import Sequence
from datetime import date

from phoihop.casework.models import TrackedItem
from phoihop.deadlines import engine
from phoihop.deadlines.selectors import deadline_open_for_target
from phoihop.deadlines.services import (
    deadline_due,
    deadline_extend,
    deadline_owner_set,
    deadline_resume,
    deadline_start,
    deadline_suspend,
    deadlines_step_taken,
)
from phoihop.organizations.selectors import province_code


def clocks_open(item: TrackedItem, rules: Sequence[str] | None = None):
    """The running or suspended clocks on *item* (optionally only those of *rules*)."""
    return deadline_open_for_target(item, rules)


def clock_rule(item: TrackedItem, rule_id: str, start_on: date) -> str:
    """The rule the clock *rule_id* on *item* is counted by: a rule whose number the law leaves
    to the province is counted as the item's province counts it on *start_on*
    (``RuleSet.for_province``; raises ``ProvincialRuleMissingError`` when the province has not
    set it). Only the item's body is read, so *item* may be one not yet saved."""
    return engine.current_rules().for_province(rule_id, province_code(item.organization), start_on)


def clock_due(item: TrackedItem, rule_id: str, start_on: date, **variant) -> date:
    """The due date ``clock_start(item, rule_id, start_on, ...)`` gives the clock: for an item
    that keeps its own copy of a limit (written as the item is built, before its clock starts).
    Raises as ``clock_rule`` and ``deadlines.services.deadline_due``."""
    return deadline_due(clock_rule(item, rule_id, start_on), start_on, **variant).due


def clock_start(
    item: TrackedItem, rule_id: str, start_on: date, actor, *, title: str = "", **variant
):
    """Start the legal clock *rule_id* on *item*; the engine computes the due date. The clock
    belongs to the item's body and to its assignee (who gets the reminders). It is counted by
    ``clock_rule`` (the item's province's count of a provincial rule), so its due date is the
    one ``clock_due`` gives."""
    rule_id = clock_rule(item, rule_id, start_on)
    deadline = deadline_start(
        target=item,
        organization=item.organization,
        rule_id=rule_id,
        start_on=start_on,
        actor=actor,
        title=title or str(item),
        owner=item.assigned_to,
        **variant,
    )
    due_sync(item)
    return deadline


def clock_main(item: TrackedItem, rules: Sequence[str], *, running_only: bool = True):
    """The earliest-started open clock of *rules* on *item* (None when there is none)."""
    qs = clocks_open(item, rules)
    if running_only:
        qs = qs.filter(status="running")
    return qs.order_by("start_on", "id").first()


def clocks_stop(item: TrackedItem, rules: Sequence[str] | None, on: date, actor) -> None:
    """Complete the open clocks of *rules* (every open clock when None): their step was taken
    on *on* (the day each is completed on: ``deadlines_step_taken``)."""
    deadlines_step_taken(target=item, rules=rules, on=on, actor=actor)
    due_sync(item)


def clock_extend(item: TrackedItem, deadline, *, days: int, reason: str, actor):
    deadline = deadline_extend(deadline=deadline, days=days, reason=reason, actor=actor)
    due_sync(item)
    return deadline


def clock_suspend(item: TrackedItem, deadline, *, on: date, reason: str, actor):
    deadline = deadline_suspend(deadline=deadline, on=on, reason=reason, actor=actor)
    due_sync(item)
    return deadline


def clock_resume(item: TrackedItem, deadline, *, on: date, actor):
    deadline = deadline_resume(deadline=deadline, on=on, actor=actor)
    due_sync(item)
    return deadline


def clocks_reassign(item: TrackedItem, owner, actor) -> None:
    """The item's open clocks follow its assignee: reminders reach the person handling it."""
    for deadline in clocks_open(item):
        deadline_owner_set(deadline=deadline, owner=owner, actor=actor)


def due_sync(item: TrackedItem) -> None:
    """Copy the nearest running due date onto the item (for lists and overdue views)."""
    nearest = (
        clocks_open(item)
        .filter(status="running")
        .order_by("due_on")
        .values_list("due_on", flat=True)
        .first()
    )
    if nearest != item.due_on:
        item.due_on = nearest
        type(item)._default_manager.filter(pk=item.pk).update(due_on=nearest)
