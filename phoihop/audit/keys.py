"""The audit key: an HMAC key kept outside the database (docs/decisions/0100-keyed-audit-chain.md).

Looked up in this order: ``PHOIHOP_AUDIT_KEY`` (the environment, through settings), then the file
``PHOIHOP_AUDIT_KEY_FILE``. In development (``PHOIHOP_AUDIT_KEY_GENERATE``) a missing file is
created with a random key, readable by its owner only. Production has no fallback: without a key,
writing or verifying the log fails and ``check --deploy`` warns.
"""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

MIN_KEY_LENGTH = 32


class AuditKeyMissingError(ImproperlyConfigured):
    pass


def _from_file(path: Path, *, generate: bool) -> str:
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    if not generate:
        return ""
    path.parent.mkdir(parents=True, exist_ok=True)
    value = secrets.token_hex(32)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process created it first
        return path.read_text(encoding="utf-8").strip()
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(value + "\n")
    return value


def audit_key_configured() -> str:
    """The configured key as text, or ``""`` when none is configured (never generates one)."""
    value = getattr(settings, "PHOIHOP_AUDIT_KEY", "") or ""
    if value:
        return value
    path = getattr(settings, "PHOIHOP_AUDIT_KEY_FILE", None)
    return _from_file(Path(path), generate=False) if path else ""


def audit_key() -> bytes:
    """The audit key as bytes.

    Raises:
        AuditKeyMissingError: no key is configured (and none may be generated here), or it is
            shorter than 32 characters.
    """
    value = getattr(settings, "PHOIHOP_AUDIT_KEY", "") or ""
    path = getattr(settings, "PHOIHOP_AUDIT_KEY_FILE", None)
    if not value and path:
        value = _from_file(
            Path(path), generate=getattr(settings, "PHOIHOP_AUDIT_KEY_GENERATE", False)
        )
    if not value:
        raise AuditKeyMissingError(
            "Chưa có khóa nhật ký: đặt biến môi trường PHOIHOP_AUDIT_KEY (ít nhất 32 ký tự) hoặc "
            "PHOIHOP_AUDIT_KEY_FILE trỏ tới tệp chứa khóa, ngoài cơ sở dữ liệu."
        )
    if len(value) < MIN_KEY_LENGTH:
        raise AuditKeyMissingError(
            f"Khóa nhật ký quá ngắn: cần ít nhất {MIN_KEY_LENGTH} ký tự (PHOIHOP_AUDIT_KEY)."
        )
    return value.encode()
