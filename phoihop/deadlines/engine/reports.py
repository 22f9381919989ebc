"""Periodic report windows and due dates (NĐ 09/2019; RULEBOOK BCO-02…BCO-08), from
``data/reporting.toml``."""

import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from phoihop.deadlines.engine.calendar import BusinessCalendar
from phoihop.deadlines.engine.counting import add_calendar_days
from phoihop.deadlines.engine.data import DATA_DIR
from phoihop.deadlines.engine.errors import DeadlineEngineError
from phoihop.deadlines.engine.rules import Roll


@dataclass(frozen=True)
class ReportPeriod:
    kind: str
    year: int
    index: int
    starts_on: date  # first day of the data window
    cut_off: date  # last day of the data window (a data boundary: never rolled)
    raw_due: date
    due: date
    citation: str


@cache
def _spec() -> dict:
    with (DATA_DIR / "reporting.toml").open("rb") as fh:
        return tomllib.load(fh)


def _month(year: int, month: int) -> tuple[int, int]:
    """(year, month) for a month number that may be 0 or negative (months of the year before)."""
    return year + (month - 1) // 12, (month - 1) % 12 + 1


def report_period(
    kind: str,
    year: int,
    index: int = 1,
    *,
    roll: Roll = Roll.FORWARD,
    calendar: BusinessCalendar | None = None,
) -> ReportPeriod:
    """The *index*-th period of *kind* ("month", "quarter", "half", "nine_months", "year") of
    *year*: its data window and its due date, rolled per *roll*."""
    spec = _spec()
    try:
        length = int(spec["months"][kind])
    except KeyError:
        raise DeadlineEngineError(f"Không có kỳ báo cáo '{kind}'.") from None
    if not 1 <= index <= 12 // length:
        raise DeadlineEngineError(f"Kỳ báo cáo thứ {index} không hợp lệ.")
    end_year, end_month = _month(year, index * length)
    start_year, start_month = _month(year, index * length - length)
    cut_off = date(end_year, end_month, spec["cut_day"])
    starts_on = date(start_year, start_month, spec["cut_day"]) + timedelta(days=1)
    raw_due = date(end_year, end_month, spec["due_day"])
    due = add_calendar_days(raw_due, 0, roll=roll, calendar=calendar)
    return ReportPeriod(
        kind=kind,
        year=year,
        index=index,
        starts_on=starts_on,
        cut_off=cut_off,
        raw_due=raw_due,
        due=due,
        citation=f"{spec['citation_window']}; {spec['citation_due']}",
    )
