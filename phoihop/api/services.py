"""Issuing and revoking API tokens."""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from phoihop.api.models import ApiToken, token_digest
from phoihop.audit.services import audit_record
from phoihop.core.errors import ApplicationError

MAX_DAYS = 90
KEY_PREFIX = "phx_"


class ApiTokenError(ApplicationError):
    """A token cannot be issued or revoked as asked."""


@dataclass(frozen=True, repr=False)
class IssuedToken:
    """A new token and its key, which is shown once and never stored."""

    token: ApiToken
    key: str

    def __repr__(self) -> str:
        return f"IssuedToken({self.token.prefix}…)"


def _step_up_passed(user, otp_code: str) -> bool:
    from phoihop.accounts.two_factor import totp_device

    device = totp_device(user)
    return device is not None and bool(otp_code) and device.verify_token(otp_code.strip())


@transaction.atomic
def api_token_issue(
    *,
    actor,
    user,
    purpose: str,
    scope: str = ApiToken.Scope.READ,
    days: int = 30,
    otp_code: str = "",
) -> IssuedToken:
    """A new token for *user*, for one purpose, valid *days* days (at most ``MAX_DAYS``).

    A staff member issues their own tokens after a TOTP step-up (*otp_code*, checked here even
    in a signed-in session); the system account (the ``phoihop api_token`` command, run by an
    operator on the server) issues without one. A live token of the same purpose is revoked.

    Raises:
        ApiTokenError: not a staff account, someone else's account, a wrong or missing code,
            an empty purpose, a validity outside 1…90 days, an unknown scope.

    Records: ``api.token.issued`` (purpose, scope, expiry, key prefix; never the key).
    """
    is_system = getattr(actor, "kind", "") == "system"
    if getattr(user, "kind", "") != "staff" or not user.is_active:
        raise ApiTokenError("Chỉ tài khoản cán bộ đang hoạt động được cấp khóa API.", code="user")
    if not is_system:
        if actor.pk != user.pk:
            raise ApiTokenError("Chỉ chủ tài khoản được tự cấp khóa API.", code="owner")
        if not _step_up_passed(user, otp_code):
            raise ApiTokenError("Mã xác thực (6 số) không đúng.", code="otp")
    purpose = " ".join(purpose.split())[:200]
    if not purpose:
        raise ApiTokenError("Hãy ghi mục đích dùng khóa.", code="purpose")
    if scope not in ApiToken.Scope.values:
        raise ApiTokenError("Phạm vi khóa không hợp lệ.", code="scope")
    if not 1 <= days <= MAX_DAYS:
        raise ApiTokenError(f"Thời hạn khóa từ 1 đến {MAX_DAYS} ngày.", code="days")
    now = timezone.now()
    for old in ApiToken.objects.select_for_update().filter(
        user=user, purpose=purpose, revoked_at__isnull=True
    ):
        _revoke(old, actor=actor, now=now, reason="replaced")
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user=user,
        purpose=purpose,
        scope=scope,
        prefix=key[:12],
        key_digest=token_digest(key),
        expires_at=now + timedelta(days=days),
    )
    token.full_clean()
    token.save()
    audit_record(
        actor=actor,
        event="api.token.issued",
        target=user,
        data={
            "token": token.prefix,
            "purpose": purpose,
            "scope": scope,
            "expires_at": token.expires_at.isoformat(),
        },
    )
    return IssuedToken(token, key)


def _revoke(token: ApiToken, *, actor, now, reason: str) -> None:
    token.revoked_at = now
    token.save(update_fields=["revoked_at", "updated_at"])
    audit_record(
        actor=actor,
        event="api.token.revoked",
        target=token.user,
        data={"token": token.prefix, "purpose": token.purpose, "reason": reason},
    )


@transaction.atomic
def api_token_revoke(*, actor, token: ApiToken) -> ApiToken:
    """Stop a token now. Its owner, or a superuser (and the system account), may revoke it.

    Raises:
        ApiTokenError: someone else's token, or revoked already.

    Records: ``api.token.revoked`` (key prefix, purpose).
    """
    if actor.pk != token.user_id and not actor.is_superuser:
        raise ApiTokenError("Không thể thu hồi khóa của tài khoản khác.", code="owner")
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is not None:
        raise ApiTokenError("Khóa đã bị thu hồi.", code="revoked")
    _revoke(token, actor=actor, now=timezone.now(), reason="revoked")
    return token


def api_token_authenticate(key: str) -> ApiToken | None:
    """The live token with *key* (its user active), or None. Notes when it was last used."""
    if not key.startswith(KEY_PREFIX) or len(key) > 100:
        return None
    now = timezone.now()
    token = (
        ApiToken.objects.select_related("user")
        .filter(
            key_digest=token_digest(key),
            revoked_at__isnull=True,
            expires_at__gt=now,
            user__is_active=True,
        )
        .first()
    )
    if token is None:
        return None
    # At most once a minute: a write on every call would serialize readers on SQLite.
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token
