"""Giving an item to a person: the assignee is told, follows it, and owns its clocks."""

from django.db import transaction

from phoihop.access.policy import can
from phoihop.accounts.services import system_actor
from phoihop.audit.services import audit_record, field_changes
from phoihop.casework.clocks import clocks_reassign
from phoihop.casework.errors import ItemInputError
from phoihop.casework.models import TrackedItem
from phoihop.casework.registry import item_kinds
from phoihop.casework.services.following import follow
from phoihop.casework.services.items import item_locked


@transaction.atomic
def item_assign(*, actor, item: TrackedItem, assignee, note: str = "") -> TrackedItem:
    """Give *item* to *assignee*, an officer of a body that may work on it.

    The item's open clocks become the assignee's (deadline reminders reach them), the assignee
    follows the item's progress, and is notified in the app and by e-mail after commit.

    Raises:
        PermissionDenied: actor may not assign items of this kind in the item's body.
        ItemInputError: the assignee is not active, or may not work on the item.

    Records: ``casework.assigned`` (assigned_to old/new), ``deadline.owner_changed``.
    """
    kind = item_kinds.for_model(type(item))
    item = item_locked(item, actor, "assign")
    if not assignee.is_active or not can(assignee, "work", item):
        raise ItemInputError(
            "Người được giao phải là cán bộ đang làm việc của cơ quan xử lý việc này.",
            code="assignee",
        )
    before = {"assigned_to": item.assigned_to_id}
    if before["assigned_to"] == assignee.pk:
        return item
    item.assigned_to = assignee
    item.save(update_fields=["assigned_to", "updated_at"])
    clocks_reassign(item, assignee, actor)
    follow(item, assignee)
    audit_record(
        actor=actor,
        event="casework.assigned",
        target=item,
        data={**field_changes(before, {"assigned_to": assignee.pk}), "note": note},
    )
    title = f"Bạn được giao xử lý: {item}"
    body = note
    url = item.get_absolute_url()
    recipient, item_key = (
        assignee,
        f"assigned:{kind.code}:{item.pk}:{assignee.pk}:{item.updated_at.isoformat()}",
    )

    def notify() -> None:
        from phoihop.notifications.services import notification_send

        with transaction.atomic():
            notification_send(
                recipient=recipient,
                title=title,
                body=body,
                url=url,
                dedupe_key=item_key[:200],
                actor=system_actor(),
            )

    transaction.on_commit(notify)
    return item


def assignable_to(item: TrackedItem, user) -> bool:
    """Pre-check for forms: *user* may be given *item*."""
    return user.is_active and can(user, "work", item)
