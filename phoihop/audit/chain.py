"""The chain over audit events: how a row's hash is computed, and how audited rows are sealed.

Two schemes exist (docs/decisions/0100-keyed-audit-chain.md):

* ``legacy``: ``sha256(previous_hash + canonical JSON)`` — the rows written before the key was
  introduced. Anyone can recompute it, so it proves nothing on its own; these rows are pinned by
  the keyed ``audit.chain_keyed`` event that follows them.
* ``keyed``: ``HMAC-SHA256(key, previous_hash + canonical JSON)`` over the same content plus the
  row's ``sequence`` and ``seals``. Without the key (kept outside the database) nobody can
  recompute a valid chain after editing, deleting or appending a row.
"""

import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.core.serializers.json import DjangoJSONEncoder

GENESIS = "0" * 64
# The event that ends the legacy prefix: its data pins the prefix's length and head hash.
ANCHOR_EVENT = "audit.chain_keyed"
# The event that moves the chain to another key (decision 0105): signed with the new key, its
# data names the key it leaves (``from``) and the one it takes (``to``) by their ids.
ROTATION_EVENT = "audit.key_rotated"


def jsonable(data: object) -> object:
    """``data`` as plain JSON types, exactly as the database will give it back."""
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def _payload(fields: Mapping[str, Any]) -> str:
    content = dict(fields)
    occurred_at = content["occurred_at"]
    if isinstance(occurred_at, datetime):
        content["occurred_at"] = occurred_at.astimezone(UTC).isoformat(timespec="microseconds")
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def event_hash(*, previous_hash: str, fields: Mapping[str, Any]) -> str:
    """Legacy scheme: SHA-256 over the previous hash and a canonical JSON of the row's content."""
    return hashlib.sha256((previous_hash + _payload(fields)).encode()).hexdigest()


def keyed_event_hash(*, key: bytes, previous_hash: str, fields: Mapping[str, Any]) -> str:
    """Keyed scheme: HMAC-SHA256 with the audit key over the previous hash and the content."""
    message = (previous_hash + _payload(fields)).encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def signing_key_id(
    *, keys: Mapping[str, bytes], previous_hash: str, fields: Mapping[str, Any], hash: str
) -> str | None:
    """The id of the key in ``keys`` whose HMAC of the row is ``hash``; ``None`` if none."""
    for key_id, key in keys.items():
        expected = keyed_event_hash(key=key, previous_hash=previous_hash, fields=fields)
        if hmac.compare_digest(expected, hash):
            return key_id
    return None


HASHED_FIELDS = (
    "occurred_at",
    "actor_id",
    "actor_display",
    "organization_id",
    "event",
    "target_type",
    "target_id",
    "target_display",
    "related_type",
    "related_id",
    "data",
    "request_id",
    "backfilled",
)
KEYED_FIELDS = (*HASHED_FIELDS, "sequence", "seals")


def row_fields(event: Any, names: Iterable[str] = HASHED_FIELDS) -> dict[str, Any]:
    return {name: getattr(event, name) for name in names}


def keyed_row_fields(event: Any) -> dict[str, Any]:
    return row_fields(event, KEYED_FIELDS)


def _canonical(value: object) -> object:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal | UUID):
        return str(value)
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_canonical(v) for v in value]
    return value


def row_digest(values: Iterable[object]) -> str:
    """SHA-256 of a row's audited field values (in the registered field order)."""
    payload = json.dumps(
        [_canonical(v) for v in values], sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def checkpoint_mac(*, key: bytes, fields: Mapping[str, Any]) -> str:
    """HMAC of a checkpoint's content; a different domain from the event hashes."""
    payload = json.dumps(dict(fields), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hmac.new(key, b"checkpoint:" + payload.encode(), hashlib.sha256).hexdigest()
