"""API tokens: one per purpose, with an expiry, revocable, issued after a TOTP step-up."""

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from phoihop.core.models import BaseModel


def token_digest(key: str) -> str:
    """SHA-256 of a token. Tokens are 256 random bits, so an unkeyed hash is enough."""
    return hashlib.sha256(key.encode()).hexdigest()


class ApiToken(BaseModel):
    """A key another system uses to call the API on behalf of one staff account.

    Lifecycle: issued by its owner after a TOTP step-up (or by an operator with the
    ``phoihop api_token`` command), shown once, used until it expires or is revoked. Only a
    hash of the key is stored. A read-only token may only read. No token opens the identity
    vault: that needs a signed-in session with two-factor authentication.
    """

    class Scope(models.TextChoices):
        READ = "read", _("Chỉ đọc")
        WRITE = "write", _("Đọc và ghi")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="api_tokens",
        verbose_name=_("tài khoản"),
    )
    purpose = models.CharField(_("mục đích"), max_length=200)
    scope = models.CharField(_("phạm vi"), max_length=8, choices=Scope, default=Scope.READ)
    prefix = models.CharField(_("đầu khóa"), max_length=12, editable=False)
    key_digest = models.CharField(_("băm khóa"), max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField(_("hết hạn lúc"))
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("dùng lần cuối"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("khóa API")
        verbose_name_plural = _("khóa API")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "purpose"],
                condition=models.Q(revoked_at__isnull=True),
                name="%(app_label)s_%(class)s_one_live_token_per_purpose",
            )
        ]

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.purpose})"

    @property
    def is_live(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()
