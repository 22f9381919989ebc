"""The hash chain over audit events: how a row's hash is computed."""

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder

GENESIS = "0" * 64


def jsonable(data: object) -> object:
    """``data`` as plain JSON types, exactly as the database will give it back."""
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def event_hash(*, previous_hash: str, fields: dict) -> str:
    """SHA-256 over the previous hash and a canonical JSON of the row's content."""
    content = dict(fields)
    occurred_at = content["occurred_at"]
    if isinstance(occurred_at, datetime):
        content["occurred_at"] = occurred_at.astimezone(UTC).isoformat(timespec="microseconds")
    payload = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((previous_hash + payload).encode()).hexdigest()


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


def row_fields(event: Any) -> dict:
    return {name: getattr(event, name) for name in HASHED_FIELDS}
