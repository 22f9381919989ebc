"""The shared calendar's entries on the dashboard."""

from phoihop.agenda.selectors import engagement_list
from phoihop.core.registry import CalendarEntry, calendar_sources


def engagements(viewer, start, end):
    for e in engagement_list(viewer=viewer, start=start, end=end):
        yield CalendarEntry(
            title=e.title,
            starts_at=e.starts_at,
            kind=e.get_kind_display(),
            location=e.location,
            organizations=(e.organization.short_name, *(p.short_name for p in e.partners.all())),
        )


calendar_sources.register("agenda.engagements", engagements)
