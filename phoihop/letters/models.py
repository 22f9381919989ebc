"""Citizens' letters (đơn): complaints, denunciations, petitions and feedback, from intake to
resolution, with forwarding between the bodies and the supervising bodies' follow-ups.

Rules: RULEBOOK §1 (Luật Khiếu nại), §2 (Luật Tố cáo), §3 (TT 05/2021, xử lý đơn).
"""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from phoihop.casework.models import TrackedItem


class Letter(TrackedItem):
    """One letter in one body's register (a forwarded letter gets a new entry in the receiving
    body's register, linked to the original).

    Lifecycle: received -> (split | accepted | forwarded | guided | returned | filed);
    accepted -> resolved | withdrawn. Suspension and extension live on the letter's deadlines.
    The sender's identity is in the vault (``phoihop.identity``); the letter holds only its
    pseudonymous handle and the content with the identity stripped (Luật Tố cáo Đ56).
    """

    class Channel(models.TextChoices):
        RECEPTION = "reception", _("Tiếp công dân")
        POST = "post", _("Bưu chính")
        ONLINE = "online", _("Cổng thông tin")
        HOTLINE = "hotline", _("Đường dây nóng")
        FORWARDED = "forwarded", _("Cơ quan khác chuyển đến")

    class Kind(models.TextChoices):
        UNCLASSIFIED = "unclassified", _("Chưa phân loại")
        COMPLAINT = "complaint", _("Khiếu nại")
        DENUNCIATION = "denunciation", _("Tố cáo")
        PETITION = "petition", _("Kiến nghị, phản ánh")
        MIXED = "mixed", _("Nhiều nội dung")

    class Status(models.TextChoices):
        RECEIVED = "received", _("Mới tiếp nhận")
        SPLIT = "split", _("Đã tách nội dung")
        ACCEPTED = "accepted", _("Đang giải quyết")
        FORWARDED = "forwarded", _("Đã chuyển đơn")
        GUIDED = "guided", _("Đã hướng dẫn")
        RETURNED = "returned", _("Đã trả lại đơn")
        FILED = "filed", _("Lưu đơn")
        INSPECTION = "inspection", _("Dùng làm căn cứ thanh tra, kiểm tra")
        REJECTED = "rejected", _("Không thụ lý")
        RESOLVED = "resolved", _("Đã giải quyết")
        WITHDRAWN = "withdrawn", _("Đã rút đơn")

    CLOSED = (
        "split",
        "forwarded",
        "guided",
        "returned",
        "filed",
        "inspection",
        "rejected",
        "resolved",
        "withdrawn",
    )

    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="letters",
        verbose_name=_("cơ quan tiếp nhận"),
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    number = models.PositiveIntegerField(_("số vào sổ"))
    channel = models.CharField(_("nguồn đơn"), max_length=16, choices=Channel)
    received_on = models.DateField(_("ngày nhận"))
    content = models.TextField(_("nội dung (đã lược bỏ thông tin người gửi)"))
    summary = models.CharField(_("tóm tắt"), max_length=200)
    sender = models.ForeignKey(
        "identity.Identity",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        # The vault may live in its own database (decision 0125): no cross-database constraint.
        db_constraint=False,
        verbose_name=_("người gửi (bí danh)"),
    )
    sender_count = models.PositiveIntegerField(_("số người đứng đơn"), default=1)
    kind = models.CharField(_("loại đơn"), max_length=16, choices=Kind, default=Kind.UNCLASSIFIED)
    instance = models.PositiveSmallIntegerField(_("lần khiếu nại"), null=True, blank=True)
    field = models.CharField(_("lĩnh vực"), max_length=60, blank=True)
    level = models.CharField(_("cấp giải quyết"), max_length=20, blank=True)
    # Eligibility (TT 05/2021 Đ6 k2; RULEBOOK XL-03, XL-04, KN-09).
    has_signature = models.BooleanField(_("có chữ ký hoặc điểm chỉ"), default=True)
    has_name_address = models.BooleanField(_("ghi rõ họ tên, địa chỉ"), default=True)
    names_violator = models.BooleanField(_("nêu rõ người vi phạm"), default=False)
    has_evidence = models.BooleanField(_("có tài liệu, chứng cứ cụ thể"), default=False)
    grounds = models.JSONField(
        _("căn cứ không thụ lý (Luật Khiếu nại Đ11)"), default=list, blank=True
    )
    is_complex = models.BooleanField(_("vụ việc phức tạp"), default=False)
    is_especially_complex = models.BooleanField(_("đặc biệt phức tạp"), default=False)
    is_remote = models.BooleanField(_("vùng sâu, vùng xa"), default=False)
    # Complaints: the limitation period (Luật KN Đ9, KN-01) or the window for a second
    # complaint (Đ33 k1, KN-06), computed at classification; the officer decides on it.
    act_known_on = models.DateField(
        _("ngày nhận được, biết được quyết định, hành vi bị khiếu nại"), null=True, blank=True
    )
    obstacle_days = models.PositiveIntegerField(
        _("số ngày có trở ngại khách quan (không tính vào thời hiệu)"), default=0
    )
    limitation_due_on = models.DateField(
        _("hạn cuối thời hiệu, thời hạn khiếu nại"), null=True, blank=True
    )
    status = models.CharField(_("trạng thái"), max_length=16, choices=Status, default="received")
    outcome_on = models.DateField(_("ngày xử lý đơn"), null=True, blank=True)
    outcome_note = models.TextField(_("ghi chú xử lý"), blank=True)
    competent_organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cơ quan có thẩm quyền"),
    )
    accepted_on = models.DateField(_("ngày thụ lý"), null=True, blank=True)
    decided_on = models.DateField(_("ngày ban hành quyết định, kết luận"), null=True, blank=True)
    published_on = models.DateField(_("ngày công khai"), null=True, blank=True)
    withdrawal_coerced = models.BooleanField(_("rút đơn do bị ép buộc"), default=False)
    forwarded_from = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="letters_forwarded_out",
        verbose_name=_("cơ quan chuyển đến"),
    )
    supervised_by = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="letters_supervised",
        verbose_name=_("cơ quan giám sát"),
        help_text=_(
            "Cơ quan đầu tiên chuyển vụ việc vào chuỗi giải quyết; vẫn theo dõi khi đơn được "
            "chuyển tiếp sang cơ quan khác."
        ),
    )
    source_letter = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="forwarded_copies",
        verbose_name=_("đơn gốc (ở cơ quan chuyển)"),
    )
    split_from = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="parts",
        verbose_name=_("tách từ đơn"),
    )
    previous_instance = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="next_instances",
        verbose_name=_("đơn khiếu nại lần đầu"),
    )
    duplicate_of = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="duplicates",
        verbose_name=_("trùng với đơn"),
    )
    content_key = models.CharField(_("khóa nội dung"), max_length=64, db_index=True)

    class Meta(TrackedItem.Meta):
        ordering = ["-received_on", "-id"]
        verbose_name = _("đơn")
        verbose_name_plural = _("đơn")
        permissions = [
            ("triage_letter", _("Xử lý đơn (phân loại, chuyển, hướng dẫn, trả, lưu)")),
            ("resolve_letter", _("Giải quyết đơn (xác minh, ghi nhận các bước)")),
            ("decide_letter", _("Thụ lý, gia hạn, ban hành quyết định, kết luận")),
            ("supervise_letter", _("Giám sát việc giải quyết đơn đã chuyển")),
            ("export_letter", _("Thống kê, báo cáo đơn")),
        ]
        indexes = [
            # The register's order with every column its filters read: the first page, a
            # deep page, or a filter by status, kind, overdue or visibility is a walk along
            # this index that stops after a page, never a sort (docs/letters-benchmark.md).
            models.Index(
                fields=[
                    "-received_on",
                    "-id",
                    "organization",
                    "supervised_by",
                    "status",
                    "kind",
                    "due_on",
                ],
                name="letters_letter_register",
            ),
            models.Index(fields=["organization", "-received_on"]),
            models.Index(fields=["organization", "status", "-received_on"]),
            # The supervising body's sections (overdue, running, closed) in the order it
            # reads them, with the columns that tell the sections apart.
            models.Index(
                fields=["supervised_by", "received_on", "id", "status", "due_on"],
                name="letters_letter_supervised",
            ),
            models.Index(fields=["status", "due_on"]),
            models.Index(fields=["kind", "-received_on"]),
            *TrackedItem.Meta.indexes,
        ]
        constraints = [
            *TrackedItem.Meta.constraints,
            models.UniqueConstraint(
                fields=["organization", "year", "number"],
                name="%(app_label)s_%(class)s_unique_register_number",
            ),
            models.CheckConstraint(
                condition=Q(closed_at=None)
                | Q(
                    status__in=[
                        "split",
                        "forwarded",
                        "guided",
                        "returned",
                        "filed",
                        "inspection",
                        "rejected",
                        "resolved",
                        "withdrawn",
                    ]
                ),
                name="%(app_label)s_%(class)s_closed_at_only_when_closed",
            ),
            models.CheckConstraint(
                condition=Q(instance=None) | Q(instance__in=[1, 2]),
                name="%(app_label)s_%(class)s_instance_one_or_two",
            ),
        ]

    def __str__(self) -> str:
        # Only the register reference: str() reaches audit rows, deadlines and notifications.
        return f"Đơn {self.reference}"

    def get_absolute_url(self) -> str:
        return reverse("letters:detail", kwargs={"public_id": self.public_id})

    @property
    def time_barred_suggested(self) -> bool:
        """Received after the limitation period or the second-complaint window (KN-01, KN-06):
        a suggestion only; the officer decides, and an objective obstacle extends it (KN-02)."""
        return self.limitation_due_on is not None and self.received_on > self.limitation_due_on

    @property
    def sender_label(self) -> str:
        """What everyone without the clearance sees in place of the sender."""
        if self.sender_id is None:
            return "Đơn không rõ người gửi"
        return self.sender.pseudonym
