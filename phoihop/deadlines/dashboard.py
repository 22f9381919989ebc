"""The deadlines module's entries on dashboards and the shared calendar."""

from collections import defaultdict
from datetime import date

from django.contrib.contenttypes.models import ContentType

from phoihop.access.registry import PolicyMissingError, policy_scope
from phoihop.core.registry import CalendarEntry, DueItem, calendar_sources, due_items
from phoihop.deadlines import engine
from phoihop.deadlines.models import Deadline
from phoihop.deadlines.selectors import deadline_list

DASHBOARD_HORIZON_DAYS = 14


def _target_url(deadline: Deadline) -> str:
    get_url = getattr(deadline.target, "get_absolute_url", None)
    return get_url() if get_url else ""


def _openable(viewer, deadlines: list[Deadline]) -> set[tuple[int, str]]:
    """(content type, id) of the deadlines' items the viewer may view: one query a kind."""
    ids: dict[int, set[str]] = defaultdict(set)
    for deadline in deadlines:
        ids[deadline.target_type_id].add(deadline.target_id)
    openable: set[tuple[int, str]] = set()
    for type_id, target_ids in ids.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        try:
            scope = policy_scope(model, viewer, "view")
        except PolicyMissingError:
            openable.update((type_id, pk) for pk in target_ids)
            continue
        visible = model._default_manager.filter(scope, pk__in=target_ids)
        openable.update((type_id, str(pk)) for pk in visible.values_list("pk", flat=True))
    return openable


def running_deadlines(viewer, today: date):
    """Running deadlines the viewer can see, overdue or due within two weeks. A deadline can be
    visible through its body's grant while its item is not: it follows the item's policy and
    is only counted, never named (decision 0280)."""
    last = engine.add_calendar_days(today, DASHBOARD_HORIZON_DAYS, roll=engine.Roll.NONE)
    qs = deadline_list(viewer=viewer, status=Deadline.Status.RUNNING).filter(due_on__lte=last)
    deadlines = list(qs.prefetch_related("target"))
    openable = _openable(viewer, deadlines)
    for deadline in deadlines:
        overdue, days_left = deadline.is_overdue(today), deadline.days_left(today)
        if (deadline.target_type_id, deadline.target_id) not in openable:
            yield DueItem(
                title="",
                due_on=deadline.due_on,
                url="",
                kind="",
                overdue=overdue,
                days_left=days_left,
                withheld=True,
            )
            continue
        yield DueItem(
            title=deadline.title,
            due_on=deadline.due_on,
            url=_target_url(deadline),
            kind=deadline.rule_id,
            owner=str(deadline.owner or deadline.organization.short_name),
            overdue=overdue,
            days_left=days_left,
        )


def days_off(viewer, start: date, end: date):
    """Public holidays, compensatory and swapped days on the shared calendar."""
    calendar = engine.current_calendar()
    for year in range(start.year, end.year + 1):
        for day in calendar.days_off(year):
            if start <= day.day <= end:
                yield CalendarEntry(title=day.name, starts_at=day.day, kind="Ngày nghỉ")


due_items.register("deadlines.running", running_deadlines)
calendar_sources.register("deadlines.days_off", days_off)
