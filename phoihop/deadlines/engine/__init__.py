"""The legal calendar and deadline engine: plain Python, no Django.

Public API (other modules call only these)::

    compute_due(rule_id, start, *, complex=False, especially_complex=False, remote=False,
                extra_days=0) -> DueResult
    is_working_day(day), next_working_day(day), previous_working_day(day)
    add_working_days(day, n), working_days_between(start, end)
    add_calendar_days(day, n, roll=Roll.FORWARD), days_until(due, today)
    elapsed_days(day_type, start, end)
    report_period(kind, year, index, roll=Roll.FORWARD)  # NĐ 09/2019 windows and due dates
    current_calendar(), current_rules()
    current_rules().for_province(rule_id, province_code, on)  # a provincial rule's id

See docs/deadlines.md.
"""

from phoihop.deadlines.engine.calendar import (
    BusinessCalendar,
    CalendarDay,
    DayKind,
    YearSchedule,
    YearStatus,
)
from phoihop.deadlines.engine.counting import (
    DueResult,
    add_calendar_days,
    add_working_days,
    compute_due,
    days_until,
    elapsed_days,
    is_working_day,
    next_working_day,
    previous_working_day,
    working_days_between,
)
from phoihop.deadlines.engine.errors import (
    CalendarUnavailableError,
    DeadlineEngineError,
    ProvincialRuleMissingError,
    UnknownRuleError,
    VariantNotAvailableError,
)
from phoihop.deadlines.engine.providers import current_calendar, current_rules
from phoihop.deadlines.engine.reports import ReportPeriod, report_period
from phoihop.deadlines.engine.rules import (
    DayType,
    Direction,
    ProvincialRules,
    Roll,
    Rule,
    RuleSet,
)

__all__ = [
    "BusinessCalendar",
    "CalendarDay",
    "CalendarUnavailableError",
    "DayKind",
    "DayType",
    "DeadlineEngineError",
    "Direction",
    "DueResult",
    "ProvincialRuleMissingError",
    "ProvincialRules",
    "ReportPeriod",
    "Roll",
    "Rule",
    "RuleSet",
    "UnknownRuleError",
    "VariantNotAvailableError",
    "YearSchedule",
    "YearStatus",
    "add_calendar_days",
    "add_working_days",
    "compute_due",
    "current_calendar",
    "current_rules",
    "days_until",
    "elapsed_days",
    "is_working_day",
    "next_working_day",
    "previous_working_day",
    "report_period",
    "working_days_between",
]
