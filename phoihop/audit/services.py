"""Writing the audit log. Services call ``audit_record`` next to the write they describe."""

from collections.abc import Iterable
from typing import Any

from django.db import connection, models, transaction
from django.utils import timezone

from phoihop.audit.chain import GENESIS, jsonable, keyed_event_hash, keyed_row_fields, row_digest
from phoihop.audit.keys import audit_key
from phoihop.audit.models import AuditEvent
from phoihop.audit.registry import event_label, sealed_fields
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


def row_seal(label: str, pk: object) -> str | None:
    """The digest of one sealed row's audited fields as stored now; ``None`` if it is gone."""
    from django.apps import apps

    fields = sealed_fields(label)
    if fields is None:
        raise LookupError(f"{label} is not a sealed model")
    model = apps.get_model(label)
    values = model._base_manager.filter(pk=pk).values_list(*fields).first()
    return None if values is None else row_digest(values)


def _seals(*objs: models.Model | None) -> dict[str, str | None]:
    seals: dict[str, str | None] = {}
    for obj in objs:
        if obj is None or obj.pk is None:
            continue
        label = obj._meta.label_lower
        if sealed_fields(label) is not None:
            seals[f"{label}:{obj.pk}"] = row_seal(label, obj.pk)
    return seals


def audit_record(
    *,
    actor: Account | None,
    event: str,
    target: models.Model | None = None,
    organization: models.Model | None = None,
    related: models.Model | None = None,
    data: dict | None = None,
    backfilled: bool = False,
    sealed: Iterable[tuple[str, object]] = (),
) -> AuditEvent:
    """Append one event to the log, inside the caller's transaction.

    The row gets the next ``sequence`` and id, the digests of the sealed rows it is about
    (``target``, ``related`` and any ``(label, pk)`` in ``sealed``, read back from the database
    as they stand now, so call it after the write) and an HMAC over its content and the
    previous row's hash.

    Raises:
        UnknownAuditEventError: ``event`` is not registered.
        TransactionManagementError: called outside a transaction.
        AuditKeyMissingError: no audit key is configured.
    """
    event_label(event)
    key = audit_key()
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
        seals={
            **_seals(target, related),
            **{f"{label}:{pk}": row_seal(label, pk) for label, pk in sealed},
        },
    )
    last = AuditEvent.objects.order_by("-id").values_list("id", "sequence", "hash").first()
    # Ids are assigned here, not by the database's sequence, so that they stay gapless even when
    # a transaction rolls back (PostgreSQL never reuses a sequence value).
    last_id, last_sequence, last_hash = last or (0, 0, GENESIS)
    row.id, row.sequence, row.previous_hash = last_id + 1, last_sequence + 1, last_hash
    row.hash = keyed_event_hash(
        key=key, previous_hash=row.previous_hash, fields=keyed_row_fields(row)
    )
    row.save(force_insert=True)
    return row


@transaction.atomic(durable=True)
def audit_seal_unsealed(*, actor: Any, chunk_size: int = 500) -> dict[str, int]:
    """Seal the rows of sealed models that no event is about yet (rows older than sealing).

    Rows whose seal no longer matches are left alone: sealing them again would launder a change
    made behind the application's back. The event names every row it seals.

    Records: ``audit.rows_sealed`` (model, ids), one event per ``chunk_size`` rows.
    """
    from django.apps import apps

    from phoihop.audit.registry import sealed_models
    from phoihop.audit.selectors import _walk_chain

    known = set(_walk_chain(key=audit_key()).seals)
    counts: dict[str, int] = {}
    for label in sealed_models():
        model = apps.get_model(label)
        pending = [
            pk
            for pk in model._base_manager.order_by("pk").values_list("pk", flat=True)
            if f"{label}:{pk}" not in known
        ]
        for start in range(0, len(pending), chunk_size):
            ids = pending[start : start + chunk_size]
            audit_record(
                actor=actor,
                event="audit.rows_sealed",
                data={"model": label, "ids": [str(pk) for pk in ids]},
                sealed=[(label, pk) for pk in ids],
            )
        counts[label] = len(pending)
    return counts
