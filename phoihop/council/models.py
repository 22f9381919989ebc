"""Sessions of the People's Council, decisions between sessions, coordination briefings and the
tasks they set (RULEBOOK §11, §12, §14).

Tracked items of the casework layer:

- ``Session`` — the council's; its convening clock (KH-04, counted back from the opening by
  the province's working rules).
- ``AgendaItem`` — the submitting body's (the People's Committee for its tờ trình), with its
  dossier (``Paper``) on the documents clock (KH-05); ``council`` is the chain field: the
  council sees it, examines it and records the vote.
- ``Resolution`` — the council's (or its standing committee's, between sessions); numbered
  from the register, signed, sent to the gazette on the KH-14 clock, published.
- ``Task`` — the responsible body's, set by a resolution or a briefing's conclusions, on a
  date the document sets (GIAO-01); ``assigned_by`` is the chain field.
- ``Submission`` — the People's Committee's tờ trình to the standing committee between
  sessions (GK-01, GK-02); decided directly or after a written consultation of deputies
  (``Consultation``, ``Ballot``; GK-07).

``Briefing`` (giao ban) is the chairing body's meeting with its invited composition
(``Invitee``); its conclusions become ``Task`` items.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from phoihop.casework.models import TrackedItem
from phoihop.core.models import BaseModel

_ORG = "organizations.Organization"


def _org(verbose: str, **extra) -> models.ForeignKey:
    return models.ForeignKey(
        _ORG, on_delete=models.PROTECT, related_name="+", verbose_name=verbose, **extra
    )


def _document(verbose: str) -> models.ForeignKey:
    return models.ForeignKey(
        "documents.Document",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=verbose,
    )


class Session(TrackedItem):
    """A session (kỳ họp) of the People's Council.

    Lifecycle: planned → convened (the convening decision issued; the KH-04 clock stops) →
    closed (bế mạc, minutes issued)."""

    class Kind(models.TextChoices):
        REGULAR = "regular", _("Thường lệ")
        THEMATIC = "thematic", _("Chuyên đề")
        URGENT = "urgent", _("Giải quyết công việc phát sinh đột xuất")
        FIRST = "first", _("Kỳ họp thứ nhất của khóa mới")

    class RequestedBy(models.TextChoices):
        PLAN = (
            "plan",
            _(
                "Theo kế hoạch kỳ họp thường lệ"
                " (khoản 2 Điều 34"
                " Luật Tổ chức chính quyền địa phương số 72/2025/QH15)"
            ),
        )
        STANDING = "standing", _("Thường trực HĐND")
        COMMITTEE_CHAIR = "committee_chair", _("Chủ tịch UBND")
        DEPUTIES = "deputies", _("Ít nhất một phần ba tổng số đại biểu")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Chuẩn bị")
        CONVENED = "convened", _("Đã triệu tập")
        CLOSED = "closed", _("Đã bế mạc")

    CLOSED = ("closed",)

    status = models.CharField(_("trạng thái"), max_length=24, choices=Status, default="planned")
    term = models.ForeignKey(
        "organizations.Term",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("khóa"),
    )
    number = models.PositiveSmallIntegerField(_("kỳ họp thứ"))
    kind = models.CharField(_("loại kỳ họp"), max_length=16, choices=Kind)
    requested_by = models.CharField(
        _("đề nghị của"), max_length=16, choices=RequestedBy, default=RequestedBy.PLAN
    )
    requesting_deputies = models.PositiveSmallIntegerField(
        _("số đại biểu yêu cầu"),
        default=0,
        help_text=_(
            "Khi đại biểu yêu cầu họp: ít nhất một phần ba tổng số đại biểu"
            " (khoản 3 Điều 34"
            " Luật Tổ chức chính quyền địa phương số 72/2025/QH15)."
        ),
    )
    title = models.CharField(_("tên kỳ họp"), max_length=300)
    opens_on = models.DateField(_("ngày khai mạc"))
    closes_on = models.DateField(_("ngày bế mạc dự kiến"))
    location = models.CharField(_("địa điểm"), max_length=200, blank=True)
    convene_rule = models.CharField(_("quy tắc triệu tập"), max_length=16, blank=True)
    convene_by = models.DateField(_("hạn triệu tập"), null=True, blank=True)
    documents_rule = models.CharField(_("quy tắc gửi tài liệu"), max_length=16, blank=True)
    documents_by = models.DateField(_("hạn gửi tài liệu đến đại biểu"), null=True, blank=True)
    convened_on = models.DateField(_("ngày quyết định triệu tập"), null=True, blank=True)
    convene_document = _document(_("quyết định triệu tập"))
    minutes_document = _document(_("biên bản kỳ họp"))
    closed_sitting = models.BooleanField(_("có phiên họp kín"), default=False)

    class Meta(TrackedItem.Meta):
        ordering = ["-opens_on", "id"]
        verbose_name = _("kỳ họp")
        verbose_name_plural = _("kỳ họp")
        permissions = [("convene_session", _("Triệu tập, bế mạc kỳ họp"))]

    def __str__(self) -> str:
        return self.title

    @property
    def thematic(self) -> bool:
        return self.kind in (self.Kind.THEMATIC, self.Kind.URGENT)

    @property
    def convened_late(self) -> bool:
        return bool(self.convened_on and self.convene_by and self.convened_on > self.convene_by)

    def get_absolute_url(self) -> str:
        return reverse("council:session_detail", kwargs={"public_id": self.public_id})


class AgendaItem(TrackedItem):
    """One item of a session's agenda, owned by the body that submits it, with its dossier.

    Lifecycle: preparing → submitted (the dossier's required papers in: the KH-05 clock stops,
    late if after the limit) → examined (the committee's examination report) → decided (voted)
    | withdrawn."""

    class Kind(models.TextChoices):
        RESOLUTION = "resolution", _("Dự thảo nghị quyết")
        REPORT = "report", _("Báo cáo")
        ELECTION = "election", _("Bầu, miễn nhiệm, bãi nhiệm")
        OTHER = "other", _("Nội dung khác")

    class Status(models.TextChoices):
        PREPARING = "preparing", _("Chuẩn bị hồ sơ")
        SUBMITTED = "submitted", _("Đã đủ hồ sơ")
        EXAMINED = "examined", _("Đã thẩm tra")
        DECIDED = "decided", _("Đã biểu quyết")
        WITHDRAWN = "withdrawn", _("Rút khỏi chương trình")

    CLOSED = ("decided", "withdrawn")

    status = models.CharField(_("trạng thái"), max_length=24, choices=Status, default="preparing")
    session = models.ForeignKey(
        Session, on_delete=models.PROTECT, related_name="agenda", verbose_name=_("kỳ họp")
    )
    council = _org(_("Hội đồng nhân dân"))
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=1)
    title = models.CharField(_("nội dung"), max_length=300)
    kind = models.CharField(_("loại nội dung"), max_length=16, choices=Kind)
    examined_by = _org(_("cơ quan thẩm tra"), null=True, blank=True)
    owner_name = models.CharField(_("người chịu trách nhiệm"), max_length=200, blank=True)
    threshold = models.CharField(_("ngưỡng biểu quyết"), max_length=32, default="pass")
    secret_ballot = models.BooleanField(_("bỏ phiếu kín"), default=False)
    normative = models.BooleanField(_("nghị quyết quy phạm pháp luật"), default=False)
    documents_by = models.DateField(_("hạn gửi hồ sơ"), null=True, blank=True)
    submitted_on = models.DateField(_("ngày đủ hồ sơ"), null=True, blank=True)

    class Meta(TrackedItem.Meta):
        ordering = ["session", "position", "id"]
        verbose_name = _("nội dung kỳ họp")
        verbose_name_plural = _("nội dung kỳ họp")
        permissions = [("supervise_agendaitem", _("Thẩm tra, biểu quyết nội dung kỳ họp"))]
        indexes = [models.Index(fields=["assigned_to", "status"], name="council_agenda_assignee")]

    def __str__(self) -> str:
        return self.title

    @property
    def late(self) -> bool:
        return bool(
            self.submitted_on and self.documents_by and self.submitted_on > self.documents_by
        )

    @property
    def threshold_label(self) -> str:
        from phoihop.council.rules import threshold

        return threshold(self.threshold).label

    def get_absolute_url(self) -> str:
        return reverse("council:agenda_detail", kwargs={"public_id": self.public_id})


class Submission(TrackedItem):
    """A tờ trình to the standing committee between sessions (GK-01, GK-02), owned by the
    submitting body; the standing committee (``council``, the chain field) decides it.

    Lifecycle: received → consulting (a written consultation of deputies) → decided | rejected;
    returned when the required documents are missing."""

    class Matter(models.TextChoices):
        URGENT = (
            "urgent",
            _(
                "Biện pháp giải quyết công việc đột xuất, khẩn cấp"
                " (điểm a khoản 14 Điều 31"
                " Luật Tổ chức chính quyền địa phương số 72/2025/QH15)"
            ),
        )
        SPENDING = (
            "spending",
            _(
                "Chế độ chi cho nhiệm vụ cấp bách"
                " (điểm b khoản 14 Điều 31"
                " Luật Tổ chức chính quyền địa phương số 72/2025/QH15)"
            ),
        )
        PERSONNEL = (
            "personnel",
            _(
                "Phê chuẩn, cho thôi làm nhiệm vụ"
                " (khoản 8 Điều 31, khoản 2 Điều 37"
                " Luật Tổ chức chính quyền địa phương số 72/2025/QH15)"
            ),
        )
        OTHER = (
            "other",
            _(
                "Vấn đề khác theo quy định của luật"
                " (điểm c khoản 14 Điều 31"
                " Luật Tổ chức chính quyền địa phương số 72/2025/QH15)"
            ),
        )

    class Status(models.TextChoices):
        RECEIVED = "received", _("Đã nhận tờ trình")
        CONSULTING = "consulting", _("Đang lấy ý kiến đại biểu")
        DECIDED = "decided", _("Đã quyết định")
        REJECTED = "rejected", _("Không thông qua")
        RETURNED = "returned", _("Trả lại")

    CLOSED = ("decided", "rejected", "returned")

    status = models.CharField(_("trạng thái"), max_length=24, choices=Status, default="received")
    council = _org(_("Thường trực HĐND"))
    matter = models.CharField(_("loại vấn đề"), max_length=16, choices=Matter)
    title = models.CharField(_("trích yếu tờ trình"), max_length=300)
    summary = models.TextField(_("nội dung chính"), blank=True)
    received_on = models.DateField(_("ngày nhận"))
    decided_on = models.DateField(_("ngày quyết định"), null=True, blank=True)
    note = models.TextField(_("ghi chú của Thường trực"), blank=True)

    class Meta(TrackedItem.Meta):
        ordering = ["-received_on", "id"]
        verbose_name = _("tờ trình giữa hai kỳ họp")
        verbose_name_plural = _("tờ trình giữa hai kỳ họp")
        permissions = [("supervise_submission", _("Quyết định, lấy ý kiến đại biểu"))]
        indexes = [
            models.Index(fields=["assigned_to", "status"], name="council_submission_assignee")
        ]

    def __str__(self) -> str:
        return f"Tờ trình {self.reference}"

    def get_absolute_url(self) -> str:
        return reverse("council:submission_detail", kwargs={"public_id": self.public_id})


class Paper(BaseModel):
    """A document of an agenda item's dossier or of a submission: what it is, its number, when
    it came, and the scan (PDF or picture, checked on upload)."""

    class Kind(models.TextChoices):
        SUBMISSION = "to_trinh", _("Tờ trình")
        DRAFT = "draft", _("Dự thảo nghị quyết")
        EXAMINATION = "examination", _("Báo cáo thẩm tra")
        OPINION = "opinion", _("Ý kiến của UBND")
        REPORT = "report", _("Báo cáo")
        OTHER = "other", _("Tài liệu khác")

    public_id = models.UUIDField(_("mã công khai"), default=uuid.uuid4, unique=True, editable=False)
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.PROTECT, null=True, blank=True, related_name="papers"
    )
    submission = models.ForeignKey(
        Submission, on_delete=models.PROTECT, null=True, blank=True, related_name="papers"
    )
    kind = models.CharField(_("loại tài liệu"), max_length=16, choices=Kind)
    title = models.CharField(_("tên tài liệu"), max_length=300)
    symbol = models.CharField(_("số, ký hiệu"), max_length=60, blank=True)
    received_on = models.DateField(_("ngày nhận"))
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    file_name = models.CharField(_("tên tệp"), max_length=120, blank=True)
    content_type = models.CharField(_("loại tệp"), max_length=40, blank=True)
    content = models.BinaryField(_("nội dung tệp"), blank=True, default=b"")
    public = models.BooleanField(_("công khai trên cổng thông tin"), default=False)

    class Meta:
        ordering = ["received_on", "id"]
        verbose_name = _("tài liệu")
        verbose_name_plural = _("tài liệu")
        constraints = [
            models.CheckConstraint(
                condition=Q(agenda_item__isnull=False, submission__isnull=True)
                | Q(agenda_item__isnull=True, submission__isnull=False),
                name="council_paper_one_owner",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"


class Attendance(BaseModel):
    """A deputy's attendance at a session (KH-19: absence needs a reason)."""

    class Status(models.TextChoices):
        PRESENT = "present", _("Có mặt")
        ONLINE = "online", _("Dự trực tuyến")
        EXCUSED = "excused", _("Vắng có lý do")
        ABSENT = "absent", _("Vắng không có lý do")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    deputy = models.ForeignKey(
        "organizations.Deputy",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("đại biểu"),
    )
    status = models.CharField(_("điểm danh"), max_length=16, choices=Status)
    reason = models.CharField(_("lý do vắng"), max_length=300, blank=True)

    class Meta:
        ordering = ["session", "id"]
        verbose_name = _("điểm danh đại biểu")
        verbose_name_plural = _("điểm danh đại biểu")
        constraints = [
            models.UniqueConstraint(fields=["session", "deputy"], name="council_attendance_once")
        ]


class Vote(BaseModel):
    """The vote on an agenda item: counted against the total number of deputies (KH-09), with
    the threshold rule it was counted by."""

    class Method(models.TextChoices):
        IN_PERSON = "in_person", _("Trực tiếp (biểu quyết điện tử, giơ tay)")
        ONLINE = "online", _("Trực tuyến")
        BALLOT = "ballot", _("Bỏ phiếu kín")

    agenda_item = models.OneToOneField(
        AgendaItem, on_delete=models.PROTECT, related_name="vote", verbose_name=_("nội dung")
    )
    held_on = models.DateField(_("ngày biểu quyết"))
    method = models.CharField(_("hình thức"), max_length=16, choices=Method)
    yes = models.PositiveSmallIntegerField(_("tán thành"))
    no = models.PositiveSmallIntegerField(_("không tán thành"))
    abstain = models.PositiveSmallIntegerField(_("không biểu quyết"))
    total = models.PositiveSmallIntegerField(_("tổng số đại biểu"))
    threshold = models.CharField(_("ngưỡng"), max_length=32)
    required = models.PositiveSmallIntegerField(_("số phiếu tán thành cần có"))
    passed = models.BooleanField(_("được thông qua"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["held_on", "id"]
        verbose_name = _("kết quả biểu quyết")
        verbose_name_plural = _("kết quả biểu quyết")

    @property
    def not_voting(self) -> int:
        return self.total - self.yes - self.no - self.abstain


class Resolution(TrackedItem):
    """A resolution of the council (adopted at a session) or of its standing committee (decided
    between sessions, GK-01), numbered from the issuing body's register.

    Lifecycle: adopted → signed (ký chứng thực, KH-13; a normative one starts the KH-14 clock)
    → published (sent to the gazette and shown on the public site)."""

    class Kind(models.TextChoices):
        COUNCIL = "council", _("Nghị quyết của HĐND")
        STANDING = "standing", _("Nghị quyết của Thường trực HĐND giữa hai kỳ họp")

    class Status(models.TextChoices):
        ADOPTED = "adopted", _("Đã thông qua")
        SIGNED = "signed", _("Đã ký chứng thực")
        PUBLISHED = "published", _("Đã công bố")

    CLOSED = ("published",)
    SEARCH_KIND = "council.resolution"  # in the text engine's index once published

    status = models.CharField(_("trạng thái"), max_length=24, choices=Status, default="adopted")
    kind = models.CharField(_("loại"), max_length=16, choices=Kind)
    session = models.ForeignKey(
        Session,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="resolutions",
        verbose_name=_("kỳ họp thông qua"),
    )
    agenda_item = models.OneToOneField(
        AgendaItem, on_delete=models.PROTECT, null=True, blank=True, related_name="resolution"
    )
    submission = models.OneToOneField(
        Submission, on_delete=models.PROTECT, null=True, blank=True, related_name="resolution"
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    number = models.PositiveIntegerField(_("số"))
    symbol = models.CharField(_("số, ký hiệu"), max_length=60)
    title = models.CharField(_("trích yếu"), max_length=300)
    summary = models.TextField(_("nội dung chính"), blank=True)
    normative = models.BooleanField(_("quy phạm pháp luật"), default=False)
    adopted_on = models.DateField(_("ngày thông qua"))
    signed_on = models.DateField(_("ngày ký chứng thực"), null=True, blank=True)
    signer_name = models.CharField(_("người ký"), max_length=200, blank=True)
    gazette_sent_on = models.DateField(_("ngày gửi đăng công báo"), null=True, blank=True)
    sent_higher_on = models.DateField(_("ngày gửi UBTVQH, Chính phủ"), null=True, blank=True)
    published_on = models.DateField(_("ngày công bố"), null=True, blank=True)

    class Meta(TrackedItem.Meta):
        ordering = ["-adopted_on", "-number"]
        verbose_name = _("nghị quyết")
        verbose_name_plural = _("nghị quyết")
        permissions = [("sign_resolution", _("Ký chứng thực, công bố nghị quyết"))]
        constraints = [
            *TrackedItem.Meta.constraints,
            models.UniqueConstraint(
                fields=["organization", "kind", "year", "number"],
                name="council_resolution_number_once",
            ),
        ]
        indexes = [
            models.Index(fields=["assigned_to", "status"], name="council_resolution_assignee"),
            # The public list, newest first (published_on, id), whole or by kind.
            models.Index(fields=["status", "published_on", "id"], name="council_resolution_public"),
            models.Index(
                fields=["status", "kind", "published_on", "id"], name="council_resolution_kind"
            ),
        ]

    def __str__(self) -> str:
        return f"Nghị quyết {self.symbol}"

    @property
    def issuer_name(self) -> str:
        """The council issues its resolutions even when its standing committee keeps them."""
        org = self.organization
        if self.kind == self.Kind.COUNCIL and org.kind == "council_standing" and org.parent_id:
            return org.parent.name
        return org.name

    def get_absolute_url(self) -> str:
        return reverse("council:resolution_detail", kwargs={"public_id": self.public_id})


class ResolutionFile(BaseModel):
    """A file of an adopted resolution: the signed copy (PDF or picture) or its text (DOCX).
    The public site offers it only when it is marked public and the resolution is published.

    Lifecycle: added once by the secretariat, never changed."""

    public_id = models.UUIDField(_("mã công khai"), default=uuid.uuid4, unique=True, editable=False)
    resolution = models.ForeignKey(
        Resolution, on_delete=models.PROTECT, related_name="files", verbose_name=_("nghị quyết")
    )
    title = models.CharField(_("tên tệp hiển thị"), max_length=200)
    file_name = models.CharField(_("tên tệp"), max_length=120)
    content_type = models.CharField(_("loại tệp"), max_length=80)
    content = models.BinaryField(_("nội dung tệp"))
    public = models.BooleanField(_("công khai trên cổng thông tin"), default=False)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["id"]
        verbose_name = _("tệp nghị quyết")
        verbose_name_plural = _("tệp nghị quyết")

    def __str__(self) -> str:
        return self.title


class Consultation(BaseModel):
    """A written consultation of deputies on a submission (GK-07): the electorate is frozen
    when it opens (one ``Ballot`` per deputy in office), each deputy answers once, and the
    result is counted against the total of that electorate; not answering counts as not
    agreeing."""

    class Status(models.TextChoices):
        OPEN = "open", _("Đang lấy ý kiến")
        CLOSED = "closed", _("Đã kiểm phiếu")

    public_id = models.UUIDField(_("mã công khai"), default=uuid.uuid4, unique=True, editable=False)
    submission = models.OneToOneField(
        Submission, on_delete=models.PROTECT, related_name="consultation"
    )
    status = models.CharField(_("trạng thái"), max_length=16, choices=Status, default="open")
    opened_on = models.DateField(_("ngày gửi phiếu"))
    closes_on = models.DateField(_("hạn trả lời"))
    question = models.TextField(_("nội dung xin ý kiến"))
    threshold = models.CharField(_("ngưỡng"), max_length=32, default="pass")
    total = models.PositiveSmallIntegerField(_("tổng số đại biểu"))
    required = models.PositiveSmallIntegerField(_("số phiếu đồng ý cần có"))
    closed_on = models.DateField(_("ngày kiểm phiếu"), null=True, blank=True)
    passed = models.BooleanField(_("đạt ngưỡng"), null=True, blank=True)
    yes = models.PositiveSmallIntegerField(_("đồng ý"), default=0)
    no = models.PositiveSmallIntegerField(_("không đồng ý"), default=0)
    abstain = models.PositiveSmallIntegerField(_("ý kiến khác"), default=0)

    class Meta:
        ordering = ["-opened_on", "id"]
        verbose_name = _("lấy ý kiến đại biểu bằng văn bản")
        verbose_name_plural = _("lấy ý kiến đại biểu bằng văn bản")

    @property
    def unanswered(self) -> int:
        return self.total - self.yes - self.no - self.abstain


class Ballot(BaseModel):
    """One deputy's ballot in a written consultation: answered once, online by the deputy or
    recorded by the secretariat from the paper ballot."""

    class Answer(models.TextChoices):
        YES = "yes", _("Đồng ý")
        NO = "no", _("Không đồng ý")
        ABSTAIN = "abstain", _("Ý kiến khác")

    class Channel(models.TextChoices):
        ONLINE = "online", _("Trực tuyến")
        SECRETARIAT = "secretariat", _("Văn phòng ghi nhận phiếu giấy")

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="ballots")
    deputy = models.ForeignKey(
        "organizations.Deputy",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("đại biểu"),
    )
    answer = models.CharField(_("ý kiến"), max_length=8, choices=Answer, blank=True)
    comment = models.CharField(_("ý kiến thêm"), max_length=500, blank=True)
    answered_on = models.DateField(_("ngày trả lời"), null=True, blank=True)
    channel = models.CharField(_("hình thức"), max_length=16, choices=Channel, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["consultation", "id"]
        verbose_name = _("phiếu lấy ý kiến")
        verbose_name_plural = _("phiếu lấy ý kiến")
        constraints = [
            models.UniqueConstraint(fields=["consultation", "deputy"], name="council_ballot_once")
        ]


class Briefing(BaseModel):
    """A coordination briefing (giao ban) of the four bodies or another joint meeting, chaired
    by ``organization``. Lifecycle: planned → held (attendance, minutes) → concluded (the notice
    of conclusions issued, its tasks set)."""

    class Kind(models.TextChoices):
        QUARTERLY = "quarterly", _("Giao ban quý")
        JOINT = "joint", _("Hội nghị, cuộc họp liên tịch")
        PRE_SESSION = "pre_session", _("Hội nghị thống nhất nội dung kỳ họp")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Dự kiến")
        HELD = "held", _("Đã họp")
        CONCLUDED = "concluded", _("Đã thông báo kết luận")

    public_id = models.UUIDField(_("mã công khai"), default=uuid.uuid4, unique=True, editable=False)
    organization = _org(_("cơ quan chủ trì"))
    kind = models.CharField(_("loại"), max_length=16, choices=Kind)
    status = models.CharField(_("trạng thái"), max_length=16, choices=Status, default="planned")
    title = models.CharField(_("tên cuộc họp"), max_length=300)
    held_on = models.DateField(_("ngày họp"))
    location = models.CharField(_("địa điểm"), max_length=200, blank=True)
    agenda = models.TextField(_("nội dung"), blank=True)
    minutes = models.TextField(_("biên bản"), blank=True)
    conclusions = models.TextField(_("kết luận"), blank=True)
    notice_document = _document(_("thông báo kết luận"))
    session = models.ForeignKey(
        Session,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="briefings",
        verbose_name=_("kỳ họp liên quan"),
    )

    class Meta:
        ordering = ["-held_on", "id"]
        verbose_name = _("giao ban")
        verbose_name_plural = _("giao ban")
        permissions = [("conclude_briefing", _("Thông báo kết luận giao ban"))]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("council:briefing_detail", kwargs={"public_id": self.public_id})


class Invitee(BaseModel):
    """Who must attend a briefing: a post of a body (from the composition data), and how they
    attended (present, delegated, absent with a reason)."""

    class Attendance(models.TextChoices):
        PRESENT = "present", _("Có mặt")
        DELEGATED = "delegated", _("Ủy quyền người dự thay")
        ABSENT = "absent", _("Vắng")

    briefing = models.ForeignKey(Briefing, on_delete=models.CASCADE, related_name="invitees")
    organization = _org(_("cơ quan"))
    post = models.CharField(_("chức danh"), max_length=200)
    delegation_allowed = models.BooleanField(_("được ủy quyền"), default=True)
    attendance = models.CharField(_("tham dự"), max_length=16, choices=Attendance, blank=True)
    delegate = models.CharField(_("người dự thay"), max_length=200, blank=True)
    reason = models.CharField(_("lý do vắng"), max_length=300, blank=True)

    class Meta:
        ordering = ["briefing", "id"]
        verbose_name = _("thành phần mời")
        verbose_name_plural = _("thành phần mời")


class Task(TrackedItem):
    """A task set by a resolution (its implementation) or by a briefing's conclusions, owned by
    the responsible body, due on the date the document sets (GIAO-01). ``assigned_by`` (the
    council, or the briefing's chairing body) follows it read-only.

    Lifecycle: open → reported_done (its clock stops) → done (accepted by the assigning body),
    or back to open on a new date."""

    class Status(models.TextChoices):
        OPEN = "open", _("Đang thực hiện")
        REPORTED_DONE = "reported_done", _("Báo cáo hoàn thành")
        DONE = "done", _("Hoàn thành")
        CANCELLED = "cancelled", _("Hủy")

    CLOSED = ("done", "cancelled")

    status = models.CharField(_("trạng thái"), max_length=24, choices=Status, default="open")
    assigned_by = _org(_("cơ quan giao nhiệm vụ"))
    resolution = models.ForeignKey(
        Resolution,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("nghị quyết"),
    )
    briefing = models.ForeignKey(
        Briefing,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("giao ban"),
    )
    title = models.CharField(_("nội dung nhiệm vụ"), max_length=300)
    set_on = models.DateField(_("ngày giao"))
    due_by = models.DateField(_("hạn hoàn thành"))
    progress = models.TextField(_("tiến độ mới nhất"), blank=True)

    class Meta(TrackedItem.Meta):
        ordering = ["due_by", "id"]
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        permissions = [
            ("report_task", _("Báo cáo tiến độ nhiệm vụ")),
            ("supervise_task", _("Theo dõi, đánh giá nhiệm vụ đã giao")),
        ]
        constraints = [
            *TrackedItem.Meta.constraints,
            models.CheckConstraint(
                condition=Q(resolution__isnull=False, briefing__isnull=True)
                | Q(resolution__isnull=True, briefing__isnull=False),
                name="council_task_one_source",
            ),
        ]

    def __str__(self) -> str:
        return f"Nhiệm vụ {self.reference}"

    def get_absolute_url(self) -> str:
        return reverse("council:task_detail", kwargs={"public_id": self.public_id})
