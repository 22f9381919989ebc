"""Writing the audit log. Services call ``audit_record`` next to the write they describe."""

from collections.abc import Iterable
from typing import Any

from django.db import connection, models, transaction
from django.utils import timezone

from phoihop.audit.chain import (
    GENESIS,
    ROTATION_EVENT,
    jsonable,
    keyed_event_hash,
    keyed_row_fields,
    row_digest,
    signing_key_id,
)
from phoihop.audit.keys import audit_keyring
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


class AuditKeyRotationError(RuntimeError):
    """The chain cannot move to the current key (already on it, or its head is unverifiable)."""


def _chain_lock() -> None:
    """Hold the chain's append lock until the end of the transaction.

    PostgreSQL: an advisory transaction lock. SQLite: nothing to do, its IMMEDIATE
    transactions (settings: ``transaction_mode``) already admit one writer at a time.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK_KEY])


def _head() -> AuditEvent | None:
    return AuditEvent.objects.order_by("-id").first()


def _head_key_id(head: AuditEvent | None, ring: dict[str, bytes]) -> str | None:
    """The key that signed the head (the chain's key now); ``None`` if none verifies it."""
    if head is None:
        return None
    return signing_key_id(
        keys=ring, previous_hash=head.previous_hash, fields=keyed_row_fields(head), hash=head.hash
    )


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
    ring = audit_keyring()
    if not transaction.get_connection().in_atomic_block:
        raise transaction.TransactionManagementError("audit_record needs a transaction")
    _chain_lock()
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
    head = _head()
    # Ids are assigned here, not by the database's sequence, so that they stay gapless even when
    # a transaction rolls back (PostgreSQL never reuses a sequence value).
    if head is None:
        row.id, row.sequence, row.previous_hash = 1, 1, GENESIS
    else:
        row.id, row.sequence, row.previous_hash = head.id + 1, head.sequence + 1, head.hash
    # The chain stays on the key of its head (a retired one, until ``audit rotate-key`` writes
    # the switch); the switch itself, and a chain without a keyed head, take the current key.
    current = next(iter(ring))
    key_id = current if event == ROTATION_EVENT else _head_key_id(head, ring) or current
    row.hash = keyed_event_hash(
        key=ring[key_id], previous_hash=row.previous_hash, fields=keyed_row_fields(row)
    )
    row.save(force_insert=True)
    return row


@transaction.atomic
def audit_key_rotate(*, actor: Any) -> AuditEvent:
    """Move the chain to the current key: one event, signed with it, naming the key it leaves.

    Run after the current key was replaced and the old one put among the retired keys
    (``phoihop audit rotate-key`` does both, then writes a checkpoint). Events before it verify
    under the old key, events after it under the new one only.

    Raises:
        AuditKeyRotationError: the chain is already on the current key, is empty, or its last
            event verifies under no known key (run ``phoihop audit verify``).

    Records: ``audit.key_rotated`` (``from``, ``to``: key ids, never keys).
    """
    ring = audit_keyring()
    current = next(iter(ring))
    _chain_lock()
    head = _head()
    if head is None:
        raise AuditKeyRotationError("Nhật ký chưa có sự kiện: sự kiện đầu tiên sẽ dùng khóa mới.")
    old = _head_key_id(head, ring)
    if old is None:
        raise AuditKeyRotationError(
            f"Sự kiện cuối (#{head.pk}) không khớp khóa nào đã biết: chạy `phoihop audit verify`"
            " và đặt khóa cũ vào PHOIHOP_AUDIT_RETIRED_KEYS(_FILE)."
        )
    if old == current:
        raise AuditKeyRotationError(
            f"Chuỗi đã dùng khóa hiện tại ({current}): đặt khóa mới trước (--generate)."
        )
    return audit_record(actor=actor, event=ROTATION_EVENT, data={"from": old, "to": current})


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

    known = set(_walk_chain(keys=audit_keyring()).seals)
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
