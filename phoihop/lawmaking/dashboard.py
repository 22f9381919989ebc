"""Consultations ending and written comments awaited by the viewer's bodies, on the dashboard."""

from datetime import date

from phoihop.access.grants import organization_scope
from phoihop.core.registry import DueItem, due_items
from phoihop.deadlines import engine
from phoihop.lawmaking.models import AgencyRequest, Consultation

LIMIT = 20


def _due(viewer, model, status: str, kind: str, title, today: date):
    own = organization_scope(viewer, f"lawmaking.view_{model._meta.model_name}")
    items = (
        model.objects.filter(own, status=status, due_on__isnull=False)
        .select_related("organization")
        .order_by("due_on", "id")[:LIMIT]
    )
    for item in items:
        yield DueItem(
            title=title(item),
            due_on=item.due_on,
            overdue=item.due_on < today,
            url=item.get_absolute_url(),
            kind=kind,
            owner=item.organization.short_name,
            days_left=engine.days_until(item.due_on, today),
        )


def consultations_due(viewer, today: date):
    yield from _due(
        viewer,
        Consultation,
        "open",
        "Lấy ý kiến dự thảo",
        lambda c: f"Kết thúc lấy ý kiến {c.reference}: {c.title[:80]}",
        today,
    )
    yield from _due(
        viewer,
        AgencyRequest,
        "sent",
        "Đề nghị góp ý",
        lambda r: f"Chờ {r.addressee} góp ý ({r.reference})",
        today,
    )


due_items.register("lawmaking.consultations_due", consultations_due)
