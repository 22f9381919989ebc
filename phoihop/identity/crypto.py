"""Encryption at rest for the identity vault (docs/decisions/0060-identity-vault.md).

Keys: ``PHOIHOP_IDENTITY_KEYS``, comma-separated Fernet keys, newest first (``MultiFernet``:
new data is sealed with the first, old data still opens with the others, and
``identity_keys_rotate`` re-seals). Without the setting a key is derived from SECRET_KEY,
which the deploy check ``identity.W001`` flags: production must set its own key, kept apart
from the database backups.

Matching without decrypting: a keyed HMAC of the folded name and address (and of the ID
number) lets the letter register find letters from the same person; the HMAC key is derived
from the first Fernet key, so the index is useless without it.
"""

import base64
import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings

from phoihop.text.normalize import fold

__all__ = ["InvalidToken", "blind_index", "open_bytes", "seal_bytes"]


def _configured_keys() -> tuple[bytes, ...]:
    keys = [k.strip() for k in getattr(settings, "PHOIHOP_IDENTITY_KEYS", []) if k.strip()]
    if keys:
        return tuple(k.encode() for k in keys)
    derived = hashlib.sha256(f"phoihop-identity:{settings.SECRET_KEY}".encode()).digest()
    return (base64.urlsafe_b64encode(derived),)


@lru_cache(maxsize=4)
def _fernet(keys: tuple[bytes, ...]) -> MultiFernet:
    return MultiFernet([Fernet(k) for k in keys])


def _cipher() -> MultiFernet:
    return _fernet(_configured_keys())


def seal_bytes(data: bytes) -> bytes:
    return _cipher().encrypt(data)


def open_bytes(token: bytes) -> bytes:
    return _cipher().decrypt(bytes(token))


def reseal_bytes(token: bytes) -> bytes:
    """The same plaintext sealed with the newest key (key rotation)."""
    return _cipher().rotate(bytes(token))


def key_id() -> str:
    """The public name of the key that seals new data (a digest; says nothing about the key)."""
    return hashlib.sha256(b"phoihop-identity-key-id:" + _configured_keys()[0]).hexdigest()[:16]


def blind_index(*parts: str) -> str:
    """A keyed hash of the folded *parts*; empty if every part is empty."""
    folded = "|".join(" ".join(fold(p).split()) for p in parts)
    if not folded.strip("|"):
        return ""
    key = hashlib.sha256(b"blind-index:" + _configured_keys()[0]).digest()
    return hmac.new(key, folded.encode(), hashlib.sha256).hexdigest()
