"""Supervision visits and report due dates on the bodies' shared calendar."""

from phoihop.core.registry import CalendarEntry, calendar_sources
from phoihop.supervision.models import BodyReport, Plan, Visit


def supervision_visits(viewer, start, end):
    plans = Plan.objects.restrict(viewer, "view").values("pk")
    visits = Visit.objects.filter(plan__in=plans, held_on__range=(start, end)).select_related(
        "plan", "plan__organization", "organization"
    )
    for visit in visits:
        yield CalendarEntry(
            title=f"Giám sát: {visit.plan.title} — làm việc với {visit.organization.short_name}",
            starts_at=visit.held_on,
            kind="Giám sát",
            url=visit.plan.get_absolute_url(),
            location=visit.location,
            organizations=(visit.plan.organization.short_name, visit.organization.short_name),
        )
    reports = BodyReport.objects.restrict(viewer, "view").filter(
        status="requested", due_by__range=(start, end)
    )
    for report in reports.select_related("organization", "plan"):
        yield CalendarEntry(
            title=f"Hạn báo cáo phục vụ giám sát: {report.organization.short_name}",
            starts_at=report.due_by,
            kind="Giám sát",
            url=report.get_absolute_url(),
            organizations=(report.organization.short_name,),
        )


calendar_sources.register("supervision.visits", supervision_visits)
