"""Feed the engine with the calendar administrators keep and the rules as configured."""

from functools import cache
from pathlib import Path

from django.db import DatabaseError

from phoihop.deadlines import conf, engine
from phoihop.deadlines.engine.calendar import CalendarDay, DayKind, YearSchedule, YearStatus
from phoihop.deadlines.engine.data import (
    default_model,
    default_rules,
    file_calendar,
    load_provincial,
    provincial_files,
)


def database_calendar() -> engine.BusinessCalendar:
    """The calendar from ``CalendarYear``/``CalendarDay`` rows; the data files if none exist.

    A database not yet migrated also gets the data files, so ``phoihop deadline`` works at once.
    """
    from phoihop.deadlines.models import CalendarYear

    try:
        years = list(CalendarYear.objects.prefetch_related("days"))
    except DatabaseError:
        years = []
    if not years:
        return file_calendar(conf.calendar_toggles())
    official = [
        YearSchedule(
            year=y.year,
            status=YearStatus.OFFICIAL,
            source=y.source,
            days=tuple(
                CalendarDay(d.day, DayKind(d.kind), d.name, d.source, d.toggle)
                for d in y.days.all()
            ),
        )
        for y in years
    ]
    return engine.BusinessCalendar.build(default_model(), official, conf.calendar_toggles())


@cache
def _provincial_from(dirs: tuple[str, ...]) -> tuple[engine.ProvincialRules, ...]:
    return tuple(
        load_provincial(path) for d in dirs for path in provincial_files(Path(d), folder="")
    )


def configured_rules() -> engine.RuleSet:
    """The shipped rules with the day-type settings applied (decision 0021) and the working
    rules of the provinces a deployment adds (``PROVINCIAL_RULES_DIRS``)."""
    rules = default_rules().with_day_types(conf.setting("DAY_TYPE_OVERRIDES"))
    extra = _provincial_from(tuple(str(d) for d in conf.setting("PROVINCIAL_RULES_DIRS")))
    return rules.with_provincial(extra) if extra else rules


def install() -> None:
    engine.providers.set_providers(calendar=database_calendar, rules=configured_rules)
