"""Where the engine gets the calendar and rules in force.

The engine alone uses the data files. The Django app installs providers from ``ready()`` so that
administrator-edited calendar entries and settings apply everywhere (command line, services, feeds).
"""

from collections.abc import Callable

from phoihop.deadlines.engine.calendar import BusinessCalendar
from phoihop.deadlines.engine.data import default_rules, file_calendar
from phoihop.deadlines.engine.rules import RuleSet

_calendar_provider: Callable[[], BusinessCalendar] = file_calendar
_rules_provider: Callable[[], RuleSet] = default_rules


def set_providers(
    *, calendar: Callable[[], BusinessCalendar], rules: Callable[[], RuleSet]
) -> None:
    global _calendar_provider, _rules_provider
    _calendar_provider, _rules_provider = calendar, rules


def current_calendar() -> BusinessCalendar:
    return _calendar_provider()


def current_rules() -> RuleSet:
    return _rules_provider()
