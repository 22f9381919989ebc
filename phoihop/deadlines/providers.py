"""Feed the engine with the calendar administrators keep and the rules as configured."""

from django.db import DatabaseError

from phoihop.deadlines import conf, engine
from phoihop.deadlines.engine.calendar import CalendarDay, DayKind, YearSchedule, YearStatus
from phoihop.deadlines.engine.data import default_model, default_rules, file_calendar


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


def configured_rules() -> engine.RuleSet:
    """The shipped rules with the day-type settings (decision 0021) and the province's own
    figures where the law leaves them to it (decision 0166) applied."""
    return (
        default_rules()
        .with_day_types(conf.setting("DAY_TYPE_OVERRIDES"))
        .with_province_counts(conf.setting("PROVINCE_RULES"))
    )


def install() -> None:
    engine.providers.set_providers(calendar=database_calendar, rules=configured_rules)
