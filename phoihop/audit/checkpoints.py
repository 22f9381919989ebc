"""Checkpoints of the audit log, kept outside the database (decision 0101).

A checkpoint is the log's head at one moment: ``{"sequence", "head", "at"}`` plus an HMAC under
the audit key. The task queue appends one to ``PHOIHOP_AUDIT_CHECKPOINT_FILE`` every few minutes
(and logs it in the queue's log); optional witnesses get a copy: a signed file in
``PHOIHOP_AUDIT_WITNESS_DIR`` and an e-mail to ``PHOIHOP_AUDIT_WITNESS_EMAILS`` (the supervising
body). ``phoihop audit verify`` then refuses a log that is shorter than the latest checkpoint or
whose event at the checkpoint's sequence has another hash: truncation, wholesale rewrite and a
rollback to an old copy all show, even with the triggers dropped.
"""

import hmac
import json
import logging
import os
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone

from phoihop.audit.chain import GENESIS, checkpoint_mac
from phoihop.audit.keys import audit_key, audit_key_id, audit_keyring
from phoihop.audit.models import AuditEvent

logger = logging.getLogger("huey.phoihop.audit")


class CheckpointRollbackError(RuntimeError):
    """The log is behind its latest checkpoint; writing a new one needs an explicit reason."""


def audit_head() -> tuple[int, str]:
    """``(sequence, hash)`` of the last event, ``(0, GENESIS)`` for an empty log."""
    last = AuditEvent.objects.order_by("-id").values_list("sequence", "hash").first()
    return last or (0, GENESIS)


def checkpoint_path() -> Path | None:
    value = getattr(settings, "PHOIHOP_AUDIT_CHECKPOINT_FILE", "")
    return Path(value) if value else None


def checkpoint_sign(fields: dict[str, Any]) -> dict[str, Any]:
    """``fields`` with the current key's id (``key``) and the HMAC under that key (``mac``)."""
    key = audit_key()
    content = {k: v for k, v in fields.items() if k != "mac"}
    content["key"] = audit_key_id(key)
    return {**content, "mac": checkpoint_mac(key=key, fields=content)}


def checkpoint_is_authentic(line: dict[str, Any]) -> bool:
    """Whether the line's MAC is right under the key it names (the current or a retired one).

    Lines written before keys had ids name none; any known key may have signed them.
    """
    mac = line.get("mac")
    if not isinstance(mac, str):
        return False
    content = {k: v for k, v in line.items() if k != "mac"}
    ring = audit_keyring()
    named = content.get("key")
    candidates = [ring[named]] if named in ring else [] if named else list(ring.values())
    return any(hmac.compare_digest(checkpoint_mac(key=k, fields=content), mac) for k in candidates)


def checkpoint_lines(path: Path) -> tuple[list[dict[str, Any]], list[str]]:
    """The authentic checkpoints of ``path`` that still bind the log, and the problems met.

    Every line must be authentic, and sequences never go down except on a line that records an
    accepted rollback; such a line releases the earlier lines above its sequence.
    """
    if not path.exists():
        return [], []
    lines: list[dict[str, Any]] = []
    problems: list[str] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            continue
        try:
            line = json.loads(raw)
        except ValueError:
            problems.append(f"dòng {number} của tệp mốc không đọc được")
            continue
        if not isinstance(line, dict) or not checkpoint_is_authentic(line):
            problems.append(f"dòng {number} của tệp mốc bị sửa hoặc giả mạo (sai chữ ký)")
            continue
        sequence = int(line["sequence"])
        if lines and sequence < int(lines[-1]["sequence"]):
            if not line.get("rollback_accepted"):
                problems.append(f"dòng {number} của tệp mốc lùi về trước mốc cũ mà không ghi lý do")
            lines = [kept for kept in lines if int(kept["sequence"]) <= sequence]
        lines.append(line)
    return lines, problems


def checkpoint_read(path: Path) -> tuple[dict[str, Any] | None, list[str]]:
    """The latest authentic checkpoint in ``path`` and the problems met on the way."""
    lines, problems = checkpoint_lines(path)
    return (lines[-1] if lines else None), problems


class CheckpointMismatchError(RuntimeError):
    """The log no longer matches its previous checkpoint; a new one would hide that."""


def _append(path: Path, line: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def _witness(line: dict[str, Any]) -> None:
    text = json.dumps(line, ensure_ascii=False, sort_keys=True)
    directory = getattr(settings, "PHOIHOP_AUDIT_WITNESS_DIR", "")
    if directory:
        name = f"audit-checkpoint-{line['sequence']:012d}-{line['head'][:16]}.json"
        target = Path(directory) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            target.write_text(text + "\n", encoding="utf-8")
    recipients = getattr(settings, "PHOIHOP_AUDIT_WITNESS_EMAILS", [])
    if recipients:
        send_mail(
            subject=f"[phoihop] Mốc nhật ký #{line['sequence']}",
            message=(
                "Mốc kiểm tra nhật ký của phoihop. Xin lưu giữ thư này: khi cần đối chiếu, chạy\n"
                "`phoihop audit verify --checkpoint <tệp chứa dòng dưới đây>`.\n\n" + text + "\n"
            ),
            from_email=None,
            recipient_list=recipients,
        )


def checkpoint_write(*, path: Path | None = None, rollback_reason: str = "") -> dict[str, Any]:
    """Append the log's current head to the checkpoint file and send it to the witnesses.

    Raises:
        CheckpointMismatchError: the event at the previous checkpoint's sequence has another
            hash (writing a new checkpoint over a rewritten log would hide the rewrite).
        CheckpointRollbackError: the log is behind the latest checkpoint and no
            ``rollback_reason`` is given (a restore of an older backup must be acknowledged).
        AuditKeyMissingError: no audit key is configured.
    """
    path = path or checkpoint_path()
    sequence, head = audit_head()
    line: dict[str, Any] = {
        "sequence": sequence,
        "head": head,
        "at": timezone.now().isoformat(timespec="seconds"),
    }
    if path is not None:
        latest, _ = checkpoint_read(path)
        if latest is not None and int(latest["sequence"]) > sequence:
            if not rollback_reason:
                raise CheckpointRollbackError(
                    f"Nhật ký hiện có {sequence} sự kiện, ít hơn mốc trước ({latest['sequence']})."
                    " Nếu đây là khôi phục từ bản sao lưu cũ, ghi rõ lý do (--accept-rollback)."
                )
            line["rollback_accepted"] = rollback_reason
            line["rolled_back_from"] = {"sequence": latest["sequence"], "head": latest["head"]}
        elif latest is not None and int(latest["sequence"]) > 0:
            at = (
                AuditEvent.objects.filter(sequence=latest["sequence"])
                .values_list("hash", flat=True)
                .first()
            )
            if at != latest["head"]:
                raise CheckpointMismatchError(
                    f"Sự kiện số {latest['sequence']} không còn khớp mốc lúc {latest['at']}: "
                    "nhật ký đã bị can thiệp; không ghi mốc mới. Chạy `phoihop audit verify`."
                )
    line = checkpoint_sign(line)
    if path is not None:
        _append(path, line)
    logger.info("audit checkpoint %s", json.dumps(line, ensure_ascii=False, sort_keys=True))
    _witness(line)
    return line
