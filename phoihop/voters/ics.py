"""Upcoming voter meetings as an iCalendar (RFC 5545) feed."""

from collections.abc import Iterable
from datetime import datetime, time, timedelta

from django.utils import timezone
from icalendar import Event

from phoihop.deadlines.ics import calendar_new
from phoihop.voters.models import Meeting


def meetings_ics(meetings: Iterable[Meeting], *, name: str) -> bytes:
    cal = calendar_new(name)
    stamp = timezone.now()
    tz = timezone.get_current_timezone()
    for meeting in meetings:
        starts = datetime.combine(meeting.held_on, meeting.starts_at or time(8), tz)
        points = "; ".join(f"{p.commune.name}: {p.location}" for p in meeting.points.all())
        event = Event()
        event.add("uid", f"tiep-xuc-cu-tri-{meeting.public_id}@phoihop")
        event.add("dtstamp", stamp)
        event.add("summary", f"Tiếp xúc cử tri: {meeting.title}")
        event.add("dtstart", starts)
        event.add("dtend", starts + timedelta(hours=3))
        event.add("location", points)
        description = f"{meeting.organization.name}. {meeting.get_mode_display()}."
        if meeting.online_link:
            description += f" Tham dự trực tuyến: {meeting.online_link}"
        event.add("description", description)
        cal.add_component(event)
    return cal.to_ical()
