"""The audit key: an HMAC key kept outside the database (docs/decisions/0100-keyed-audit-chain.md).

Looked up in this order: ``PHOIHOP_AUDIT_KEY`` (the environment, through settings), then the file
``PHOIHOP_AUDIT_KEY_FILE``. In development (``PHOIHOP_AUDIT_KEY_GENERATE``) a missing file is
created with a random key, readable by its owner only. Production has no fallback: without a key,
writing or verifying the log fails and ``check --deploy`` warns.

Rotation (decision 0105): retired keys stay available to verify the segments they signed, from
``PHOIHOP_AUDIT_RETIRED_KEYS`` (comma-separated) and the file ``PHOIHOP_AUDIT_RETIRED_KEYS_FILE``
(one key a line; by default ``<key file>.retired`` beside the key file). A key is named by its
id, a digest that reveals nothing of it.
"""

import hashlib
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


def audit_key_id(key: bytes) -> str:
    """The public name of a key: 16 hex digits of a digest (says nothing about the key)."""
    return hashlib.sha256(b"phoihop-audit-key-id:" + key).hexdigest()[:16]


def retired_keys_path() -> Path | None:
    """Where retired keys are kept: the setting, else ``<key file>.retired``, else none."""
    value = getattr(settings, "PHOIHOP_AUDIT_RETIRED_KEYS_FILE", "") or ""
    if value:
        return Path(value)
    path = getattr(settings, "PHOIHOP_AUDIT_KEY_FILE", "") or ""
    return Path(f"{path}.retired") if path else None


def retired_audit_keys() -> list[bytes]:
    """Keys that signed earlier segments of the chain; they verify, they never sign."""
    values = [
        v.strip() for v in getattr(settings, "PHOIHOP_AUDIT_RETIRED_KEYS", []) or [] if v.strip()
    ]
    path = retired_keys_path()
    if path is not None and path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                values.append(line)
    return [v.encode() for v in dict.fromkeys(values)]


def audit_keyring() -> dict[str, bytes]:
    """Every known key by id: the current key first, then the retired ones.

    Raises:
        AuditKeyMissingError: no current key is configured.
    """
    current = audit_key()
    ring = {audit_key_id(current): current}
    for key in retired_audit_keys():
        ring.setdefault(audit_key_id(key), key)
    return ring


def _write_private(path: Path, text: str, *, append: bool) -> None:
    """Write (or append) ``text`` to a file readable by its owner only, flushed to disk."""
    path.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
    fd = os.open(path, flags, 0o600)
    with os.fdopen(fd, "a" if append else "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())


def audit_key_rotate_file() -> tuple[str, str]:
    """Replace the key in ``PHOIHOP_AUDIT_KEY_FILE`` by a new random one; returns the two ids.

    The old key is appended to the retired keys file first, then the new key file replaces the
    old one in one rename: a process reading the keys at any moment finds both (writers keep
    signing with the old key until the chain's switch event, ``audit_key_rotate``).

    Raises:
        AuditKeyMissingError: the key comes from the environment (``PHOIHOP_AUDIT_KEY``), or no
            key file is configured: the new key must then be set by the operator.
    """
    path = getattr(settings, "PHOIHOP_AUDIT_KEY_FILE", "") or ""
    if getattr(settings, "PHOIHOP_AUDIT_KEY", "") or not path:
        raise AuditKeyMissingError(
            "Khóa nhật ký lấy từ biến môi trường PHOIHOP_AUDIT_KEY (hoặc chưa có tệp khóa): đặt "
            "khóa mới vào PHOIHOP_AUDIT_KEY, khóa cũ vào PHOIHOP_AUDIT_RETIRED_KEYS, khởi động "
            "lại dịch vụ rồi chạy `phoihop audit rotate-key` (không có --generate)."
        )
    old = audit_key()
    new = secrets.token_hex(32)
    retired = retired_keys_path()
    assert retired is not None  # noqa: S101 (derived from the key file)
    _write_private(retired, old.decode() + "\n", append=True)
    key_path = Path(path)
    staging = key_path.with_name(f".{key_path.name}.new")
    _write_private(staging, new + "\n", append=False)
    os.replace(staging, key_path)
    return audit_key_id(old), audit_key_id(new.encode())
