"""Which days a recurring reception schedule falls on.

A schedule names a day in each month ("the 15th", "the first Thursday", "the last Friday") or
a weekday of every week. Provincial rules add "if it is a non-working day, receive on the next
working day" (e.g. Lạng Sơn's quy chế, RULEBOOK TCD-07); whether a day is a working day is the
deadline engine's answer, never computed here.
"""

from calendar import monthrange
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from phoihop.deadlines import engine

MONTHLY_DAY = "monthly_day"
MONTHLY_WEEKDAY = "monthly_weekday"
WEEKLY = "weekly"
LAST = -1  # week_of_month for "the last <weekday> of the month"


@dataclass(frozen=True)
class Pattern:
    """The recurrence of one schedule, without the database row."""

    kind: str
    day_of_month: int | None = None
    weekday: int | None = None  # Monday = 0
    week_of_month: int | None = None  # 1..5, or LAST
    roll_to_working_day: bool = True


@dataclass(frozen=True)
class Occurrence:
    """One reception day: the day the pattern names and the day reception actually takes place."""

    planned_on: date
    held_on: date

    @property
    def moved(self) -> bool:
        return self.planned_on != self.held_on


def month_span(start: date, end: date) -> Iterator[tuple[int, int]]:
    """(year, month) of every month from *start*'s to *end*'s, inclusive."""
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def last_day_of_month(day: date) -> date:
    return date(day.year, day.month, monthrange(day.year, day.month)[1])


def _nominal_in_month(pattern: Pattern, year: int, month: int) -> date | None:
    last_day = monthrange(year, month)[1]
    if pattern.kind == MONTHLY_DAY:
        # "The 31st" in a 30-day month is its last day: a month is never skipped.
        return date(year, month, min(pattern.day_of_month, last_day))
    weekdays = [
        day for day in range(1, last_day + 1) if date(year, month, day).weekday() == pattern.weekday
    ]
    if pattern.week_of_month == LAST:
        return date(year, month, weekdays[-1])
    if pattern.week_of_month <= len(weekdays):
        return date(year, month, weekdays[pattern.week_of_month - 1])
    return None  # e.g. a fifth Thursday in a month that has four


def _nominal(pattern: Pattern, start: date, end: date) -> Iterator[date]:
    if pattern.kind == WEEKLY:
        day = start + timedelta(days=(pattern.weekday - start.weekday()) % 7)
        while day <= end:
            yield day
            day += timedelta(days=7)
        return
    for year, month in month_span(start, end):
        day = _nominal_in_month(pattern, year, month)
        if day is not None:
            yield day


def occurrences(
    pattern: Pattern, start: date, end: date, calendar: engine.BusinessCalendar | None = None
) -> list[Occurrence]:
    """Reception days whose *held* day lies in [start, end], in order, without duplicates.

    A planned day shortly before *start* that rolls into the window is included, one inside the
    window that rolls out of it is not. Pass *calendar* to reuse one calendar for many calls.
    """
    calendar = calendar or engine.current_calendar()
    # Look back far enough for a roll across the longest run of days off (Tết).
    lookback = start - timedelta(days=31) if pattern.roll_to_working_day else start
    seen: set[date] = set()
    result = []
    for planned in _nominal(pattern, lookback, end):
        held = planned
        if pattern.roll_to_working_day:
            held = engine.next_working_day(planned, calendar)
        if start <= held <= end and held not in seen:
            seen.add(held)
            result.append(Occurrence(planned_on=planned, held_on=held))
    return result


def describe(pattern: Pattern) -> str:
    """The pattern in plain Vietnamese, as the public schedule prints it."""
    weekday_names = ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"]
    if pattern.kind == MONTHLY_DAY:
        text = f"ngày {pattern.day_of_month} hằng tháng"
    elif pattern.kind == WEEKLY:
        text = f"{weekday_names[pattern.weekday]} hằng tuần"
    else:
        nth = "cuối cùng" if pattern.week_of_month == LAST else f"thứ {pattern.week_of_month}"
        text = f"{weekday_names[pattern.weekday]} {nth} của tháng"
        text = text.replace("thứ 1 của", "đầu tiên của")
    if pattern.roll_to_working_day:
        text += "; nếu trùng ngày nghỉ thì tiếp vào ngày làm việc tiếp theo"
    return text
