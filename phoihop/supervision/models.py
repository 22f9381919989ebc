"""Supervision (giám sát): programmes, thematic plans with joint teams, the reports supervised
bodies send before a visit, visits and their minutes, recommendations tracked to done, and
questioning (chất vấn) with the pledges made in answers.

Tracked items of the casework layer: ``Plan`` (the supervising body's), ``BodyReport`` (the
supervised body's report before the visit), ``Recommendation`` (the responsible body's),
``Question`` and ``Pledge`` (the questioned official's body). Each carries ``supervised_by``,
the supervising body, which is the kind's chain field: that body sees them read-only, finds
them on the supervisors' overview and sends follow-ups (decision 0200).
"""

import uuid

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from phoihop.casework.models import TrackedItem
from phoihop.core.models import BaseModel


class Programme(BaseModel):
    """A body's annual supervision programme (the council's is adopted by resolution)."""

    class Kind(models.TextChoices):
        COUNCIL = "council", _("Chương trình giám sát của HĐND (nghị quyết)")
        STANDING = "standing", _("Chương trình giám sát của Thường trực, các Ban HĐND")
        DELEGATION = "delegation", _("Chương trình giám sát của Đoàn ĐBQH")
        FRONT = "front", _("Chương trình giám sát, phản biện xã hội của MTTQ")

    public_id = models.UUIDField(_("mã công khai"), default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("chủ thể giám sát"),
    )
    kind = models.CharField(_("loại chương trình"), max_length=16, choices=Kind)
    year = models.PositiveSmallIntegerField(_("năm"))
    title = models.CharField(_("tên chương trình"), max_length=300)
    resolution = models.CharField(
        _("nghị quyết thông qua"), max_length=100, blank=True, help_text=_("Số, ký hiệu.")
    )
    adopted_on = models.DateField(_("ngày thông qua"), null=True, blank=True)

    class Meta:
        ordering = ["-year", "organization__path", "id"]
        verbose_name = _("chương trình giám sát")
        verbose_name_plural = _("chương trình giám sát")

    def __str__(self) -> str:
        return f"{self.title} ({self.year})"

    def get_absolute_url(self) -> str:
        return reverse("supervision:programme_detail", kwargs={"public_id": self.public_id})


class Topic(BaseModel):
    """One topic of a programme, with the body in charge of it and the period."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="topics", verbose_name=_("chương trình")
    )
    title = models.CharField(_("nội dung giám sát"), max_length=300)
    lead = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("cơ quan chủ trì"),
    )
    period = models.CharField(_("thời gian thực hiện"), max_length=100, blank=True)

    class Meta:
        ordering = ["programme", "id"]
        verbose_name = _("chuyên đề giám sát")
        verbose_name_plural = _("chuyên đề giám sát")

    def __str__(self) -> str:
        return self.title


class Plan(TrackedItem):
    """A thematic supervision plan (kế hoạch giám sát) of the supervising body.

    Lifecycle: preparing → visiting → reported (the report and its recommendations issued)
    → closed. A re-supervision (tái giám sát) names the earlier plan in ``previous``.
    """

    class Status(models.TextChoices):
        PREPARING = "preparing", _("Chuẩn bị")
        VISITING = "visiting", _("Đang giám sát")
        REPORTED = "reported", _("Đã có báo cáo kết quả")
        CLOSED = "closed", _("Kết thúc")

    class Kind(models.TextChoices):
        """Thematic supervision of the council's bodies and the delegation; the Front's social
        supervision in the forms of the Law on the Front (decision 0201)."""

        THEMATIC = "thematic", _("Giám sát chuyên đề")
        FRONT_DOCUMENTS = "front_documents", _("MTTQ: giám sát qua nghiên cứu, xem xét văn bản")
        FRONT_TEAM = "front_team", _("MTTQ: tổ chức đoàn giám sát")
        FRONT_COMMUNITY = (
            "front_community",
            _("MTTQ: giám sát qua Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng"),
        )
        FRONT_JOINT = "front_joint", _("MTTQ: tham gia giám sát cùng cơ quan có thẩm quyền")

    CLOSED = ("closed",)
    FRONT_KINDS = ("front_documents", "front_team", "front_community", "front_joint")

    status = models.CharField(_("trạng thái"), max_length=24, choices=Status, default="preparing")
    kind = models.CharField(
        _("hình thức giám sát"), max_length=24, choices=Kind, default=Kind.THEMATIC
    )
    topic = models.ForeignKey(
        Topic,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plans",
        verbose_name=_("chuyên đề trong chương trình"),
    )
    title = models.CharField(_("tên kế hoạch"), max_length=300)
    scope = models.TextField(_("phạm vi, nội dung giám sát"))
    period_from = models.DateField(_("thời kỳ giám sát từ"), null=True, blank=True)
    period_to = models.DateField(_("đến"), null=True, blank=True)
    starts_on = models.DateField(_("bắt đầu"))
    ends_on = models.DateField(_("kết thúc dự kiến"))
    previous = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="resupervisions",
        verbose_name=_("tái giám sát kế hoạch"),
    )
    report_document = models.ForeignKey(
        "documents.Document",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("báo cáo kết quả giám sát"),
    )
    notice_document = models.ForeignKey(
        "documents.Document",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("thông báo kết luận giám sát"),
    )
    conclusions = models.TextField(_("kết luận"), blank=True)
    published = models.BooleanField(_("công khai kết luận trên cổng thông tin"), default=False)

    class Meta(TrackedItem.Meta):
        ordering = ["-starts_on", "id"]
        verbose_name = _("kế hoạch giám sát")
        verbose_name_plural = _("kế hoạch giám sát")
        permissions = [("conclude_plan", _("Ban hành báo cáo, kết luận giám sát"))]

    def __str__(self) -> str:
        return f"Kế hoạch giám sát {self.reference}"

    @property
    def is_front(self) -> bool:
        """The Front's social supervision: its recommendations wait for a written reply."""
        return self.kind in self.FRONT_KINDS

    def get_absolute_url(self) -> str:
        return reverse("supervision:plan_detail", kwargs={"public_id": self.public_id})


