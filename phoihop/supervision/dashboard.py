"""The supervision area's dashboard entries: the viewer's body's open recommendations,
reports due before a visit and pledges, nearest date first."""

from datetime import date

from phoihop.access.grants import organization_scope
from phoihop.core.registry import DueItem, due_items
from phoihop.deadlines import engine
from phoihop.supervision.models import BodyReport, Pledge, Recommendation

LIMIT = 20


def _due(viewer, today: date, model, permission: str, kind: str):
    qs = (
        model.objects.filter(organization_scope(viewer, permission))
        .exclude(status__in=model.CLOSED)
        .exclude(due_on__isnull=True)
        .select_related("organization")
        .order_by("due_on", "id")[:LIMIT]
    )
    for item in qs:
        yield DueItem(
            title=str(item),
            due_on=item.due_on,
            overdue=item.due_on < today,
            url=item.get_absolute_url(),
            kind=kind,
            owner=item.organization.short_name,
            days_left=engine.days_until(item.due_on, today),
        )


def recommendations_due(viewer, today: date):
    yield from _due(
        viewer, today, Recommendation, "supervision.report_recommendation", "Kiến nghị sau giám sát"
    )


def reports_due(viewer, today: date):
    yield from _due(
        viewer, today, BodyReport, "supervision.change_bodyreport", "Báo cáo phục vụ giám sát"
    )


def pledges_due(viewer, today: date):
    yield from _due(viewer, today, Pledge, "supervision.report_pledge", "Lời hứa chất vấn")


due_items.register("supervision.recommendations", recommendations_due)
due_items.register("supervision.reports", reports_due)
due_items.register("supervision.pledges", pledges_due)
