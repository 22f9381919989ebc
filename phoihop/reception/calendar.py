"""Reception days on the bodies' shared calendar."""

from datetime import datetime

from django.utils import timezone

from phoihop.core.registry import CalendarEntry, calendar_sources
from phoihop.reception.selectors import reception_days, schedule_list


def scheduled_receptions(viewer, start, end):
    tz = timezone.get_current_timezone()
    for day in reception_days(schedule_list(viewer=viewer), start=start, end=end):
        yield CalendarEntry(
            title=f"Tiếp công dân: {day.schedule.official_title}",
            starts_at=datetime.combine(day.held_on, day.schedule.starts_at, tz),
            kind="Tiếp công dân",
            location=day.schedule.location,
            organizations=(day.schedule.organization.short_name,),
        )


calendar_sources.register("reception.schedules", scheduled_receptions)
