"""The append-only audit log."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from phoihop.core.querysets import RestrictedQuerySet


class AuditEvent(models.Model):
    """One change made through the platform: who, what, when, old and new values.

    Append-only: rows are never updated or deleted (database triggers refuse it, see migrations
    0002 and 0005). Each row carries ``sequence`` (1, 2, 3 … with no gap; equal to its id) and an
    HMAC-SHA256, keyed outside the database, of the previous row's hash and its own content, so
    ``phoihop audit verify`` finds the first altered, inserted or removed row. ``seals`` holds the
    digest of the audited fields of the rows the event is about (``"letters.letter:12": digest``).
    """

    sequence = models.BigIntegerField(_("số thứ tự"), unique=True)

    occurred_at = models.DateTimeField(_("thời điểm"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người thực hiện"),
    )
    actor_display = models.CharField(_("người thực hiện (tên)"), max_length=200, blank=True)
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cơ quan"),
    )
    event = models.CharField(_("sự kiện"), max_length=100)
    target_type = models.CharField(_("loại đối tượng"), max_length=100, blank=True)
    target_id = models.CharField(_("mã đối tượng"), max_length=64, blank=True)
    target_display = models.CharField(_("đối tượng"), max_length=300, blank=True)
    related_type = models.CharField(_("loại đối tượng liên quan"), max_length=100, blank=True)
    related_id = models.CharField(_("mã đối tượng liên quan"), max_length=64, blank=True)
    data = models.JSONField(_("dữ liệu"), default=dict, blank=True)
    request_id = models.CharField(_("mã yêu cầu"), max_length=64, blank=True)
    backfilled = models.BooleanField(_("ghi bổ sung"), default=False)
    previous_hash = models.CharField(_("mã băm trước"), max_length=64)
    hash = models.CharField(_("mã băm"), max_length=64, unique=True)
    seals = models.JSONField(_("niêm phong dòng dữ liệu"), default=dict, blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        ordering = ["-id"]
        verbose_name = _("sự kiện nhật ký")
        verbose_name_plural = _("nhật ký")
        indexes = [
            models.Index(fields=["target_type", "target_id", "occurred_at"]),
            models.Index(fields=["related_type", "related_id", "occurred_at"]),
            models.Index(fields=["organization", "occurred_at"]),
            models.Index(fields=["actor", "occurred_at"]),
            # The log's filter by event, newest first.
            models.Index(fields=["event", "id"]),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.event} {self.target_display}"
