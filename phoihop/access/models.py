"""Roles and grants: who may do what, in which organization subtree."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from phoihop.core.models import BaseModel


class Role(BaseModel):
    """A named set of permissions (``app.action_model``), loaded from ``access/roles.toml``."""

    code = models.SlugField(_("mã"), max_length=50, unique=True)
    name = models.CharField(_("tên"), max_length=100)
    description = models.TextField(_("mô tả"), blank=True)
    permissions = models.JSONField(_("quyền"), default=list)

    class Meta:
        ordering = ["code"]
        verbose_name = _("vai trò")
        verbose_name_plural = _("vai trò")

    def __str__(self) -> str:
        return self.name


class Grant(BaseModel):
    """A role given to an account on an organization (and, optionally, all of its units).

    Lifecycle: created -> revoked (``revoked_at`` set). Revoked grants stay for the record.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="grants",
        verbose_name=_("tài khoản"),
    )
    role = models.ForeignKey(
        Role, on_delete=models.PROTECT, related_name="grants", verbose_name=_("vai trò")
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="grants",
        verbose_name=_("cơ quan"),
    )
    include_subtree = models.BooleanField(_("gồm các đơn vị trực thuộc"), default=True)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)

    class Meta:
        ordering = ["user", "organization", "role"]
        verbose_name = _("phân quyền")
        verbose_name_plural = _("phân quyền")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "organization"],
                condition=Q(revoked_at__isnull=True),
                name="%(app_label)s_%(class)s_one_active",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.role} @ {self.organization.short_name}"
