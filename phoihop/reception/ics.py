"""The reception days as an iCalendar (RFC 5545) feed."""

from collections.abc import Iterable
from datetime import datetime

from django.utils import timezone
from icalendar import Event

from phoihop.deadlines.ics import calendar_new
from phoihop.reception.selectors import ReceptionDay


def reception_days_ics(days: Iterable[ReceptionDay], *, name: str) -> bytes:
    """One timed event per reception day; a day moved off a holiday says so."""
    cal = calendar_new(name)
    stamp = timezone.now()
    tz = timezone.get_current_timezone()
    for day in days:
        schedule = day.schedule
        event = Event()
        event.add("uid", f"tiep-cong-dan-{schedule.public_id}-{day.held_on.isoformat()}@phoihop")
        event.add("dtstamp", stamp)
        event.add("summary", f"Tiếp công dân: {schedule.official_title}")
        event.add("dtstart", datetime.combine(day.held_on, schedule.starts_at, tz))
        event.add("dtend", datetime.combine(day.held_on, schedule.ends_at, tz))
        event.add("location", schedule.location)
        description = f"{schedule.organization.name}. Lịch: {schedule.describe()}."
        if day.moved:
            description += f" Chuyển từ ngày {day.planned_on:%d/%m/%Y} (ngày nghỉ)."
        event.add("description", description)
        cal.add_component(event)
    return cal.to_ical()
