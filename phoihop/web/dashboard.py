"""The home dashboard, assembled from what the modules register."""

from dataclasses import dataclass
from datetime import date, timedelta

from phoihop.core.registry import CalendarEntry, DueItem, calendar_sources, due_items


@dataclass(frozen=True)
class Dashboard:
    overdue: list[DueItem]
    due_soon: list[DueItem]
    later: list[DueItem]
    calendar: list[CalendarEntry]
    # Due items the viewer may know of but not open (decision 0280): counted, not listed.
    withheld: int = 0
    withheld_overdue: int = 0


def _once_per_item(items: list[DueItem]) -> list[DueItem]:
    """One line per item (its page): an item's legal clocks and its area's own list (a voter
    petition waiting for its answer) name the same work, and an item may run two clocks at once.
    The most urgent date is kept, and on that date the fuller title (decision 0036)."""
    kept: dict[str, DueItem] = {}
    rest: list[DueItem] = []
    for item in items:
        if not item.url:
            rest.append(item)
            continue
        held = kept.get(item.url)
        if held is None or (item.due_on, -len(item.title)) < (held.due_on, -len(held.title)):
            kept[item.url] = item
    return [*kept.values(), *rest]


def dashboard_for(*, viewer, today: date, horizon_days: int = 14) -> Dashboard:
    items: list[DueItem] = []
    withheld: list[DueItem] = []
    for source in due_items.values():
        for item in source(viewer, today):
            (withheld if item.withheld else items).append(item)
    items = _once_per_item(items)
    items.sort(key=lambda i: (i.due_on, i.title))
    soon_end = today + timedelta(days=7)
    calendar: list[CalendarEntry] = []
    for source in calendar_sources.values():
        calendar.extend(source(viewer, today, today + timedelta(days=horizon_days)))
    calendar.sort(key=lambda e: (str(e.starts_at), e.title))
    return Dashboard(
        overdue=[i for i in items if i.due_on < today],
        due_soon=[i for i in items if today <= i.due_on <= soon_end],
        later=[i for i in items if i.due_on > soon_end],
        calendar=calendar,
        withheld=len(withheld),
        withheld_overdue=sum(1 for i in withheld if i.due_on < today),
    )
