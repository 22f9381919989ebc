"""The bodies' shared calendar."""

import uuid

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from phoihop.core.models import BaseModel


class Engagement(BaseModel):
    """A dated engagement of one body that the others should know of: a session, a briefing,
    a reception day, a voter meeting, a supervision visit.

    Lifecycle: planned -> held | cancelled.
    """

    class Kind(models.TextChoices):
        SESSION = "session", _("Kỳ họp")
        BRIEFING = "briefing", _("Giao ban")
        RECEPTION = "reception", _("Tiếp công dân")
        VOTER_MEETING = "voter_meeting", _("Tiếp xúc cử tri")
        SUPERVISION = "supervision", _("Giám sát")
        OTHER = "other", _("Khác")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Dự kiến")
        HELD = "held", _("Đã diễn ra")
        CANCELLED = "cancelled", _("Đã hủy")

    public_id = models.UUIDField(_("mã công khai"), default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="engagements",
        verbose_name=_("cơ quan chủ trì"),
    )
    partners = models.ManyToManyField(
        "organizations.Organization",
        blank=True,
        related_name="partner_engagements",
        verbose_name=_("cơ quan phối hợp"),
    )
    kind = models.CharField(_("loại"), max_length=20, choices=Kind)
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=Status, default=Status.PLANNED
    )
    title = models.CharField(_("nội dung"), max_length=300)
    starts_at = models.DateTimeField(_("bắt đầu"))
    ends_at = models.DateTimeField(_("kết thúc"))
    location = models.CharField(_("địa điểm"), max_length=300, blank=True)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("lịch công tác")
        verbose_name_plural = _("lịch công tác")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=F("starts_at")),
                name="%(app_label)s_%(class)s_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title
