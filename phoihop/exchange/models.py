"""Documents exchanged between the bodies (NĐ 30/2020 Đ14–Đ24; RULEBOOK BCO-09) and the
periodic reports compiled from the data (NĐ 09/2019; BCO-02…BCO-08).

A ``Dispatch`` is one outgoing document (văn bản đi) in the sender's outgoing register; it goes
to one or more bodies, each as a ``Delivery``: a tracked item of the receiving body, which its
clerk receives and enters in the incoming register (văn bản đến) on the BCO-09 clock and which
answers the sender with a receipt; a copy "for action" then stays open with a handler and a due
date until it is handled, a copy "for information" closes on receipt."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from phoihop.casework.models import TrackedItem
from phoihop.core.models import BaseModel

_ORG = "organizations.Organization"


class Urgency(models.TextChoices):
    """Độ khẩn (NĐ 30/2020 Đ4 k2 c; Phụ lục I)."""

    NORMAL = "normal", _("Thường")
    URGENT = "khan", _("Khẩn")
    VERY_URGENT = "thuong_khan", _("Thượng khẩn")
    FLASH = "hoa_toc", _("Hỏa tốc")


class Dispatch(BaseModel):
    """An outgoing document in the sender's register: its number and symbol (taken from the
    sender's register when it was issued, NĐ 30 Đ15), date, type and summary, signer, urgency,
    when it was sent (Đ18 k1: the day it is signed, at the latest the next working day) and the
    scan."""

    public_id = models.UUIDField(_("mã công khai"), default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        _ORG, on_delete=models.PROTECT, related_name="+", verbose_name=_("cơ quan gửi")
    )
    document = models.ForeignKey(
        "documents.Document",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("văn bản của phoihop"),
    )
    symbol = models.CharField(_("số, ký hiệu"), max_length=60)
    doc_type = models.CharField(_("tên loại văn bản"), max_length=60)
    title = models.CharField(_("trích yếu nội dung"), max_length=300)
    signed_on = models.DateField(_("ngày tháng văn bản"))
    signer_name = models.CharField(_("người ký"), max_length=200, blank=True)
    urgency = models.CharField(_("độ khẩn"), max_length=16, choices=Urgency, default=Urgency.NORMAL)
    sent_on = models.DateField(_("ngày chuyển"))
    send_due = models.DateField(_("hạn phát hành"))
    sent_late = models.BooleanField(_("phát hành muộn"), default=False)
    rule = models.CharField(_("căn cứ thời hạn"), max_length=20)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    file_name = models.CharField(_("tên tệp"), max_length=120, blank=True)
    content_type = models.CharField(_("loại tệp"), max_length=40, blank=True)
    content = models.BinaryField(_("nội dung tệp"), blank=True, default=b"")
    idempotency_key = models.CharField(_("khóa chống gửi trùng"), max_length=64, blank=True)

    class Meta:
        ordering = ["-sent_on", "-id"]
        verbose_name = _("văn bản đi")
        verbose_name_plural = _("văn bản đi")
        indexes = [models.Index(fields=["organization", "sent_on"], name="exchange_out_register")]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "idempotency_key"],
                condition=~Q(idempotency_key=""),
                name="exchange_dispatch_one_per_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.symbol} — {self.title}"[:300]

    def get_absolute_url(self) -> str:
        return reverse("exchange:dispatch_detail", kwargs={"public_id": self.public_id})


class Delivery(TrackedItem):
    """One receiving body's copy of a dispatch: an incoming document (văn bản đến) of that body.

    Lifecycle: sent (awaiting receipt; BCO-09 clock running) → noted (for information: closed
    on receipt) | handling (for action: handler and due date, the date clock running) → done;
    or returned to the sender (sent to the wrong body, NĐ 30 Đ21 k2 b)."""

    class Purpose(models.TextChoices):
        INFORMATION = "information", _("Để biết")
        ACTION = "action", _("Để xử lý")

    class Status(models.TextChoices):
        SENT = "sent", _("Chờ vào sổ")
        NOTED = "noted", _("Đã nhận (để biết)")
        HANDLING = "handling", _("Đang xử lý")
        DONE = "done", _("Đã xử lý")
        RETURNED = "returned", _("Đã trả lại nơi gửi")

    CLOSED = ("noted", "done", "returned")

    status = models.CharField(_("trạng thái"), max_length=24, choices=Status, default="sent")
    dispatch = models.ForeignKey(
        Dispatch, on_delete=models.PROTECT, related_name="deliveries", verbose_name=_("văn bản")
    )
    sender = models.ForeignKey(
        _ORG, on_delete=models.PROTECT, related_name="+", verbose_name=_("cơ quan gửi")
    )
    purpose = models.CharField(_("gửi để"), max_length=16, choices=Purpose)
    received_on = models.DateField(_("ngày đến"))
    register_due = models.DateField(_("hạn vào sổ"))
    year = models.PositiveSmallIntegerField(_("năm sổ"), null=True, blank=True)
    in_number = models.PositiveIntegerField(_("số đến"), null=True, blank=True)
    registered_on = models.DateField(_("ngày vào sổ"), null=True, blank=True)
    registered_late = models.BooleanField(_("vào sổ muộn"), default=False)
    acknowledged_at = models.DateTimeField(_("báo đã nhận lúc"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người ký nhận"),
    )
    action_due = models.DateField(_("hạn xử lý"), null=True, blank=True)
    handled_on = models.DateField(_("ngày xử lý xong"), null=True, blank=True)
    result = models.TextField(_("kết quả xử lý"), blank=True)

    class Meta(TrackedItem.Meta):
        ordering = ["-received_on", "-id"]
        verbose_name = _("văn bản đến")
        verbose_name_plural = _("văn bản đến")
        permissions = [
            ("receive_delivery", _("Vào sổ văn bản đến, báo đã nhận")),
            ("report_delivery", _("Báo cáo kết quả xử lý văn bản đến")),
            ("supervise_delivery", _("Theo dõi văn bản đã gửi")),
        ]
        indexes = [
            *TrackedItem.Meta.indexes,
            models.Index(fields=["organization", "year", "in_number"], name="exchange_in_register"),
        ]
        constraints = [
            *TrackedItem.Meta.constraints,
            models.UniqueConstraint(
                fields=["organization", "year", "in_number"],
                condition=Q(in_number__isnull=False),
                name="exchange_delivery_unique_in_number",
            ),
            models.UniqueConstraint(
                fields=["dispatch", "organization"], name="exchange_delivery_once_per_body"
            ),
        ]

    def __str__(self) -> str:
        return f"Văn bản đến {self.reference}"

    def get_absolute_url(self) -> str:
        return reverse("exchange:delivery_detail", kwargs={"public_id": self.public_id})


class PeriodicReport(BaseModel):
    """A periodic report of one body for one period (NĐ 09/2019 Đ12–Đ13): the data window and
    due date from the deadline engine, the figures compiled when it was prepared, and its
    document (a draft until issued, when it takes its number)."""

    class Kind(models.TextChoices):
        MONTH = "month", _("Tháng")
        QUARTER = "quarter", _("Quý")
        HALF = "half", _("6 tháng")
        NINE_MONTHS = "nine_months", _("9 tháng")
        YEAR = "year", _("Năm")

    public_id = models.UUIDField(_("mã công khai"), default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        _ORG, on_delete=models.PROTECT, related_name="+", verbose_name=_("cơ quan báo cáo")
    )
    kind = models.CharField(_("kỳ báo cáo"), max_length=16, choices=Kind)
    year = models.PositiveSmallIntegerField(_("năm"))
    index = models.PositiveSmallIntegerField(_("kỳ thứ"))
    starts_on = models.DateField(_("từ ngày"))
    cut_off = models.DateField(_("ngày chốt số liệu"))
    due_on = models.DateField(_("hạn gửi"))
    citation = models.CharField(_("căn cứ"), max_length=300)
    figures = models.JSONField(_("số liệu"), default=list, blank=True)
    document = models.ForeignKey(
        "documents.Document", on_delete=models.PROTECT, related_name="+", verbose_name=_("văn bản")
    )
    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-cut_off", "-id"]
        verbose_name = _("báo cáo định kỳ")
        verbose_name_plural = _("báo cáo định kỳ")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "kind", "year", "index"], name="exchange_report_once"
            )
        ]

    def __str__(self) -> str:
        return f"Báo cáo {self.get_kind_display().lower()} {self.index}/{self.year}"

    def get_absolute_url(self) -> str:
        return reverse("exchange:report_detail", kwargs={"public_id": self.public_id})
