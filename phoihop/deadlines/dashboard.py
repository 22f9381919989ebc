"""The deadlines module's entries on dashboards and the shared calendar."""

from datetime import date

from phoihop.core.registry import CalendarEntry, DueItem, calendar_sources, due_items
from phoihop.deadlines import engine
from phoihop.deadlines.models import Deadline
from phoihop.deadlines.selectors import deadline_list

DASHBOARD_HORIZON_DAYS = 14


def _target_url(deadline: Deadline) -> str:
    target = deadline.target
    get_url = getattr(target, "get_absolute_url", None)
    return get_url() if get_url else ""


def running_deadlines(viewer, today: date):
    """Running deadlines the viewer can see, overdue or due within two weeks."""
    last = engine.add_calendar_days(today, DASHBOARD_HORIZON_DAYS, roll=engine.Roll.NONE)
    qs = deadline_list(viewer=viewer, status=Deadline.Status.RUNNING).filter(due_on__lte=last)
    for deadline in qs.prefetch_related("target"):
        yield DueItem(
            title=deadline.title,
            due_on=deadline.due_on,
            url=_target_url(deadline),
            kind=deadline.rule_id,
            owner=str(deadline.owner or deadline.organization.short_name),
            overdue=deadline.is_overdue(today),
            days_left=deadline.days_left(today),
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
