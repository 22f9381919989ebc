"""The exchange area's dashboard entry: documents sent to the viewer's bodies still waiting to
be registered, and copies for action still being handled, earliest due first."""

from datetime import date

from phoihop.core.registry import DueItem, due_items
from phoihop.deadlines import engine

LIMIT = 20


def incoming_waiting(viewer, today: date):
    from phoihop.exchange.selectors import incoming_open

    for delivery in incoming_open(viewer=viewer)[:LIMIT]:
        due_on = delivery.due_on or delivery.register_due
        label = "Chờ vào sổ" if delivery.status == "sent" else "Xử lý văn bản đến"
        yield DueItem(
            title=f"{label}: {delivery.dispatch.symbol} — {delivery.dispatch.title}",
            due_on=due_on,
            overdue=due_on < today,
            url=delivery.get_absolute_url(),
            kind="Văn bản đến",
            owner=delivery.organization.short_name,
            days_left=engine.days_until(due_on, today),
        )


due_items.register("exchange.incoming", incoming_waiting)
