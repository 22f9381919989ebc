"""Paging through long lists without counting every row.

Django's ``Paginator`` runs ``COUNT(*)`` over the whole filtered list on every page, which for
the letter register (hundreds of thousands of visible letters, behind the joins of the
visibility filter) costs more than the page itself. :func:`window_page` reads one row more
than a page to know whether a next page exists, and counts at most ``count_cap + 1`` rows, so
a total is exact up to the cap and shown as "hơn 1.000" beyond it.

A page is read in two steps: the ids of the page's rows first (a narrow query the database
can answer from an index in the list's order), then those rows with their related objects.
Asking for the wide, joined rows directly led SQLite's planner to sort every matching row.

A list may be made of *sections* (several querysets shown one after the other, e.g. overdue
cases, then open ones, then closed ones); each section keeps its own order and index, instead
of one ``ORDER BY CASE …`` that must sort every row.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.utils.formats import number_format

COUNT_CAP = 1_000
MAX_PAGE = 100_000  # keeps the offset within what the databases accept


@dataclass(frozen=True)
class WindowPage:
    """One page of a list whose total is known only up to ``count_cap``.

    ``count`` is the exact number of rows, or ``None`` when there are more than ``count_cap``.
    Offers the parts of Django's ``Page`` that templates use (``has_next``, ``number``…).
    """

    object_list: list[Any]
    number: int
    per_page: int
    has_next: bool
    count: int | None
    count_cap: int

    def __iter__(self) -> Iterator[Any]:
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def num_pages(self) -> int | None:
        """The number of pages, or ``None`` when the total is above the cap."""
        if self.count is None:
            return None
        return max(1, -(-self.count // self.per_page))

    @property
    def count_display(self) -> str:
        """The total for people: "1.234", or "hơn 10.000" above the cap."""
        if self.count is None:
            return f"hơn {number_format(self.count_cap, force_grouping=True)}"
        return number_format(self.count, force_grouping=True)


def _page_number(value: object) -> int:
    try:
        number = int(str(value))
    except (TypeError, ValueError):
        return 1
    return min(max(1, number), MAX_PAGE)


def _capped_count(queryset: QuerySet, cap: int) -> int:
    """At most *cap*. Counted in the list's own order, so the database walks the index that
    served the page and stops after *cap* rows: at most ``cap / per_page`` times the page's
    own cost. (Unordered, SQLite's planner sometimes picked an index that visits every row
    of a common status before it reached the cap.)"""
    return queryset.values("pk")[:cap].count()


def _rows(queryset: QuerySet, start: int, stop: int) -> list[Any]:
    """Rows start…stop of *queryset* in its order: their ids first, then the rows."""
    ids = list(queryset.values_list("pk", flat=True)[start:stop])
    if not ids:
        return []
    by_id = {row.pk: row for row in queryset.order_by().filter(pk__in=ids)}
    return [by_id[pk] for pk in ids if pk in by_id]


def _section_rows(sections: Sequence[QuerySet], start: int, stop: int) -> list[Any]:
    """Rows start…stop of the sections read one after the other."""
    rows: list[Any] = []
    for index, section in enumerate(sections):
        if start >= stop:
            break
        if start and index < len(sections) - 1:  # skip sections that end before the window
            size = _capped_count(section, start + 1)
            if size <= start:
                start, stop = start - size, stop - size
                continue
        found = _rows(section, start, stop)
        rows += found
        start, stop = 0, stop - start - len(found)
    return rows


def _total(sections: Sequence[QuerySet], cap: int) -> int | None:
    total = 0
    for section in sections:
        total += _capped_count(section, cap + 1 - total)
        if total > cap:
            return None
    return total


def window_page(
    queryset: QuerySet | Sequence[QuerySet],
    page: object,
    *,
    per_page: int = 30,
    count_cap: int = COUNT_CAP,
) -> WindowPage:
    """Page *page* (1-based; anything invalid is 1) of *queryset*, in its own order.

    *queryset* may be a sequence of querysets, the sections of one list shown one after the
    other (they must not share rows). Reads ``per_page + 1`` rows at an offset, and counts at
    most ``count_cap + 1`` rows, except on a first page that holds everything (no count query
    then). A page past the end shows the last page, as ``Paginator.get_page`` does.
    """
    sections = [queryset] if isinstance(queryset, QuerySet) else list(queryset)
    number = _page_number(page)

    def read(number: int) -> list[Any]:
        return _section_rows(sections, (number - 1) * per_page, number * per_page + 1)

    rows = read(number)
    if number == 1 and len(rows) <= per_page:
        return WindowPage(rows, 1, per_page, False, len(rows), count_cap)
    count = _total(sections, count_cap)
    if not rows and count is not None:  # past the end: the last page
        number = max(1, -(-count // per_page))
        rows = read(number)
    has_next = len(rows) > per_page
    return WindowPage(rows[:per_page], number, per_page, has_next, count, count_cap)
