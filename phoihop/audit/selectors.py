"""Reading the audit log, and verifying it (``phoihop audit verify``)."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import connection
from django.db.models import QuerySet
from django.utils import timezone

from phoihop.audit.chain import (
    ANCHOR_EVENT,
    GENESIS,
    ROTATION_EVENT,
    event_hash,
    keyed_row_fields,
    row_digest,
    row_fields,
    signing_key_id,
)
from phoihop.audit.checkpoints import checkpoint_lines, checkpoint_path
from phoihop.audit.guard import guard_missing
from phoihop.audit.keys import audit_keyring
from phoihop.audit.models import AuditEvent
from phoihop.audit.registry import event_codes, sealed_models
from phoihop.core.types import Account


@dataclass(frozen=True)
class ChainReport:
    checked: int
    first_bad_id: int | None
    reason: str

    @property
    def ok(self) -> bool:
        return self.first_bad_id is None


@dataclass(frozen=True)
class Problem:
    """One finding of ``audit_verify``: a stable code, a Vietnamese message, the event if any."""

    code: str
    message: str
    event_id: int | None = None


@dataclass
class _Walk:
    checked: int = 0
    legacy: int = 0
    head_sequence: int = 0
    head_hash: str = GENESIS
    # The id of the key signing the chain at its head (``None`` before the first keyed event).
    key_id: str | None = None
    problem: Problem | None = None
    # "<label>:<pk>" -> (digest or None, event id, event code) of the latest event sealing it.
    seals: dict[str, tuple[str | None, int, str]] = field(default_factory=dict)


def _signer(
    event: AuditEvent, previous: str, keys: Mapping[str, bytes], current: str | None
) -> str | None:
    """The id of the key that lawfully signed ``event`` after a chain on ``current``.

    The first keyed event may be signed by any known key; after it, only by the chain's key,
    except an ``audit.key_rotated`` event leaving that key for another known one, signed by the
    new key. An event signed by a retired key after its rotation is refused.
    """
    fields = keyed_row_fields(event)
    if current is None:
        return signing_key_id(keys=keys, previous_hash=previous, fields=fields, hash=event.hash)
    if signing_key_id(
        keys={current: keys[current]}, previous_hash=previous, fields=fields, hash=event.hash
    ):
        return current
    data = event.data if isinstance(event.data, dict) else {}
    new = data.get("to")
    if (
        event.event == ROTATION_EVENT
        and data.get("from") == current
        and isinstance(new, str)
        and new in keys
    ):
        return signing_key_id(
            keys={new: keys[new]}, previous_hash=previous, fields=fields, hash=event.hash
        )
    return None


def _walk_chain(*, keys: Mapping[str, bytes], batch_size: int = 2000) -> _Walk:
    """Walk the events in id order; stop at the first broken link, hash, id or sequence.

    A chain is a legacy prefix (plain SHA-256, written before the key existed) followed by keyed
    events; a legacy prefix is accepted only when the keyed ``audit.chain_keyed`` anchor right
    after it records its exact length and head hash. Keyed events have ``id`` and ``sequence``
    one above their predecessor's, and are signed by the chain's key of the moment (``keys``:
    the current and retired keys by id; ``_signer``).
    """
    walk = _Walk()
    previous, previous_id, keyed = GENESIS, 0, False
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=batch_size):
        position = walk.checked + 1
        if event.sequence != position:
            walk.problem = Problem(
                "sequence",
                f"số thứ tự {event.sequence} ở vị trí {position}: thiếu hoặc thừa sự kiện",
                event.pk,
            )
            break
        if event.previous_hash != previous:
            walk.problem = Problem(
                "link", "liên kết tới sự kiện trước bị đứt (bị xóa/chèn)", event.pk
            )
            break
        signer = _signer(event, previous, keys, walk.key_id)
        if signer is not None:
            if keyed and event.pk != previous_id + 1:
                walk.problem = Problem(
                    "id", f"mã sự kiện nhảy từ {previous_id} lên {event.pk}", event.pk
                )
                break
            if not keyed and walk.legacy and not _anchors(event, walk.legacy, previous):
                walk.problem = Problem(
                    "anchor",
                    "các sự kiện cũ (chưa có khóa) không khớp với mốc chuyển sang chuỗi có khóa",
                    event.pk,
                )
                break
            if not keyed and not walk.legacy and event.pk != 1:
                walk.problem = Problem(
                    "id", f"sự kiện đầu tiên có mã {event.pk}, không phải 1", event.pk
                )
                break
            keyed, walk.key_id = True, signer
        elif (
            not keyed and event_hash(previous_hash=previous, fields=row_fields(event)) == event.hash
        ):
            walk.legacy += 1
        else:
            walk.problem = Problem(
                "content", "nội dung đã bị sửa sau khi ghi (mã HMAC không khớp)", event.pk
            )
            break
        for name, digest in (event.seals or {}).items():
            walk.seals[name] = (digest, event.pk, event.event)
        previous, previous_id = event.hash, event.pk
        walk.checked, walk.head_sequence, walk.head_hash = position, event.sequence, event.hash
    if walk.problem is None and walk.legacy and not keyed:
        walk.problem = Problem(
            "anchor",
            "nhật ký chỉ có sự kiện không khóa, thiếu mốc audit.chain_keyed: có thể bị ghi lại",
            None,
        )
    return walk


def _anchors(event: AuditEvent, legacy_count: int, legacy_head: str) -> bool:
    data = event.data if isinstance(event.data, dict) else {}
    return (
        event.event == ANCHOR_EVENT
        and data.get("legacy_count") == legacy_count
        and data.get("legacy_head") == legacy_head
    )


def audit_chain_verify(*, batch_size: int = 2000) -> ChainReport:
    """Walk the chain; report the first row whose hash, link or number is wrong."""
    walk = _walk_chain(keys=audit_keyring(), batch_size=batch_size)
    if walk.problem is None:
        return ChainReport(walk.checked, None, "")
    return ChainReport(walk.checked, walk.problem.event_id or 0, walk.problem.message)


@dataclass(frozen=True)
class VerifyReport:
    checked: int
    legacy: int
    sealed_rows: int
    checkpoint: dict[str, Any] | None
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def _check_checkpoints(walk: _Walk, lines: list[dict[str, Any]]) -> list[Problem]:
    """The log against every binding checkpoint line; the first disagreement is reported."""
    wanted = sorted({int(line["sequence"]) for line in lines if int(line["sequence"]) > 0})
    hashes: dict[int, str] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        hashes.update(AuditEvent.objects.filter(sequence__in=chunk).values_list("sequence", "hash"))
    for checkpoint in lines:
        sequence, head = int(checkpoint["sequence"]), str(checkpoint["head"])
        if walk.head_sequence < sequence:
            return [
                Problem(
                    "checkpoint",
                    f"nhật ký chỉ còn {walk.head_sequence} sự kiện hợp lệ, ít hơn mốc kiểm tra lúc "
                    f"{checkpoint.get('at')} ({sequence} sự kiện): đã bị cắt bớt hoặc thay thế",
                )
            ]
        if sequence == 0 and head != GENESIS:
            return [Problem("checkpoint", "mốc kiểm tra rỗng không hợp lệ")]
        if sequence and hashes.get(sequence) != head:
            return [
                Problem(
                    "checkpoint",
                    f"sự kiện số {sequence} khác với mốc kiểm tra lúc {checkpoint.get('at')}: "
                    "nhật ký đã bị ghi lại",
                )
            ]
    return []


def _check_seals(walk: _Walk) -> tuple[int, list[Problem]]:
    problems: list[Problem] = []
    checked = 0
    for label, fields in sealed_models().items():
        model = apps.get_model(label)
        expected = {
            name.split(":", 1)[1]: seal
            for name, seal in walk.seals.items()
            if name.split(":", 1)[0] == label
        }
        unsealed: list[str] = []
        rows: Iterable[tuple[Any, ...]] = (
            model._base_manager.order_by("pk").values_list("pk", *fields).iterator(chunk_size=2000)
        )
        for pk, *values in rows:
            checked += 1
            seal = expected.pop(str(pk), None)
            if seal is None:
                unsealed.append(str(pk))
            elif seal[0] != row_digest(values):
                problems.append(
                    Problem(
                        "row",
                        f"{label} #{pk} không khớp sự kiện nhật ký cuối cùng về nó (#{seal[1]}):"
                        " dữ liệu bị sửa ngoài ứng dụng",
                        seal[1],
                    )
                )
        if unsealed:
            shown = ", ".join(unsealed[:10]) + (" …" if len(unsealed) > 10 else "")
            problems.append(
                Problem(
                    "unsealed",
                    f"{len(unsealed)} dòng {label} không có sự kiện nhật ký nào ({shown}): được "
                    "thêm ngoài ứng dụng, hoặc có từ trước khi niêm phong (`phoihop audit seal`)",
                )
            )
        for pk, (digest, event_id, code) in expected.items():
            if digest is not None and not code.endswith("deleted"):
                problems.append(
                    Problem(
                        "row",
                        f"{label} #{pk} đã biến mất mà nhật ký không ghi việc xóa (#{event_id})",
                        event_id,
                    )
                )
    return checked, problems


def _overdue_for_a_checkpoint() -> bool:
    """Whether the log's first event is older than two checkpoint periods (plus a margin)."""
    first = AuditEvent.objects.order_by("id").values_list("occurred_at", flat=True).first()
    if first is None:
        return False
    minutes = 2 * int(getattr(settings, "PHOIHOP_AUDIT_CHECKPOINT_MINUTES", 15)) + 10
    return timezone.now() - first > timedelta(minutes=minutes)


