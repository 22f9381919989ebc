"""Accounts of staff and citizens, and the sessions each account holds."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from phoihop.core.querysets import RestrictedQuerySet


class PhoihopUserManager(UserManager.from_queryset(RestrictedQuerySet)):
    pass


class User(AbstractUser):
    """A person who signs in: staff of one of the bodies, or a citizen.

    Staff sign in with a password and a TOTP code; citizens with a password. Disabling an account
    (``is_active=False`` through ``user_disable``) ends all of its sessions and API tokens.
    """

    class Kind(models.TextChoices):
        STAFF = "staff", _("Cán bộ")
        CITIZEN = "citizen", _("Công dân")
        SYSTEM = "system", _("Hệ thống")

    kind = models.CharField(_("loại tài khoản"), max_length=16, choices=Kind, default=Kind.STAFF)
    full_name = models.CharField(_("họ và tên"), max_length=200, blank=True)
    person = models.ForeignKey(
        "organizations.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="accounts",
        verbose_name=_("cá nhân"),
    )
    is_demo = models.BooleanField(_("tài khoản trình diễn"), default=False)

    objects = PhoihopUserManager()

    class Meta:
        ordering = ["username"]
        verbose_name = _("tài khoản")
        verbose_name_plural = _("tài khoản")

    def __str__(self) -> str:
        return self.full_name or self.username

    def get_full_name(self) -> str:
        return self.full_name or self.username


class UserSession(models.Model):
    """A signed-in session of an account, so that disabling the account can end it."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="sessions")
    session_key = models.CharField(_("khóa phiên"), max_length=64, unique=True)
    signed_in_at = models.DateTimeField(_("đăng nhập lúc"), auto_now_add=True)

    class Meta:
        ordering = ["-signed_in_at"]
        verbose_name = _("phiên đăng nhập")

    def __str__(self) -> str:
        return f"{self.user} @ {self.signed_in_at:%Y-%m-%d %H:%M}"