class PlanBody(BaseModel):
    """A body the plan supervises."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="bodies")
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("cơ quan chịu sự giám sát"),
    )

    class Meta:
        ordering = ["plan", "id"]
        verbose_name = _("cơ quan chịu sự giám sát")
        verbose_name_plural = _("cơ quan chịu sự giám sát")
        constraints = [
            models.UniqueConstraint(fields=["plan", "organization"], name="supervision_body_once")
        ]

    def __str__(self) -> str:
        return str(self.organization)


class TeamMember(BaseModel):
    """A member of the supervision team: from the supervising body, from another body (joint
    supervision), invited, or of the secretariat."""

    class Role(models.TextChoices):
        HEAD = "head", _("Trưởng đoàn")
        DEPUTY = "deputy", _("Phó trưởng đoàn")
        MEMBER = "member", _("Thành viên")
        INVITED = "invited", _("Thành phần mời")
        SECRETARIAT = "secretariat", _("Thư ký, giúp việc")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="team")
    name = models.CharField(_("họ và tên"), max_length=200)
    position = models.CharField(_("chức vụ"), max_length=200, blank=True)
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("cơ quan"),
    )
    role = models.CharField(_("vai trò"), max_length=16, choices=Role, default=Role.MEMBER)

    class Meta:
        ordering = ["plan", "id"]
        verbose_name = _("thành viên đoàn giám sát")
        verbose_name_plural = _("thành viên đoàn giám sát")

    def __str__(self) -> str:
        return f"{self.name} ({self.get_role_display()})"


class BodyReport(TrackedItem):
    """The report a supervised body must send before the visit, on a clock with reminders.

    Lifecycle: requested → received (on time or late)."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Chờ báo cáo")
        RECEIVED = "received", _("Đã nhận báo cáo")

    CLOSED = ("received",)

    status = models.CharField(_("trạng thái"), max_length=24, choices=Status, default="requested")
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="reports")
    supervised_by = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("chủ thể giám sát"),
    )
    requested_on = models.DateField(_("ngày đề nghị"))
    due_by = models.DateField(_("hạn gửi báo cáo"))
    received_on = models.DateField(_("ngày nhận"), null=True, blank=True)
    summary = models.TextField(_("tóm tắt báo cáo"), blank=True)

    class Meta(TrackedItem.Meta):
        ordering = ["due_by", "id"]
        verbose_name = _("báo cáo của cơ quan chịu sự giám sát")
        verbose_name_plural = _("báo cáo của cơ quan chịu sự giám sát")
        permissions = [("supervise_bodyreport", _("Giám sát việc gửi báo cáo"))]
        # The layer's generated index name would pass the 30-character limit.
        indexes = [
            models.Index(fields=["assigned_to", "status"], name="supervision_report_assignee")
        ]

    def __str__(self) -> str:
        return f"Báo cáo phục vụ giám sát {self.reference}"

    @property
    def late(self) -> bool:
        return self.received_on is not None and self.received_on > self.due_by

    def get_absolute_url(self) -> str:
        return reverse("supervision:report_detail", kwargs={"public_id": self.public_id})