def audit_verify(
    *,
    checkpoint_files: Iterable[Path] = (),
    seals: bool = True,
    batch_size: int = 2000,
) -> VerifyReport:
    """Everything ``phoihop audit verify`` checks, as a list of problems (empty when intact).

    The guard's triggers exist and are enabled; ids and sequence are gapless; every hash is the
    HMAC of its content and predecessor; the log is not behind the latest checkpoint (the
    configured file plus any witness copies given); every row of a sealed model matches the
    digest in the latest event about it.
    """
    problems: list[Problem] = []
    missing = guard_missing(connection)
    if missing:
        problems.append(
            Problem(
                "guard",
                "thiếu hoặc đã tắt trigger bảo vệ nhật ký: " + ", ".join(missing),
            )
        )
    walk = _walk_chain(keys=audit_keyring(), batch_size=batch_size)
    if walk.problem is not None:
        problems.append(walk.problem)
    latest: dict[str, Any] | None = None
    configured = checkpoint_path()
    if configured is not None and not configured.exists() and _overdue_for_a_checkpoint():
        problems.append(
            Problem(
                "checkpoint",
                f"không thấy tệp mốc kiểm tra {configured} dù nhật ký đã đủ cũ để có mốc: tệp bị "
                "xóa, hoặc tác vụ ghi mốc không chạy",
            )
        )
    files = [p for p in (configured, *checkpoint_files) if p is not None]
    for path in files:
        lines, file_problems = checkpoint_lines(path)
        problems.extend(Problem("checkpoint", f"{path.name}: {p}") for p in file_problems)
        # Every binding line, not only the latest: events cut from the tail and followed by new
        # ones would otherwise hide behind a newer checkpoint.
        problems.extend(_check_checkpoints(walk, lines))
        if lines and (latest is None or int(lines[-1]["sequence"]) > int(latest["sequence"])):
            latest = lines[-1]
    sealed_rows = 0
    if seals:
        sealed_rows, seal_problems = _check_seals(walk)
        problems.extend(seal_problems)
    return VerifyReport(walk.checked, walk.legacy, sealed_rows, latest, tuple(problems))


def audit_event_list(*, viewer: Account, event: str = "") -> QuerySet[AuditEvent]:
    """The events ``viewer`` may read, newest first by the model's order; ``event`` filters."""
    events = AuditEvent.objects.restrict(viewer, "view").select_related("actor", "organization")
    return events.filter(event__in=event_codes(event)) if event else events
