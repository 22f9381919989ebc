"""Date arithmetic on deadlines: the only place in phoihop that does it.

Conventions (RULEBOOK §0): a period starts the day after its event (G-01) and ends at the end of
its last day (G-02); a calendar-day period whose last day is not a working day ends on the next
working day (G-03, G-05); working days follow the civil-service calendar (G-06). "N working days
before X" is the N-th working day counting back from X, X excluded.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from phoihop.deadlines.engine.calendar import BusinessCalendar
from phoihop.deadlines.engine.errors import CalendarUnavailableError
from phoihop.deadlines.engine.providers import current_calendar, current_rules
from phoihop.deadlines.engine.rules import DayType, Direction, Roll, Rule, RuleSet, variant_for

# No real calendar has this many non-working days in a row; stops a broken calendar from looping.
_MAX_DAYS_OFF_IN_A_ROW = 60


@dataclass(frozen=True)
class DueResult:
    """A computed due date and how it was reached."""

    rule: Rule
    start: date
    due: date
    raw_due: date  # before rolling past non-working days (calendar-day rules)
    count: int  # in the rule's day type, extra days included
    variant: str
    fallback_years: tuple[int, ...]  # years on the statutory model, no official schedule

    @property
    def uses_fallback(self) -> bool:
        return bool(self.fallback_years)

    @property
    def day_type(self) -> DayType:
        return self.rule.day_type


def _calendar(calendar: BusinessCalendar | None) -> BusinessCalendar:
    return calendar if calendar is not None else current_calendar()


def is_working_day(day: date, calendar: BusinessCalendar | None = None) -> bool:
    """Whether *day* is a civil-service working day (G-06)."""
    return _calendar(calendar).is_working_day(day)


def _step_to_working_day(day: date, step: int, calendar: BusinessCalendar) -> date:
    for _ in range(_MAX_DAYS_OFF_IN_A_ROW):
        if calendar.is_working_day(day):
            return day
        day += timedelta(days=step)
    raise CalendarUnavailableError(f"Không tìm được ngày làm việc gần {day.isoformat()}.")


def next_working_day(day: date, calendar: BusinessCalendar | None = None) -> date:
    """*day* if it is a working day, else the first working day after it."""
    return _step_to_working_day(day, 1, _calendar(calendar))


def previous_working_day(day: date, calendar: BusinessCalendar | None = None) -> date:
    """*day* if it is a working day, else the last working day before it."""
    return _step_to_working_day(day, -1, _calendar(calendar))


def add_working_days(day: date, n: int, calendar: BusinessCalendar | None = None) -> date:
    """The *n*-th working day after *day* (before it if *n* < 0); *day* itself is not counted."""
    cal = _calendar(calendar)
    step = 1 if n >= 0 else -1
    for _ in range(abs(n)):
        day = _step_to_working_day(day + timedelta(days=step), step, cal)
    return day


def working_days_between(start: date, end: date, calendar: BusinessCalendar | None = None) -> int:
    """Working days in (start, end], or minus those in [end, start) when *end* is earlier.

    ``add_working_days(start, working_days_between(start, end)) == end`` for a working *end*.
    """
    cal = _calendar(calendar)
    step = 1 if end >= start else -1
    count, day = 0, start
    while day != end:
        day += timedelta(days=step)
        count += cal.is_working_day(day)
    return step * count


def add_calendar_days(
    day: date, n: int, *, roll: Roll = Roll.FORWARD, calendar: BusinessCalendar | None = None
) -> date:
    """*day* plus *n* calendar days, the end rolled per *roll* (BLDS 2015 Đ148 k5, G-03)."""
    end = day + timedelta(days=n)
    if roll == Roll.FORWARD:
        return next_working_day(end, calendar)
    if roll == Roll.BACKWARD:
        return previous_working_day(end, calendar)
    return end


def elapsed_days(day_type: DayType, start: date, end: date, calendar=None) -> int:
    """Days in (start, end] in *day_type*: how long a suspended clock stood still."""
    if day_type == DayType.WORKING:
        return working_days_between(start, end, calendar)
    return (end - start).days


def days_until(due: date, today: date) -> int:
    """Calendar days left until *due* (0 on the day, negative once overdue)."""
    return (due - today).days


def _roll_for_citizen(day: date, calendar: BusinessCalendar) -> date:
    """The first day from *day* on which the citizen can act (decision 0121)."""
    for _ in range(_MAX_DAYS_OFF_IN_A_ROW):
        if calendar.is_citizen_working_day(day):
            return day
        day += timedelta(days=1)
    raise CalendarUnavailableError(f"Không tìm được ngày làm việc gần {day.isoformat()}.")


def compute_due(
    rule_id: str,
    start: date,
    *,
    complex: bool = False,
    especially_complex: bool = False,
    remote: bool = False,
    extra_days: int = 0,
    calendar: BusinessCalendar | None = None,
    rules: RuleSet | None = None,
) -> DueResult:
    """The due date of *rule_id* for an event on *start*.

    *extra_days* (in the rule's day type) adds extensions and suspended time. Raises
    ``UnknownRuleError``, ``VariantNotAvailableError`` or ``CalendarUnavailableError``.
    """
    rule = (rules if rules is not None else current_rules()).get(rule_id)
    cal = _calendar(calendar)
    variant = variant_for(complex=complex, especially_complex=especially_complex, remote=remote)
    count = rule.count(variant) + extra_days
    sign = 1 if rule.direction == Direction.AFTER else -1
    if rule.day_type == DayType.WORKING:
        due = add_working_days(start, sign * count, cal)
        raw_due = due
        fallback = cal.fallback_years(start, due)
    elif rule.citizen_period and rule.roll == Roll.FORWARD:
        raw_due = start + timedelta(days=sign * count)
        due = _roll_for_citizen(raw_due, cal)
        fallback = cal.fallback_years(raw_due, due)
    else:
        raw_due = start + timedelta(days=sign * count)
        due = add_calendar_days(start, sign * count, roll=rule.roll, calendar=cal)
        fallback = () if rule.roll == Roll.NONE else cal.fallback_years(raw_due, due)
    return DueResult(
        rule=rule,
        start=start,
        due=due,
        raw_due=raw_due,
        count=count,
        variant=str(variant),
        fallback_years=fallback,
    )
