"""Voter meetings on the bodies' shared calendar."""

from datetime import datetime, time

from django.utils import timezone

from phoihop.core.registry import CalendarEntry, calendar_sources
from phoihop.voters.selectors import meeting_list


def voter_meetings(viewer, start, end):
    tz = timezone.get_current_timezone()
    for meeting in meeting_list(viewer=viewer).filter(held_on__gte=start, held_on__lte=end):
        points = ", ".join(p.commune.name for p in meeting.points.all())
        organizations = [meeting.organization.short_name]
        if meeting.co_organizer_id:
            organizations.append(meeting.co_organizer.short_name)
        yield CalendarEntry(
            title=f"Tiếp xúc cử tri: {meeting.title}",
            starts_at=datetime.combine(meeting.held_on, meeting.starts_at or time(8, 0), tz),
            kind="Tiếp xúc cử tri",
            url=meeting.get_absolute_url(),
            location=points,
            organizations=tuple(organizations),
        )


calendar_sources.register("voters.meetings", voter_meetings)