class Visit(BaseModel):
    """A working visit of the team to a supervised body, with its minutes."""

    public_id = models.UUIDField(_("mã công khai"), default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="visits")
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("làm việc với"),
    )
    held_on = models.DateField(_("ngày làm việc"))
    location = models.CharField(_("địa điểm"), max_length=300, blank=True)
    attendees = models.TextField(_("thành phần tham dự"), blank=True)
    findings = models.TextField(_("nội dung ghi nhận, phát hiện"), blank=True)
    documents_received = models.TextField(_("tài liệu nhận được"), blank=True)
    minuted = models.BooleanField(_("đã có biên bản"), default=False)

    class Meta:
        ordering = ["held_on", "id"]
        verbose_name = _("buổi làm việc của đoàn giám sát")
        verbose_name_plural = _("buổi làm việc của đoàn giám sát")

    def __str__(self) -> str:
        return f"Làm việc với {self.organization} ngày {self.held_on:%d/%m/%Y}"


class Recommendation(TrackedItem):
    """A recommendation of a supervision report, of the responsible body, tracked to done.

    Lifecycle (the findings lifecycle): open → accepted → remedying → reported_done →
    verified → closed; the supervising body verifies and assesses the result (done, partly,
    not done) and may send it back to remedying. Overdue is open past ``due_on``.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Mới ban hành")
        ACCEPTED = "accepted", _("Đã tiếp thu")
        REMEDYING = "remedying", _("Đang khắc phục")
        REPORTED_DONE = "reported_done", _("Báo cáo đã hoàn thành")
        VERIFIED = "verified", _("Đã xác minh")
        CLOSED = "closed", _("Kết thúc")

    class Result(models.TextChoices):
        DONE = "done", _("Đã thực hiện")
        PARTLY = "partly", _("Thực hiện một phần")
        NOT_DONE = "not_done", _("Chưa thực hiện")

    class TakenUp(models.TextChoices):
        """What the authority took up of a Front recommendation, in its reply."""

        FULL = "full", _("Tiếp thu")
        PARTLY = "partly", _("Tiếp thu một phần")
        EXPLAINED = "explained", _("Không tiếp thu, có giải trình")

    CLOSED = ("closed",)
    OPEN_STATUSES = ("open", "accepted", "remedying", "reported_done", "verified")

    status = models.CharField(_("trạng thái"), max_length=24, choices=Status, default="open")
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="recommendations")
    supervised_by = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("chủ thể giám sát"),
    )
    topic = models.CharField(_("lĩnh vực, chuyên đề"), max_length=200, blank=True)
    content = models.TextField(_("nội dung kiến nghị"))
    issued_on = models.DateField(_("ngày ban hành"))
    due_by = models.DateField(_("hạn thực hiện"))
    result = models.CharField(_("kết quả"), max_length=16, choices=Result, blank=True)
    evidence = models.TextField(_("minh chứng hoàn thành"), blank=True)
    earlier = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="carried",
        verbose_name=_("kiến nghị của lần giám sát trước"),
    )
    # The written reply of the authority to a Front recommendation (decision 0201).
    replied_on = models.DateField(_("ngày trả lời"), null=True, blank=True)
    replied_by = models.CharField(_("người trả lời (họ tên, chức vụ)"), max_length=200, blank=True)
    reply = models.TextField(_("nội dung trả lời"), blank=True)
    taken_up = models.CharField(_("tiếp thu"), max_length=16, choices=TakenUp, blank=True)

    class Meta(TrackedItem.Meta):
        ordering = ["due_by", "id"]
        verbose_name = _("kiến nghị sau giám sát")
        verbose_name_plural = _("kiến nghị sau giám sát")
        permissions = [
            ("supervise_recommendation", _("Theo dõi, đánh giá kiến nghị sau giám sát")),
            ("report_recommendation", _("Báo cáo tiến độ thực hiện kiến nghị")),
        ]
        indexes = [
            models.Index(fields=["assigned_to", "status"], name="supervision_rec_assignee"),
            models.Index(fields=["supervised_by", "status"], name="supervision_rec_supervisor"),
            models.Index(fields=["organization", "status"], name="supervision_rec_body"),
            # The dashboard's one grouped scan reads only this index, in the group's order.
            models.Index(
                fields=["organization", "topic", "status", "supervised_by", "due_on", "issued_on"],
                name="supervision_rec_board",
            ),
            # Lists in due order (overdue first), read a page at a time.
            models.Index(fields=["due_by", "id"], name="supervision_rec_due"),
            # The casework supervisors' overview: a supervising body's overdue and
            # long-running items, in order.
            models.Index(fields=["supervised_by", "due_on", "id"], name="supervision_rec_sup_due"),
            models.Index(
                fields=["supervised_by", "issued_on", "id"], name="supervision_rec_sup_issued"
            ),
        ]

    def __str__(self) -> str:
        return f"Kiến nghị {self.reference}"

    def get_absolute_url(self) -> str:
        return reverse("supervision:recommendation_detail", kwargs={"public_id": self.public_id})


class Sitting(BaseModel):
    """A questioning sitting: at a council session or a standing-committee meeting."""

    class Kind(models.TextChoices):
        SESSION = "session", _("Kỳ họp HĐND")
        STANDING = "standing", _("Phiên họp Thường trực HĐND")
        HEARING = "hearing", _("Phiên giải trình")

    public_id = models.UUIDField(_("mã công khai"), default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("cơ quan tổ chức"),
    )
    kind = models.CharField(_("loại phiên"), max_length=16, choices=Kind)
    title = models.CharField(_("tên phiên"), max_length=300)
    held_on = models.DateField(_("ngày chất vấn"))

    class Meta:
        ordering = ["-held_on", "id"]
        verbose_name = _("phiên chất vấn")
        verbose_name_plural = _("phiên chất vấn")

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on:%d/%m/%Y})"

    def get_absolute_url(self) -> str:
        return reverse("supervision:sitting_detail", kwargs={"public_id": self.public_id})


class Question(TrackedItem):
    """A question registered by a deputy, addressed to a named official of ``organization``.

    Lifecycle: registered → answered (orally or in writing) → accepted | disputed (the deputy
    does not agree: flagged for questioning again, NQ 594/NQ-UBTVQH15). A question not reached
    at the sitting is answered in writing on the KH-17 clock.
    """

    class Status(models.TextChoices):
        REGISTERED = "registered", _("Đã đăng ký")
        WRITTEN_PENDING = "written_pending", _("Chờ trả lời bằng văn bản")
        ANSWERED = "answered", _("Đã trả lời")
        ACCEPTED = "accepted", _("Đại biểu đồng ý")
        DISPUTED = "disputed", _("Đại biểu chưa đồng ý")

    class Mode(models.TextChoices):
        ORAL = "oral", _("Trực tiếp tại phiên")
        WRITTEN = "written", _("Bằng văn bản")

    CLOSED = ("accepted", "disputed")

    status = models.CharField(_("trạng thái"), max_length=24, choices=Status, default="registered")
    sitting = models.ForeignKey(Sitting, on_delete=models.PROTECT, related_name="questions")
    supervised_by = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("cơ quan tổ chức chất vấn"),
    )
    deputy = models.CharField(_("đại biểu chất vấn"), max_length=200)
    official = models.CharField(_("người bị chất vấn"), max_length=200)
    content = models.TextField(_("nội dung chất vấn"))
    registered_on = models.DateField(_("ngày đăng ký"))
    mode = models.CharField(_("hình thức trả lời"), max_length=16, choices=Mode, blank=True)
    answer = models.TextField(_("nội dung trả lời"), blank=True)
    answered_on = models.DateField(_("ngày trả lời"), null=True, blank=True)
    ask_again = models.BooleanField(_("đưa vào chất vấn lại"), default=False)

    class Meta(TrackedItem.Meta):
        ordering = ["registered_on", "id"]
        verbose_name = _("câu hỏi chất vấn")
        verbose_name_plural = _("câu hỏi chất vấn")
        permissions = [
            ("supervise_question", _("Theo dõi việc trả lời chất vấn")),
            ("answer_question", _("Trả lời chất vấn")),
        ]

    def __str__(self) -> str:
        return f"Chất vấn {self.reference}"

    def get_absolute_url(self) -> str:
        return reverse("supervision:question_detail", kwargs={"public_id": self.public_id})


class Pledge(TrackedItem):
    """A pledge (lời hứa) made in an answer, tracked to completion and reported to the next
    session. Lifecycle: open → reported_done → done | not_done (assessed by the council)."""

    class Status(models.TextChoices):
        OPEN = "open", _("Đang thực hiện")
        REPORTED_DONE = "reported_done", _("Báo cáo đã thực hiện")
        DONE = "done", _("Đã thực hiện")
        NOT_DONE = "not_done", _("Chưa thực hiện")

    CLOSED = ("done", "not_done")

    status = models.CharField(_("trạng thái"), max_length=24, choices=Status, default="open")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="pledges")
    supervised_by = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("cơ quan theo dõi"),
    )
    content = models.TextField(_("nội dung lời hứa"))
    made_on = models.DateField(_("ngày hứa"))
    due_by = models.DateField(_("hạn thực hiện"))
    progress = models.TextField(_("kết quả thực hiện"), blank=True)

    class Meta(TrackedItem.Meta):
        ordering = ["due_by", "id"]
        verbose_name = _("lời hứa khi trả lời chất vấn")
        verbose_name_plural = _("lời hứa khi trả lời chất vấn")
        permissions = [
            ("supervise_pledge", _("Theo dõi việc thực hiện lời hứa")),
            ("report_pledge", _("Báo cáo thực hiện lời hứa")),
        ]

    def __str__(self) -> str:
        return f"Lời hứa {self.reference}"

    def get_absolute_url(self) -> str:
        return reverse("supervision:pledge_detail", kwargs={"public_id": self.public_id})
