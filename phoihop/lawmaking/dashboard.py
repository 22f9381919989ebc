"""Consultations ending and written comments awaited by the viewer's bodies, on the dashboard."""

from datetime import date

from phoihop.access.grants import organization_scope
from phoihop.core.registry import DueItem, due_items
from phoihop.deadlines import engine
from phoihop.lawmaking.models import AgencyRequest, Consultation

LIMIT = 20


def consultations_due(viewer, today: date):
    own = organization_scope(viewer, "lawmaking.view_consultation")
    open_items = (
        Consultation.objects.filter(own, status="open", due_on__isnull=False)
        .select_related("organization", "draft")
        .order_by("due_on", "id")[:LIMIT]
    )
    for item in open_items:
        yield DueItem(
            title=f"Kết thúc lấy ý kiến {item.reference}: {item.draft.title[:80]}",
            due_on=item.due_on,
            overdue=item.due_on < today,
            url=item.get_absolute_url(),
            kind="Lấy ý kiến dự thảo",
            owner=item.organization.short_name,
            days_left=engine.days_until(item.due_on, today),
        )
    own = organization_scope(viewer, "lawmaking.view_agencyrequest")
    waiting = (
        AgencyRequest.objects.filter(own, status="sent", due_on__isnull=False)
        .select_related("organization")
        .order_by("due_on", "id")[:LIMIT]
    )
    for item in waiting:
        yield DueItem(
            title=f"Chờ {item.addressee} góp ý ({item.reference})",
            due_on=item.due_on,
            overdue=item.due_on < today,
            url=item.get_absolute_url(),
            kind="Đề nghị góp ý (GS-08)",
            owner=item.organization.short_name,
            days_left=engine.days_until(item.due_on, today),
        )


due_items.register("lawmaking.consultations_due", consultations_due)
