"""Documents the bodies issue, numbered from each body's register per year (NĐ 30/2020 Đ15)."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from phoihop.core.models import BaseModel


class NumberSeries(BaseModel):
    """One body's counter for one register and year; numbers run from 1 on 1 January.

    NĐ 30/2020/NĐ-CP Đ15 k1 (RULEBOOK VB-08): the number is the document's order in the
    issuer's register within the calendar year. Other registers (the letter register) use
    their own ``series``.
    """

    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="number_series",
        verbose_name=_("cơ quan"),
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    series = models.SlugField(_("sổ"), max_length=40)
    last_number = models.PositiveIntegerField(_("số cuối đã cấp"), default=0)

    class Meta:
        ordering = ["organization", "year", "series"]
        verbose_name = _("sổ đăng ký số")
        verbose_name_plural = _("sổ đăng ký số")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year", "series"],
                name="%(app_label)s_%(class)s_one_per_year",
            )
        ]

    def __str__(self) -> str:
        return f"{self.series} {self.year}: {self.last_number}"


class Document(BaseModel):
    """A numbered administrative document (report, notice, decision, forwarding slip...).

    Lifecycle: draft (prepared by a case step; previewed and edited, no number) -> issued
    (the number taken from the register, or the number and date of a copy signed on paper
    entered by the clerk). The DOCX is rendered from the stored fields whenever it is
    downloaded, so it always matches the register. The sender's name is never stored: a
    document addressed to them carries a placeholder filled in when it is rendered.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        ISSUED = "issued", _("Đã ban hành")

    class Type(models.TextChoices):
        # Abbreviations of NĐ 30/2020 Phụ lục III (RULEBOOK VB-09). A công văn has no type
        # abbreviation: its symbol is the issuer plus the drafting unit.
        REPORT = "BC", _("Báo cáo")
        NOTICE = "TB", pgettext_lazy("document kind", "Thông báo")
        DECISION = "QĐ", _("Quyết định")
        FORWARDING_SLIP = "PC", _("Phiếu chuyển")
        GUIDANCE = "HD", _("Hướng dẫn")
        CONCLUSION = "KL", _("Kết luận")
        MINUTES = "BB", _("Biên bản")
        OFFICIAL_LETTER = "CV", _("Công văn")

    public_id = models.UUIDField(_("mã công khai"), default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="documents",
        verbose_name=_("cơ quan ban hành"),
    )
    doc_type = models.CharField(_("loại văn bản"), max_length=4, choices=Type)
    status = models.CharField(_("tình trạng"), max_length=8, choices=Status, default=Status.ISSUED)
    year = models.PositiveSmallIntegerField(_("năm"))
    number = models.PositiveIntegerField(_("số"), null=True, blank=True)
    symbol = models.CharField(_("số, ký hiệu"), max_length=60, blank=True)
    unit = models.CharField(_("đơn vị soạn thảo"), max_length=20, blank=True)
    signed_on_paper = models.BooleanField(_("ký trên giấy"), default=False)
    title = models.CharField(_("trích yếu"), max_length=300)
    issued_on = models.DateField(_("ngày ban hành"))
    place = models.CharField(_("địa danh"), max_length=100)
    body = models.JSONField(_("nội dung"), default=dict, blank=True)
    signer_authority = models.CharField(_("thẩm quyền ký"), max_length=10, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=200, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=200, blank=True)
    recipients = models.JSONField(_("nơi nhận"), default=list, blank=True)
    target_type = models.ForeignKey(
        ContentType,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("loại hồ sơ"),
    )
    target_id = models.CharField(_("mã hồ sơ"), max_length=64, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("người cấp số"),
    )

    class Meta:
        ordering = ["-issued_on", "-id"]
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")
        indexes = [models.Index(fields=["target_type", "target_id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "year", "number"],
                name="%(app_label)s_%(class)s_unique_number",
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1), name="%(app_label)s_%(class)s_number_positive"
            ),
            models.CheckConstraint(
                condition=Q(status="draft", number=None) | Q(status="issued", number__gte=1),
                name="%(app_label)s_%(class)s_number_only_when_issued",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.symbol or 'Dự thảo'} — {self.title}"[:300]

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


class Signatory(BaseModel):
    """Who signs a kind of document for a body, and under what authority (NĐ 30/2020 Đ13;
    Luật KN Đ18, Luật TC Đ13): data per body, as its delegation decides (decision 0141).

    ``form`` is a document form code (``complaint_decision``...) or ``*`` for the body's
    default. ``lines`` are the block's lines above the signature ("TM. ỦY BAN NHÂN DÂN",
    "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH").
    """

    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="signatories",
        verbose_name=_("cơ quan"),
    )
    form = models.SlugField(_("loại văn bản"), max_length=40, default="*")
    lines = models.JSONField(_("thẩm quyền, chức vụ"), default=list)
    name = models.CharField(_("họ tên người ký"), max_length=200)

    class Meta:
        ordering = ["organization", "form"]
        verbose_name = _("người ký")
        verbose_name_plural = _("người ký")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "form"], name="%(app_label)s_%(class)s_one_per_form"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} · {self.form}: {self.name}"
