"""Locking, status guards and idempotent, race-safe creation of tracked items."""

from collections.abc import Callable
from typing import TypeVar, cast

from django.db import IntegrityError, models, transaction

from phoihop.access.policy import require
from phoihop.casework.errors import ItemStateError
from phoihop.casework.models import TrackedItem

Item = TypeVar("Item", bound=TrackedItem)
Created = TypeVar("Created", bound=models.Model)


def item_locked(item: Item, actor, action: str) -> Item:
    """Authorize *action* on the stored item, then lock its row for the rest of the
    transaction (in that order: an unseen item is refused before it is locked)."""
    require(actor, action, item)
    return cast(
        Item,
        type(item)
        ._default_manager.select_for_update(of=("self",))
        .select_related("organization")
        .get(pk=item.pk),
    )


def item_require_status(item: TrackedItem, *statuses: str, message: str) -> None:
    """Refuse a step that does not fit the item's status, with the area's own words."""
    if item.status not in statuses:
        raise ItemStateError(message, code="status")


def item_create(
    model: type[Created], *, organization, idempotency_key: str, build: Callable[[], Created]
) -> tuple[Created, bool]:
    """Create an item (or any record with ``organization`` and ``idempotency_key``) once per
    (body, idempotency key): a repeated or concurrent submit with the same key gets the first
    one back; without a key every call creates. *build* saves and returns the new item inside a
    savepoint, so a lost race leaves nothing half-written. Returns (item, created)."""
    if idempotency_key:
        existing = model._default_manager.filter(
            organization=organization, idempotency_key=idempotency_key
        ).first()
        if existing is not None:
            return existing, False
    try:
        with transaction.atomic():
            return build(), True
    except IntegrityError:
        existing = (
            model._default_manager.filter(
                organization=organization, idempotency_key=idempotency_key
            ).first()
            if idempotency_key
            else None
        )
        if existing is None:
            raise
        return existing, False
