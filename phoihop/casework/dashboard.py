"""The casework layer's dashboard entry: a supervising body's follow-up requests still waiting
for an answer, whatever the kind of item they follow up."""

from datetime import date

from phoihop.access.grants import organization_scope
from phoihop.casework.models import FollowUp
from phoihop.casework.registry import item_kinds
from phoihop.casework.selectors import follow_up_list
from phoihop.core.registry import DueItem, due_items
from phoihop.deadlines import engine

LIMIT = 20


def follow_ups_waiting(viewer, today: date):
    sent = None
    for kind in item_kinds.values():
        if kind.supervise_permission:
            q = organization_scope(viewer, kind.supervise_permission, "from_organization")
            sent = q if sent is None else sent | q
    if sent is None:
        return
    waiting = follow_up_list(viewer=viewer, status=FollowUp.Status.OPEN).filter(sent)
    for follow_up in waiting.order_by("due_on", "id")[:LIMIT]:
        due_on = follow_up.due_on or follow_up.sent_on
        yield DueItem(
            title=f"Chờ trả lời: {follow_up}",
            due_on=due_on,
            overdue=due_on < today,
            url=follow_up.get_absolute_url(),
            kind="Đề nghị xem xét, giải quyết",
            owner=follow_up.organization.short_name,
            days_left=engine.days_until(due_on, today),
        )


due_items.register("casework.follow_ups", follow_ups_waiting)
