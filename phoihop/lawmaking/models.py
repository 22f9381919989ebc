"""Participation in law-making (tham gia xây dựng pháp luật): drafts split into provisions,
consultations on them, comments per provision from every channel, mass duplicates merged into
opinions with their counts, and the report of what was taken up and explained (LP-01…12,
GS-08).

A ``Draft`` has versions (dự thảo 1, 2…), each read into ``Provision`` rows down to điểm.
A provision's ``lineage`` is the same in every version where the provision is matched, so
comments made on dự thảo 1 follow their provision into dự thảo 2. Tracked items of the
casework layer: ``Consultation`` (the consulting body's, on the clock of the period it set)
and ``AgencyRequest`` (the official letter asking an agency for comments, on the GS-08 clock).
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from phoihop.casework.models import TrackedItem
from phoihop.core.models import BaseModel


class Draft(BaseModel):
    """A draft legal document (dự án luật, dự thảo nghị quyết…) a body consults on."""

    class Kind(models.TextChoices):
        LAW = "law", _("Dự án luật")
        ORDINANCE = "ordinance", _("Dự án pháp lệnh")
        NA_RESOLUTION = "na_resolution", _("Dự thảo nghị quyết của Quốc hội")
        PROVINCIAL_RESOLUTION = "provincial_resolution", _("Dự thảo nghị quyết của HĐND tỉnh")
        PROVINCIAL_DECISION = "provincial_decision", _("Dự thảo quyết định của UBND tỉnh")
        OTHER = "other", _("Dự thảo văn bản khác")

    NATIONAL = ("law", "ordinance", "na_resolution")

    public_id = models.UUIDField(_("mã công khai"), default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("cơ quan tổ chức lấy ý kiến"),
    )
    kind = models.CharField(_("loại dự thảo"), max_length=24, choices=Kind)
    title = models.CharField(_("tên dự thảo"), max_length=300)
    drafting_agency = models.CharField(_("cơ quan chủ trì soạn thảo"), max_length=200, blank=True)
    submitted_on = models.DateField(
        _("ngày trình"),
        null=True,
        blank=True,
        help_text=_(
            "Ngày trình Quốc hội, HĐND; phản biện xã hội phải trước ngày này"
            " (khoản 1 Điều 6 Luật Ban hành văn bản quy phạm pháp luật"
            " số 64/2025/QH15)."
        ),
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("dự thảo văn bản")
        verbose_name_plural = _("dự thảo văn bản")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("lawmaking:draft_detail", kwargs={"public_id": self.public_id})

    @property
    def latest(self) -> "DraftVersion | None":
        return self.versions.order_by("-number").first()


class DraftVersion(BaseModel):
    """One version of a draft (dự thảo 1, 2…) as imported, and what its import could not read."""

    class Source(models.TextChoices):
        DOCX = "docx", _("Tệp DOCX")
        TEXT = "text", _("Văn bản dán vào")

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("dự thảo số"))
    source = models.CharField(_("nguồn"), max_length=8, choices=Source)
    source_name = models.CharField(_("tên tệp"), max_length=200, blank=True)
    preamble = models.TextField(_("phần mở đầu"), blank=True)
    closing = models.TextField(_("phần kết"), blank=True)
    issues = models.JSONField(_("chỗ không đọc được"), default=list, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["draft", "number"]
        verbose_name = _("phiên bản dự thảo")
        verbose_name_plural = _("phiên bản dự thảo")
        constraints = [
            models.UniqueConstraint(
                fields=["draft", "number"], name="%(app_label)s_%(class)s_unique_number"
            )
        ]

    def __str__(self) -> str:
        return f"Dự thảo {self.number}"


class Provision(models.Model):
    """A provision of one version: phần, chương, mục, điều, khoản or điểm, in document order.

    ``eid`` is the provision's id in its version (``dieu-12-khoan-1-diem-a``); ``lineage`` is
    shared with the matched provision of the previous version (``previous``), so a provision
    keeps its comments across versions even when renumbered.
    """

    class Level(models.TextChoices):
        PART = "part", _("Phần")
        CHAPTER = "chapter", _("Chương")
        SECTION = "section", _("Mục")
        ARTICLE = "article", _("Điều")
        CLAUSE = "clause", _("Khoản")
        POINT = "point", _("Điểm")

    class Change(models.TextChoices):
        SAME = "same", _("Giữ nguyên")
        CHANGED = "changed", _("Sửa đổi")
        NEW = "new", _("Bổ sung mới")

    version = models.ForeignKey(DraftVersion, on_delete=models.CASCADE, related_name="provisions")
    position = models.PositiveIntegerField(_("thứ tự"))
    depth = models.PositiveSmallIntegerField(_("cấp"))
    level = models.CharField(_("loại"), max_length=8, choices=Level)
    number = models.CharField(_("số"), max_length=12, blank=True)
    heading = models.CharField(_("tên"), max_length=500, blank=True)
    text = models.TextField(_("nội dung"), blank=True)
    eid = models.CharField(_("mã trong dự thảo"), max_length=120)
    lineage = models.UUIDField(_("mã xuyên phiên bản"), default=uuid.uuid4, db_index=True)
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    previous = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    change = models.CharField(
        _("so với dự thảo trước"), max_length=8, choices=Change, default="new"
    )
    similarity = models.FloatField(_("độ giống"), default=0.0)
    source_line = models.PositiveIntegerField(_("dòng"), default=0)

    class Meta:
        ordering = ["version", "position"]
        verbose_name = _("quy định của dự thảo")
        verbose_name_plural = _("quy định của dự thảo")
        constraints = [
            models.UniqueConstraint(
                fields=["version", "eid"], name="%(app_label)s_%(class)s_unique_eid"
            ),
            models.UniqueConstraint(
                fields=["version", "lineage"], name="%(app_label)s_%(class)s_unique_lineage"
            ),
        ]
        indexes = [models.Index(fields=["version", "position"], name="lawmaking_prov_order")]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return f"{self.get_level_display()} {self.number or '(không số)'}"


class Consultation(TrackedItem):
    """A consultation on one version of a draft, run by the consulting body (``organization``).

    Kinds (LP-01…04): the delegation collecting comments on a National Assembly draft; the
    council's standing committee or the People's Committee on a provincial draft; the Front's
    social critique (phản biện xã hội). The period ends on ``closes_on``, set per
    consultation (the law leaves it open or unconfirmed: LP-06, LP-08); its clock runs to that
    day. Lifecycle: open → closed → reported (the consolidated report issued); published when
    what was taken up is made public (LP-05).
    """

    class Kind(models.TextChoices):
        DELEGATION = (
            "delegation",
            _("Đoàn ĐBQH lấy ý kiến dự án luật (Điều 43 Luật Tổ chức Quốc hội)"),
        )
        COUNCIL = "council", _("Thường trực HĐND lấy ý kiến dự thảo nghị quyết")
        PEOPLE_COMMITTEE = "people_committee", _("UBND tỉnh lấy ý kiến dự thảo (NĐ 78/2025)")
        CRITIQUE = (
            "critique",
            _(
                "MTTQ phản biện xã hội"
                " (Điều 6 Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15)"
            ),
        )

    class Status(models.TextChoices):
        OPEN = "open", _("Đang lấy ý kiến")
        CLOSED = "closed", _("Đã hết thời gian lấy ý kiến")
        REPORTED = "reported", _("Đã có báo cáo tổng hợp")

    CLOSED = ("reported",)
    RULES = {"critique": "LP-06"}
    DEFAULT_RULE = "LP-08"

    status = models.CharField(_("trạng thái"), max_length=24, choices=Status, default="open")
    kind = models.CharField(_("hình thức"), max_length=20, choices=Kind)
    draft = models.ForeignKey(Draft, on_delete=models.PROTECT, related_name="consultations")
    version = models.ForeignKey(DraftVersion, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("tên đợt lấy ý kiến"), max_length=300)
    requested_by = models.CharField(
        _("theo yêu cầu của"),
        max_length=200,
        blank=True,
        help_text=_("Ví dụ: Ủy ban Thường vụ Quốc hội."),
    )
    opens_on = models.DateField(_("bắt đầu"))
    closes_on = models.DateField(_("kết thúc"))
    is_public = models.BooleanField(_("lấy ý kiến Nhân dân trên cổng công dân"), default=False)
    report_document = models.ForeignKey(
        "documents.Document",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("báo cáo tổng hợp"),
    )
    published_at = models.DateTimeField(
        _("công khai tiếp thu, giải trình lúc"), null=True, blank=True
    )

    class Meta(TrackedItem.Meta):
        ordering = ["-opens_on", "-id"]
        verbose_name = _("đợt lấy ý kiến")
        verbose_name_plural = _("đợt lấy ý kiến")
        permissions = [
            ("report_consultation", _("Ban hành báo cáo tổng hợp, tiếp thu, giải trình"))
        ]
        indexes = [
            models.Index(fields=["assigned_to", "status"], name="lawmaking_cons_assignee"),
            models.Index(fields=["organization", "status"], name="lawmaking_cons_body"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} — {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("lawmaking:consultation_detail", kwargs={"public_id": self.public_id})

    @property
    def rule_id(self) -> str:
        return self.RULES.get(self.kind, self.DEFAULT_RULE)


class AgencyRequest(TrackedItem):
    """An official letter (công văn) asking an agency, expert or body for comments, with the
    reply due on the GS-08 clock; the answer is recorded as comments against provisions.
    Lifecycle: sent → answered."""

    class Status(models.TextChoices):
        SENT = "sent", _("Đã gửi, chờ trả lời")
        ANSWERED = "answered", _("Đã trả lời")

    CLOSED = ("answered",)
    RULE = "GS-08"

    status = models.CharField(_("trạng thái"), max_length=24, choices=Status, default="sent")
    consultation = models.ForeignKey(
        Consultation, on_delete=models.PROTECT, related_name="agency_requests"
    )
    addressee = models.CharField(_("cơ quan, tổ chức, chuyên gia được lấy ý kiến"), max_length=200)
    addressee_kind = models.CharField(
        _("loại"),
        max_length=8,
        choices=[("agency", _("Cơ quan, tổ chức")), ("expert", _("Chuyên gia, nhà khoa học"))],
        default="agency",
    )
    requested_on = models.DateField(_("ngày gửi"))
    answered_on = models.DateField(_("ngày trả lời"), null=True, blank=True)
    document = models.ForeignKey(
        "documents.Document",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("công văn"),
    )

    class Meta(TrackedItem.Meta):
        ordering = ["-requested_on", "-id"]
        verbose_name = _("đề nghị góp ý bằng văn bản")
        verbose_name_plural = _("đề nghị góp ý bằng văn bản")
        indexes = [
            models.Index(fields=["assigned_to", "status"], name="lawmaking_req_assignee"),
            models.Index(fields=["organization", "status"], name="lawmaking_req_body"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} — {self.addressee}"

    def get_absolute_url(self) -> str:
        return reverse("lawmaking:request_detail", kwargs={"public_id": self.public_id})


class Conference(BaseModel):
    """A conference or seminar (hội nghị, tọa đàm) of a consultation; staff enter what each
    speaker said."""

    class Kind(models.TextChoices):
        CONFERENCE = "conference", _("Hội nghị lấy ý kiến")
        SEMINAR = "seminar", _("Tọa đàm, hội thảo")
        VOTERS = "voters", _("Tiếp xúc cử tri chuyên đề")

    public_id = models.UUIDField(_("mã công khai"), default=uuid.uuid4, unique=True, editable=False)
    consultation = models.ForeignKey(
        Consultation, on_delete=models.PROTECT, related_name="conferences"
    )
    kind = models.CharField(_("hình thức"), max_length=12, choices=Kind, default="conference")
    title = models.CharField(_("tên hội nghị"), max_length=300)
    held_on = models.DateField(_("ngày tổ chức"))
    location = models.CharField(_("địa điểm"), max_length=200, blank=True)

    class Meta:
        ordering = ["held_on", "id"]
        verbose_name = _("hội nghị lấy ý kiến")
        verbose_name_plural = _("hội nghị lấy ý kiến")

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on:%d/%m/%Y})"


class CommenterKind(models.TextChoices):
    CITIZEN = "citizen", _("Người dân")
    AGENCY = "agency", _("Cơ quan, tổ chức")
    EXPERT = "expert", _("Chuyên gia, nhà khoa học")
    DEPUTY = "deputy", _("Đại biểu")
    CONFERENCE = "conference", _("Hội nghị, tọa đàm")


class Position(models.TextChoices):
    AGREE = "agree", _("Tán thành")
    DISAGREE = "disagree", _("Không tán thành")
    WORDING = "wording", _("Đề nghị sửa đổi, bổ sung")


class Opinion(BaseModel):
    """One opinion on a provision: a comment and its near-duplicates merged (mass comments),
    with their count and the record of taking up or explaining (tiếp thu, giải trình, LP-05)."""

    class Response(models.TextChoices):
        PENDING = "pending", _("Chưa xử lý")
        TAKEN_UP = "taken_up", _("Tiếp thu")
        PARTLY = "partly", _("Tiếp thu một phần")
        EXPLAINED = "explained", _("Giải trình, không tiếp thu")
        NOTED = "noted", pgettext_lazy("opinion response", "Ghi nhận")

    public_id = models.UUIDField(_("mã công khai"), default=uuid.uuid4, unique=True, editable=False)
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="opinions"
    )
    provision = models.ForeignKey(
        Provision, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    lineage = models.UUIDField(_("quy định"), null=True, blank=True)
    position = models.CharField(_("ý kiến"), max_length=8, choices=Position)
    text = models.TextField(_("nội dung đại diện"))
    proposed_wording = models.TextField(_("đề xuất sửa"), blank=True)
    count = models.PositiveIntegerField(_("số ý kiến"), default=0)
    kinds = models.JSONField(_("số ý kiến theo đối tượng"), default=dict, blank=True)
    response = models.CharField(
        _("tiếp thu, giải trình"), max_length=10, choices=Response, default="pending"
    )
    response_text = models.TextField(_("nội dung tiếp thu, giải trình"), blank=True)
    pinned = models.BooleanField(_("tách riêng (không gộp tự động)"), default=False)
    # Kept with the counts on every write and merge (``services._recount``), so a page lists
    # opinions without reading their comments: the most frequent wordings (text_key, n, text),
    # how many distinct wordings there are, and the first named sources.
    variants = models.JSONField(_("cách diễn đạt thường gặp"), default=list, blank=True)
    wordings = models.PositiveIntegerField(_("số cách diễn đạt"), default=0)
    sources = models.JSONField(_("nguồn có tên"), default=list, blank=True)
    responded_on = models.DateField(_("ngày"), null=True, blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-count", "id"]
        verbose_name = _("ý kiến (đã gộp)")
        verbose_name_plural = _("ý kiến (đã gộp)")
        indexes = [
            # the provision page's order (largest first, then oldest), read without sorting
            models.Index(
                fields=["consultation", "lineage", "-count", "id"], name="lawmaking_op_order"
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class Comment(BaseModel):
    """One comment as received, from any channel, kept as written; ``opinion`` is the merged
    opinion it counts in. ``text_key`` is its folded wording (exact duplicates share it)."""

    class Channel(models.TextChoices):
        PUBLIC = "public", _("Cổng công dân (đã xác minh)")
        LETTER = "letter", _("Văn bản trả lời")
        CONFERENCE = "conference", _("Hội nghị, tọa đàm")
        STAFF = "staff", _("Cán bộ nhập (thư, thư điện tử)")
        IMPORT = "import", _("Nhập từ tệp")

    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="comments"
    )
    provision = models.ForeignKey(
        Provision, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    lineage = models.UUIDField(_("quy định"), null=True, blank=True)
    opinion = models.ForeignKey(
        Opinion, on_delete=models.PROTECT, null=True, blank=True, related_name="comments"
    )
    commenter_kind = models.CharField(_("đối tượng góp ý"), max_length=12, choices=CommenterKind)
    position = models.CharField(_("ý kiến"), max_length=8, choices=Position)
    text = models.TextField(_("nội dung góp ý"))
    proposed_wording = models.TextField(_("đề xuất sửa thành"), blank=True)
    text_key = models.CharField(_("khóa nội dung"), max_length=64, db_index=True)
    commenter_name = models.CharField(_("người góp ý"), max_length=200, blank=True)
    organisation = models.CharField(_("cơ quan, đơn vị"), max_length=200, blank=True)
    channel = models.CharField(_("kênh"), max_length=12, choices=Channel)
    agency_request = models.ForeignKey(
        AgencyRequest, on_delete=models.PROTECT, null=True, blank=True, related_name="comments"
    )
    conference = models.ForeignKey(
        Conference, on_delete=models.PROTECT, null=True, blank=True, related_name="comments"
    )
    contact_hash = models.CharField(_("liên hệ đã xác minh (băm)"), max_length=64, blank=True)
    campaign = models.CharField(_("đợt nhập"), max_length=100, blank=True)
    received_on = models.DateField(_("ngày nhận"))
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    idempotency_key = models.CharField(_("khóa chống gửi trùng"), max_length=64, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("góp ý")
        verbose_name_plural = _("góp ý")
        indexes = [
            models.Index(fields=["consultation", "lineage"], name="lawmaking_cm_prov"),
            models.Index(fields=["opinion", "text_key"], name="lawmaking_cm_wording"),
            models.Index(fields=["consultation", "commenter_kind"], name="lawmaking_cm_kind"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "idempotency_key"],
                condition=~Q(idempotency_key=""),
                name="%(app_label)s_%(class)s_once",
            )
        ]

    def __str__(self) -> str:
        return self.text[:80]


class Tally(models.Model):
    """How many comments a consultation received on one provision (by lineage; none: the draft
    as a whole) from one kind of commenter with one position. Kept on every comment write, in
    the same transaction (merging and splitting move comments between opinions of the same
    provision and position, so they leave it unchanged): the heat map and the totals read a
    few hundred of these rows instead of counting the comments."""

    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="tallies")
    lineage = models.UUIDField(_("quy định"), null=True, blank=True)
    commenter_kind = models.CharField(_("đối tượng góp ý"), max_length=12, choices=CommenterKind)
    position = models.CharField(_("ý kiến"), max_length=8, choices=Position)
    count = models.PositiveIntegerField(_("số góp ý"), default=0)

    class Meta:
        ordering = ["consultation", "id"]
        verbose_name = _("số góp ý theo quy định")
        verbose_name_plural = _("số góp ý theo quy định")
        indexes = [
            models.Index(fields=["consultation", "lineage"], name="lawmaking_tally_prov"),
        ]

    def __str__(self) -> str:
        return f"{self.lineage} {self.commenter_kind} {self.position}: {self.count}"


class MergeRun(BaseModel):
    """Merging a consultation's near-duplicate comments in the background.
    Lifecycle: queued → running → done | failed; ``progress`` of ``total`` provisions."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Đang chờ")
        RUNNING = "running", _("Đang gộp")
        DONE = "done", _("Xong")
        FAILED = "failed", _("Lỗi")

    public_id = models.UUIDField(_("mã công khai"), default=uuid.uuid4, unique=True, editable=False)
    consultation = models.ForeignKey(Consultation, on_delete=models.CASCADE, related_name="merges")
    status = models.CharField(_("trạng thái"), max_length=8, choices=Status, default="queued")
    progress = models.PositiveIntegerField(_("đã xong"), default=0)
    total = models.PositiveIntegerField(_("tổng số"), default=0)
    merged = models.PositiveIntegerField(_("số ý kiến đã gộp"), default=0)
    error = models.TextField(_("lỗi"), blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    finished_at = models.DateTimeField(_("xong lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("lượt gộp ý kiến")
        verbose_name_plural = _("lượt gộp ý kiến")

    @property
    def percent(self) -> int:
        return int(100 * self.progress / self.total) if self.total else 0


class ContactVerification(BaseModel):
    """A one-time code sent to a citizen's e-mail or phone before a comment on the public site.
    Only keyed hashes of the contact and of the code are kept; the message to send waits in
    ``outbox`` sealed with the identity vault's key (``phoihop.identity.crypto``) until the
    job has sent it, then is erased."""

    class Channel(models.TextChoices):
        EMAIL = "email", _("Thư điện tử")
        PHONE = "phone", _("Số điện thoại")

    public_id = models.UUIDField(_("mã công khai"), default=uuid.uuid4, unique=True, editable=False)
    channel = models.CharField(_("kênh"), max_length=8, choices=Channel)
    contact_hash = models.CharField(_("liên hệ (băm)"), max_length=64, db_index=True)
    code_hash = models.CharField(_("mã (băm)"), max_length=64)
    expires_at = models.DateTimeField(_("hết hạn lúc"))
    attempts = models.PositiveSmallIntegerField(_("số lần nhập"), default=0)
    verified_at = models.DateTimeField(_("xác minh lúc"), null=True, blank=True)
    outbox = models.BinaryField(_("tin chờ gửi (mã hóa)"), blank=True, default=b"")
    sent_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("xác minh liên hệ")
        verbose_name_plural = _("xác minh liên hệ")


class Critique(TrackedItem):
    """The Front's social critique (phản biện xã hội) of a draft: its critique document (văn
    bản phản biện), point by point against the draft's provisions, sent to the drafting body,
    which answers each point in writing (văn bản tiếp thu, giải trình ý kiến phản biện).

    ``organization`` is the Front's committee that critiques; ``drafting_organization`` the
    body whose draft it is and that answers. The critique takes place during drafting, before
    the draft is submitted (LP-04); the answer is due on the date the critique document asks,
    before the submission (``LP-06T``, decision 0264). Lifecycle: drafting → sent → answered.
    """

    class Status(models.TextChoices):
        DRAFTING = "drafting", _("Đang xây dựng văn bản phản biện")
        SENT = "sent", _("Đã gửi, chờ tiếp thu, giải trình")
        ANSWERED = "answered", _("Đã có văn bản tiếp thu, giải trình")

    CLOSED = ("answered",)
    RULE = "LP-06T"

    status = models.CharField(_("trạng thái"), max_length=24, choices=Status, default="drafting")
    draft = models.ForeignKey(Draft, on_delete=models.PROTECT, related_name="critiques")
    version = models.ForeignKey(DraftVersion, on_delete=models.PROTECT, related_name="+")
    consultation = models.ForeignKey(
        Consultation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="critiques",
        verbose_name=_("đợt lấy ý kiến phản biện"),
    )
    drafting_organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("cơ quan chủ trì soạn thảo"),
    )
    title = models.CharField(_("tên văn bản phản biện"), max_length=300)
    summary = models.TextField(_("nhận xét, đánh giá chung"), blank=True)
    sent_on = models.DateField(_("ngày gửi"), null=True, blank=True)
    answer_by = models.DateField(
        _("đề nghị tiếp thu, giải trình trước ngày"), null=True, blank=True
    )
    answered_on = models.DateField(_("ngày tiếp thu, giải trình"), null=True, blank=True)
    document = models.ForeignKey(
        "documents.Document",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("văn bản phản biện"),
    )
    answer_document = models.ForeignKey(
        "documents.Document",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("văn bản tiếp thu, giải trình"),
    )

    class Meta(TrackedItem.Meta):
        ordering = ["-created_at", "-id"]
        verbose_name = _("phản biện xã hội")
        verbose_name_plural = _("phản biện xã hội")
        permissions = [("answer_critique", _("Tiếp thu, giải trình ý kiến phản biện xã hội"))]
        indexes = [
            models.Index(fields=["assigned_to", "status"], name="lawmaking_crit_assignee"),
            models.Index(fields=["organization", "status"], name="lawmaking_crit_body"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} — {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("lawmaking:critique_detail", kwargs={"public_id": self.public_id})


class CritiquePoint(BaseModel):
    """One point of a critique, on a provision (or the draft as a whole), with the drafting
    body's answer to it."""

    critique = models.ForeignKey(Critique, on_delete=models.CASCADE, related_name="points")
    provision = models.ForeignKey(
        Provision, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    lineage = models.UUIDField(_("quy định"), null=True, blank=True)
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    text = models.TextField(_("nhận xét, đánh giá"))
    proposal = models.TextField(_("kiến nghị"), blank=True)
    response = models.CharField(
        _("tiếp thu, giải trình"),
        max_length=10,
        choices=Opinion.Response,
        default=Opinion.Response.PENDING,
    )
    response_text = models.TextField(_("nội dung tiếp thu, giải trình"), blank=True)

    class Meta:
        ordering = ["critique", "order", "id"]
        verbose_name = _("ý kiến phản biện")
        verbose_name_plural = _("ý kiến phản biện")

    def __str__(self) -> str:
        return self.text[:80]


class ProposalRound(TrackedItem):
    """The delegation's collection of its deputies' legislative-task proposals for the
    National Assembly's term orientation (LP-11: sent to the NA Standing Committee before 1
    August of the term's first year, Luật 64/2025/QH15 Đ23 k1), and the official letter
    (công văn) that sends them. Lifecycle: collecting → sent."""

    class Status(models.TextChoices):
        COLLECTING = "collecting", _("Đang tổng hợp đề xuất")
        SENT = "sent", _("Đã gửi Ủy ban Thường vụ Quốc hội")

    CLOSED = ("sent",)
    RULE = "LP-11"

    status = models.CharField(_("trạng thái"), max_length=24, choices=Status, default="collecting")
    term = models.CharField(_("khóa Quốc hội"), max_length=10)
    first_year = models.PositiveSmallIntegerField(_("năm đầu nhiệm kỳ"))
    addressee = models.CharField(_("nơi nhận"), max_length=200, default="Ủy ban Thường vụ Quốc hội")
    sent_on = models.DateField(_("ngày gửi"), null=True, blank=True)
    document = models.ForeignKey(
        "documents.Document",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("công văn"),
    )

    class Meta(TrackedItem.Meta):
        ordering = ["-first_year", "-id"]
        verbose_name = _("đề xuất định hướng lập pháp nhiệm kỳ")
        verbose_name_plural = _("đề xuất định hướng lập pháp nhiệm kỳ")
        indexes = [
            models.Index(fields=["assigned_to", "status"], name="lawmaking_round_assignee"),
            models.Index(fields=["organization", "status"], name="lawmaking_round_body"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} — Đề xuất nhiệm vụ lập pháp Quốc hội khóa {self.term}"

    def get_absolute_url(self) -> str:
        return reverse("lawmaking:round_detail", kwargs={"public_id": self.public_id})

    @property
    def send_before(self):
        """The day the proposals must reach the Standing Committee before (LP-11, data)."""
        from phoihop.lawmaking.services import proposals_due

        return proposals_due(self.first_year)


class LegislativeProposal(BaseModel):
    """One deputy's proposal of a legislative task (a new law, an amendment, an NA
    resolution) for the term."""

    class Kind(models.TextChoices):
        NEW = "new", _("Xây dựng mới")
        AMEND = "amend", _("Sửa đổi, bổ sung")
        REPLACE = "replace", _("Thay thế")

    round = models.ForeignKey(ProposalRound, on_delete=models.CASCADE, related_name="proposals")
    deputy = models.CharField(_("đại biểu đề xuất"), max_length=200)
    kind = models.CharField(_("hình thức"), max_length=8, choices=Kind, default="new")
    title = models.CharField(_("tên luật, nghị quyết đề xuất"), max_length=300)
    reasons = models.TextField(_("sự cần thiết"))
    content = models.TextField(_("nội dung chủ yếu"), blank=True)
    received_on = models.DateField(_("ngày nhận"))
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    idempotency_key = models.CharField(_("khóa chống gửi trùng"), max_length=64, blank=True)

    class Meta:
        ordering = ["round", "id"]
        verbose_name = _("đề xuất nhiệm vụ lập pháp")
        verbose_name_plural = _("đề xuất nhiệm vụ lập pháp")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "idempotency_key"],
                condition=~Q(idempotency_key=""),
                name="%(app_label)s_%(class)s_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.deputy})"
