"""Sessions, their lead-time limits and briefings on the bodies' shared calendar."""

from phoihop.core.registry import CalendarEntry, calendar_sources
from phoihop.council.models import Briefing, Session


def council_events(viewer, start, end):
    sessions = Session.objects.restrict(viewer, "view").select_related("organization")
    for session in sessions.filter(opens_on__range=(start, end)):
        yield CalendarEntry(
            title=f"Khai mạc: {session.title}",
            starts_at=session.opens_on,
            kind="Kỳ họp",
            url=session.get_absolute_url(),
            location=session.location,
            organizations=(session.organization.short_name,),
        )
    for session in sessions.filter(status="planned", documents_by__range=(start, end)):
        yield CalendarEntry(
            title=f"Hạn gửi tài liệu đến đại biểu: {session.title}",
            starts_at=session.documents_by,
            kind="Kỳ họp",
            url=session.get_absolute_url(),
            organizations=(session.organization.short_name,),
        )
    briefings = Briefing.objects.restrict(viewer, "view").filter(held_on__range=(start, end))
    for briefing in briefings.select_related("organization"):
        yield CalendarEntry(
            title=briefing.title,
            starts_at=briefing.held_on,
            kind="Giao ban",
            url=briefing.get_absolute_url(),
            location=briefing.location,
            organizations=(briefing.organization.short_name,),
        )


calendar_sources.register("council.events", council_events)
