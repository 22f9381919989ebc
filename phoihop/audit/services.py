"""Writing the audit log. Services call ``audit_record`` next to the write they describe."""

from django.db import connection, models, transaction
from django.utils import timezone

from phoihop.audit.chain import GENESIS, event_hash, jsonable, row_fields
from phoihop.audit.models import AuditEvent
from phoihop.audit.registry import event_label
from phoihop.core.middleware import current_request_id
from phoihop.core.types import Account

# Serialises writers on PostgreSQL so that each new row links to the true last one.
# SQLite needs nothing more: its IMMEDIATE transactions already admit one writer at a time.
_CHAIN_LOCK_KEY = 0x70686F69  # "phoi"


def field_changes(before: dict, after: dict) -> dict:
    """``{"field": {"old": ..., "new": ...}}`` for the fields whose value changed."""
    return {
        name: {"old": before.get(name), "new": after.get(name)}
        for name in sorted(set(before) | set(after))
        if before.get(name) != after.get(name)
    }


def _describe(obj: models.Model | None) -> tuple[str, str, str]:
    if obj is None:
        return "", "", ""
    return obj._meta.label_lower, str(obj.pk), str(obj)[:300]


def audit_record(
    *,
    actor: Account | None,
    event: str,
    target: models.Model | None = None,
    organization: models.Model | None = None,
    related: models.Model | None = None,
    data: dict | None = None,
    backfilled: bool = False,
) -> AuditEvent:
    """Append one event to the log, inside the caller's transaction.

    Raises:
        UnknownAuditEventError: ``event`` is not registered.
        TransactionManagementError: called outside a transaction.
    """
    event_label(event)
    if not transaction.get_connection().in_atomic_block:
        raise transaction.TransactionManagementError("audit_record needs a transaction")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK_KEY])
    target_type, target_id, target_display = _describe(target)
    related_type, related_id, _ = _describe(related)
    if organization is None and target is not None:
        is_organization = target._meta.label_lower == "organizations.organization"
        organization = target if is_organization else getattr(target, "organization", None)
    actor_id = actor.pk if actor is not None and actor.is_authenticated else None
    row = AuditEvent(
        occurred_at=timezone.now(),
        actor_id=actor_id,
        actor_display=str(actor)[:200] if actor_id else "",
        organization_id=getattr(organization, "pk", None),
        event=event,
        target_type=target_type,
        target_id=target_id,
        target_display=target_display,
        related_type=related_type,
        related_id=related_id,
        data=jsonable(data or {}),
        request_id=current_request_id(),
        backfilled=backfilled,
    )
    last = AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first()
    row.previous_hash = last or GENESIS
    row.hash = event_hash(previous_hash=row.previous_hash, fields=row_fields(row))
    row.save(force_insert=True)
    return row
