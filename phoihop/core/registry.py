"""Registries that domain modules fill from ``AppConfig.ready()``; shared modules read them.

How to add an entry: in your module's ``apps.py`` ``ready()``, import a module that calls
``due_items.register("module.name", fn)``, ``calendar_sources.register(name, fn)`` or
``navigation.register(name, item)``.
Registries are filled at import time; a duplicate name raises.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class DueItem:
    """Something with an owner and a clock, shown on dashboards."""

    title: str
    due_on: date
    url: str
    kind: str
    owner: str = ""
    overdue: bool = False
    days_left: int | None = None
    # Visible to the viewer as due (a body-wide grant on the clocks) on an item the viewer may
    # not open: dashboards count it and never list it (decision 0280); title and url stay empty.
    withheld: bool = False


@dataclass(frozen=True)
class CalendarEntry:
    """An entry of the bodies' shared calendar."""

    title: str
    starts_at: datetime | date
    kind: str
    url: str = ""
    location: str = ""
    organizations: tuple[str, ...] = ()

    @property
    def all_day(self) -> bool:
        """A day's entry (a deadline, a session's opening day) rather than a time."""
        return not isinstance(self.starts_at, datetime)


@dataclass(frozen=True)
class NavItem:
    """A link in the main navigation; shown only if ``visible(user)`` is true."""

    name: str
    label: str
    url_name: str
    order: int = 100
    visible: Callable = field(default=lambda user: user.is_authenticated)


class Registry:
    """A named collection filled once at start-up."""

    def __init__(self, what: str) -> None:
        self.what = what
        self._items: dict[str, object] = {}

    def register(self, name: str, item: object) -> object:
        if name in self._items:
            raise ValueError(f"{self.what} {name!r} is already registered")
        self._items[name] = item
        return item

    def values(self) -> list:
        return list(self._items.values())

    def __getitem__(self, name: str) -> object:
        return self._items[name]


# (viewer, today) -> Iterable[DueItem]
due_items = Registry("due-item source")
# (viewer, start: date, end: date) -> Iterable[CalendarEntry]
calendar_sources = Registry("calendar source")
navigation = Registry("navigation item")
