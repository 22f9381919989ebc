"""Voter contact: sessions the meetings are held around, voter meetings (hội nghị tiếp xúc cử
tri) with their contact points and minutes, the petitions voters raise, and the consolidated
petitions (kiến nghị tổng hợp) the bodies route, answer and report back.

RULEBOOK §5 (TX-01…TX-13) and §15 (KNCT-01…06); NQLT 72/2025/NQLT/UBTVQH15-CP-ĐCTUBTWMTTQVN.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from phoihop.casework.models import TrackedItem
from phoihop.core.models import BaseModel


class Level(models.TextChoices):
    """Competence level of a consolidated petition (the engine's ``xã``/``tỉnh``/``trung ương``)."""

    COMMUNE = "xa", _("Cấp xã")
    PROVINCE = "tinh", _("Cấp tỉnh")
    CENTRAL = "trung_uong", _("Trung ương")


ENGINE_LEVELS = {"xã": Level.COMMUNE, "tỉnh": Level.PROVINCE, "trung ương": Level.CENTRAL}


class Session(BaseModel):
    """A session of the National Assembly or of the provincial council that voter meetings are
    held before or after; its consolidating body gathers the petitions (KNCT-01, KH-18)."""

    class Assembly(models.TextChoices):
        NATIONAL = "national_assembly", _("Quốc hội")
        PROVINCIAL = "provincial_council", _("HĐND tỉnh")

    public_id = models.UUIDField(_("mã công khai"), default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("cơ quan tổng hợp kiến nghị"),
    )
    assembly = models.CharField(_("cơ quan dân cử"), max_length=32, choices=Assembly)
    name = models.CharField(_("kỳ họp"), max_length=200)
    opens_on = models.DateField(_("ngày khai mạc"))
    closes_on = models.DateField(_("ngày bế mạc"))

    class Meta:
        ordering = ["-opens_on", "id"]
        verbose_name = _("kỳ họp")
        verbose_name_plural = _("kỳ họp")
        constraints = [
            models.CheckConstraint(
                condition=Q(opens_on__lte=models.F("closes_on")),
                name="%(app_label)s_%(class)s_dates",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_assembly_display()})"

    def get_absolute_url(self) -> str:
        return reverse("voters:session_detail", kwargs={"public_id": self.public_id})


class Meeting(TrackedItem):
    """A voter meeting (hội nghị tiếp xúc cử tri) of the deputies with the voters of one or more
    communes, co-organised by the Front (TX-12). Its notice clocks (TX-04, TX-06, TX-07b) run
    from the meeting day backwards.

    Lifecycle: planned -> held (minutes recorded) | cancelled.
    """

    class Status(models.TextChoices):
        PLANNED = "planned", _("Dự kiến")
        HELD = "held", _("Đã tổ chức")
        CANCELLED = "cancelled", _("Hủy")

    class Kind(models.TextChoices):
        BEFORE_SESSION = "before", _("Trước kỳ họp")
        AFTER_SESSION = "after", _("Sau kỳ họp")
        THEMATIC = "thematic", _("Theo chuyên đề")
        OWN = "own", _("Đại biểu tự tổ chức")

    class Mode(models.TextChoices):
        IN_PERSON = "in_person", _("Trực tiếp")
        ONLINE = "online", _("Trực tuyến")
        HYBRID = "hybrid", _("Trực tiếp kết hợp trực tuyến")

    CLOSED = ("held", "cancelled")

    status = models.CharField(_("trạng thái"), max_length=24, choices=Status, default="planned")
    session = models.ForeignKey(
        Session, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("kỳ họp")
    )
    kind = models.CharField(_("loại hội nghị"), max_length=16, choices=Kind)
    title = models.CharField(_("tên hội nghị"), max_length=300)
    held_on = models.DateField(_("ngày tiếp xúc"))
    starts_at = models.TimeField(_("giờ bắt đầu"), null=True, blank=True)
    mode = models.CharField(_("hình thức"), max_length=16, choices=Mode, default="in_person")
    online_link = models.URLField(_("đường dẫn trực tuyến"), blank=True)
    co_organizer = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cơ quan phối hợp tổ chức (MTTQ)"),
    )
    deputies = models.ManyToManyField(
        "organizations.Deputy", blank=True, related_name="+", verbose_name=_("đại biểu dự")
    )
    deputy_names = models.CharField(_("đại biểu dự (ghi thêm)"), max_length=500, blank=True)
    participants = models.TextField(_("thành phần tham dự"), blank=True)
    outside_constituency = models.BooleanField(
        _("tiếp xúc ngoài địa phương, đơn vị bầu cử"), default=False
    )
    is_published = models.BooleanField(_("công bố trên trang công khai"), default=True)
    minutes = models.TextField(_("biên bản"), blank=True)
    voters_attending = models.PositiveIntegerField(_("số cử tri dự"), null=True, blank=True)

    class Meta(TrackedItem.Meta):
        ordering = ["held_on", "id"]
        verbose_name = _("hội nghị tiếp xúc cử tri")
        verbose_name_plural = _("hội nghị tiếp xúc cử tri")
        permissions = [("record_meeting", _("Ghi biên bản, kiến nghị của hội nghị"))]

    def __str__(self) -> str:
        return f"Hội nghị TXCT {self.reference}"

    def get_absolute_url(self) -> str:
        return reverse("voters:meeting_detail", kwargs={"public_id": self.public_id})


class ContactPoint(BaseModel):
    """One commune or ward where a meeting reaches voters (điểm tiếp xúc)."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="points", verbose_name=_("hội nghị")
    )
    commune = models.ForeignKey(
        "organizations.AdminUnit",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("xã, phường"),
    )
    location = models.CharField(_("địa điểm"), max_length=300)
    voters = models.PositiveIntegerField(_("số cử tri dự"), null=True, blank=True)

    class Meta:
        ordering = ["meeting", "id"]
        verbose_name = _("điểm tiếp xúc cử tri")
        verbose_name_plural = _("điểm tiếp xúc cử tri")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "commune"], name="%(app_label)s_%(class)s_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.commune.name}: {self.location}"


class Speaker(BaseModel):
    """One person who spoke at a meeting, as the minutes list them."""

    class Role(models.TextChoices):
        VOTER = "voter", _("Cử tri")
        DEPUTY = "deputy", _("Đại biểu")
        OFFICIAL = "official", _("Đại diện cơ quan")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="speakers", verbose_name=_("hội nghị")
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"))
    name = models.CharField(_("người phát biểu"), max_length=200)
    role = models.CharField(_("tư cách"), max_length=16, choices=Role, default="voter")
    commune = models.ForeignKey(
        "organizations.AdminUnit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("xã, phường"),
    )
    summary = models.TextField(_("tóm tắt ý kiến"), blank=True)

    class Meta:
        ordering = ["meeting", "position"]
        verbose_name = _("người phát biểu")
        verbose_name_plural = _("người phát biểu")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "position"], name="%(app_label)s_%(class)s_once"
            )
        ]

    def __str__(self) -> str:
        return self.name


class ConsolidatedPetition(TrackedItem):
    """A consolidated petition (kiến nghị tổng hợp): the petitions that raise one issue, with a
    field, a competence level and the competent agency — suggested by the engine, decided by an
    official — routed to that level and answered with a grade.

    Lifecycle: proposed (by the engine) -> accepted (by an official) -> routed (sent to the
    competent level; clock running) -> answered | withdrawn (merged into another).
    A copy received by another body (handover) starts at ``routed`` in that body's register.
    """

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Máy đề xuất, chờ duyệt")
        ACCEPTED = "accepted", _("Đã duyệt nhóm")
        ROUTED = "routed", _("Đã chuyển, chờ trả lời")
        ANSWERED = "answered", _("Đã trả lời")
        WITHDRAWN = "withdrawn", _("Đã gộp vào kiến nghị khác")

    class Grade(models.TextChoices):
        RESOLVED = "resolved", _("Đã giải quyết xong")
        SCHEDULED = "scheduled", _("Đang giải quyết, có lộ trình")
        EXPLAINED = "explained", _("Giải trình, cung cấp thông tin")
        UNRESOLVED = "unresolved", _("Chưa giải quyết")

    CLOSED = ("answered", "withdrawn")

    status = models.CharField(_("trạng thái"), max_length=24, choices=Status, default="proposed")
    session = models.ForeignKey(
        Session, on_delete=models.PROTECT, related_name="consolidated", verbose_name=_("kỳ họp")
    )
    title = models.CharField(_("nội dung kiến nghị tổng hợp"), max_length=1000)
    field = models.CharField(_("lĩnh vực"), max_length=60, blank=True)
    level = models.CharField(_("cấp thẩm quyền"), max_length=16, choices=Level, blank=True)
    agency = models.CharField(_("cơ quan có thẩm quyền"), max_length=200, blank=True)
    suggested_field = models.CharField(_("lĩnh vực máy đề xuất"), max_length=60, blank=True)
    suggested_level = models.CharField(_("cấp máy đề xuất"), max_length=16, blank=True)
    suggested_agency = models.CharField(_("cơ quan máy đề xuất"), max_length=200, blank=True)
    evidence = models.JSONField(_("căn cứ nhóm"), default=dict, blank=True)
    engine_key = models.CharField(_("mã nhóm của máy"), max_length=20, blank=True)
    forwarded_by = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cơ quan chuyển đến"),
    )
    communes = models.ManyToManyField(
        "organizations.AdminUnit", blank=True, related_name="+", verbose_name=_("xã, phường")
    )
    routed_on = models.DateField(_("ngày chuyển"), null=True, blank=True)
    grade = models.CharField(_("kết quả trả lời"), max_length=16, choices=Grade, blank=True)
    answer = models.TextField(_("nội dung trả lời"), blank=True)
    answered_on = models.DateField(_("ngày trả lời"), null=True, blank=True)
    answer_document = models.CharField(
        _("văn bản trả lời (số, ký hiệu)"), max_length=120, blank=True
    )
    roadmap_until = models.DateField(_("lộ trình giải quyết đến"), null=True, blank=True)
    is_published = models.BooleanField(_("công bố trả lời"), default=False)

    class Meta(TrackedItem.Meta):
        ordering = ["session", "reference", "id"]
        verbose_name = _("kiến nghị tổng hợp")
        verbose_name_plural = _("kiến nghị tổng hợp")
        permissions = [
            ("consolidate_consolidatedpetition", _("Tổng hợp, phân loại kiến nghị cử tri")),
            ("route_consolidatedpetition", _("Chuyển kiến nghị cử tri đến cấp có thẩm quyền")),
            ("answer_consolidatedpetition", _("Trả lời kiến nghị cử tri")),
            ("receive_consolidatedpetition", _("Tiếp nhận kiến nghị cử tri được chuyển đến")),
            ("supervise_consolidatedpetition", _("Giám sát việc trả lời kiến nghị cử tri")),
            ("report_consolidatedpetition", _("Lập báo cáo tổng hợp kiến nghị cử tri")),
        ]
        constraints = [
            *TrackedItem.Meta.constraints,
            models.CheckConstraint(
                condition=~Q(grade="scheduled") | Q(roadmap_until__isnull=False),
                name="%(app_label)s_%(class)s_roadmap_dated",
            ),
        ]
        indexes = [
            # TrackedItem's assignee index, under a name short enough for every database.
            models.Index(fields=["assigned_to", "status"], name="voters_cp_assignee"),
            models.Index(fields=["session", "status"], name="voters_cp_session_status"),
        ]

    def __str__(self) -> str:
        return f"Kiến nghị {self.reference}"

    def get_absolute_url(self) -> str:
        return reverse("voters:consolidated_detail", kwargs={"public_id": self.public_id})


class Petition(BaseModel):
    """One petition as a voter raised it (at a meeting, or by letter, portal or hotline).

    ``kind`` keeps a voter's *opinion* (ý kiến: a view, a comment on a policy or a draft, a
    thanks) apart from a *petition* (kiến nghị: asks a competent body to act). Both are
    recorded and reported ("ý kiến, kiến nghị của cử tri"); only petitions are consolidated,
    routed, answered on a clock and supervised (decision 0163).

    ``fingerprint`` (meeting or channel, commune, folded text) keeps a petition once per
    session whatever the path: a double submit or a re-imported minutes file adds nothing.
    ``consolidated`` is the group it belongs to; ``pinned`` marks a placement an official
    decided, which a new run of the engine never changes.
    """

    class Channel(models.TextChoices):
        MEETING = "meeting", _("Hội nghị tiếp xúc cử tri")
        LETTER = "letter", _("Đơn, thư")
        PORTAL = "portal", _("Cổng thông tin")
        HOTLINE = "hotline", _("Đường dây nóng")

    class Kind(models.TextChoices):
        PETITION = "petition", _("Kiến nghị")
        OPINION = "opinion", _("Ý kiến")

    class Source(models.TextChoices):
        TYPED = "typed", _("Nhập tay")
        IMPORTED = "imported", _("Nhập từ tệp biên bản")
        PASTED = "pasted", _("Dán danh sách")

    public_id = models.UUIDField(_("mã công khai"), default=uuid.uuid4, unique=True, editable=False)
    session = models.ForeignKey(
        Session, on_delete=models.PROTECT, related_name="petitions", verbose_name=_("kỳ họp")
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("cơ quan ghi nhận"),
    )
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="petitions",
        verbose_name=_("hội nghị"),
    )
    channel = models.CharField(_("kênh"), max_length=16, choices=Channel, default="meeting")
    source = models.CharField(_("cách ghi nhận"), max_length=16, choices=Source, default="typed")
    kind = models.CharField(
        _("ý kiến hay kiến nghị"), max_length=16, choices=Kind, default="petition"
    )
    text = models.TextField(_("nội dung kiến nghị"))
    commune = models.ForeignKey(
        "organizations.AdminUnit",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("xã, phường của cử tri"),
    )
    received_by = models.CharField(_("đại biểu tiếp nhận"), max_length=300, blank=True)
    voter = models.CharField(_("cử tri nêu (nếu có)"), max_length=200, blank=True)
    fingerprint = models.CharField(_("dấu vân nội dung"), max_length=64, editable=False)
    consolidated = models.ForeignKey(
        ConsolidatedPetition,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="petitions",
        verbose_name=_("kiến nghị tổng hợp"),
    )
    pinned = models.BooleanField(_("cán bộ đã quyết định nhóm"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["session", "id"]
        verbose_name = _("kiến nghị của cử tri")
        verbose_name_plural = _("kiến nghị của cử tri")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "fingerprint"], name="%(app_label)s_%(class)s_once"
            )
        ]
        indexes = [models.Index(fields=["session", "consolidated"], name="voters_pet_group")]

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        if self.consolidated_id is not None:
            return reverse(
                "voters:consolidated_detail", kwargs={"public_id": self.consolidated.public_id}
            )
        return reverse("voters:session_detail", kwargs={"public_id": self.session.public_id})


class Feedback(BaseModel):
    """What a contact point reports back on an answered consolidated petition, at the meeting
    where the answer was read to the voters: whether the matter was in fact dealt with there,
    and how the voters took the answer (decision 0164). One row per meeting, petition and
    commune: recording it again corrects it."""

    class Outcome(models.TextChoices):
        DONE = "done", _("Đã thực hiện trên thực tế")
        PARTLY = "partly", _("Mới thực hiện một phần")
        NOT_DONE = "not_done", _("Chưa thấy thực hiện")
        UNKNOWN = "unknown", _("Chưa rõ")

    class Reaction(models.TextChoices):
        AGREE = "agree", _("Cử tri đồng tình")
        PARTLY = "partly", _("Cử tri đồng tình một phần")
        DISAGREE = "disagree", _("Cử tri chưa đồng tình, đề nghị xem xét lại")

    DISPUTED = ("not_done", "disagree")

    consolidated = models.ForeignKey(
        ConsolidatedPetition,
        on_delete=models.PROTECT,
        related_name="feedback",
        verbose_name=_("kiến nghị tổng hợp"),
    )
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.PROTECT,
        related_name="feedback",
        verbose_name=_("hội nghị thông báo kết quả"),
    )
    commune = models.ForeignKey(
        "organizations.AdminUnit",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("điểm tiếp xúc (xã, phường)"),
    )
    outcome = models.CharField(_("thực tế tại địa phương"), max_length=16, choices=Outcome)
    reaction = models.CharField(_("ý kiến của cử tri về trả lời"), max_length=16, choices=Reaction)
    note = models.TextField(_("ghi chú"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("phản hồi của điểm tiếp xúc")
        verbose_name_plural = _("phản hồi của điểm tiếp xúc")
        constraints = [
            models.UniqueConstraint(
                fields=["consolidated", "meeting", "commune"], name="%(app_label)s_%(class)s_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_reaction_display()} ({self.commune_id})"

    @property
    def disputed(self) -> bool:
        return self.outcome in self.DISPUTED or self.reaction in self.DISPUTED


class ConsolidationRun(BaseModel):
    """One run of the consolidation engine over a session's petitions, in the background.

    Lifecycle: queued -> running -> done | failed. ``progress`` counts the steps done out of
    ``total`` for the page that polls it.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Đang chờ")
        RUNNING = "running", _("Đang chạy")
        DONE = "done", _("Xong")
        FAILED = "failed", _("Lỗi")

    public_id = models.UUIDField(_("mã công khai"), default=uuid.uuid4, unique=True, editable=False)
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="runs", verbose_name=_("kỳ họp")
    )
    status = models.CharField(_("trạng thái"), max_length=16, choices=Status, default="queued")
    progress = models.PositiveIntegerField(_("đã xong"), default=0)
    total = models.PositiveIntegerField(_("tổng số bước"), default=4)
    stage = models.CharField(_("bước"), max_length=200, blank=True)
    petitions = models.PositiveIntegerField(_("số kiến nghị"), default=0)
    groups_proposed = models.PositiveIntegerField(_("số nhóm đề xuất"), default=0)
    repeats_found = models.PositiveIntegerField(_("số kiến nghị lặp lại"), default=0)
    error = models.TextField(_("lỗi"), blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    finished_at = models.DateTimeField(_("xong lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("lượt tổng hợp tự động")
        verbose_name_plural = _("lượt tổng hợp tự động")

    def __str__(self) -> str:
        return f"Tổng hợp {self.session_id} ({self.status})"

    @property
    def percent(self) -> int:
        return int(100 * self.progress / self.total) if self.total else 0


class Decision(BaseModel):
    """An official's decision on the consolidation (accept, split, merge, move, rename,
    classify): kept so that the engine, run again, leaves it standing, and shown on the page.
    The audit log keeps the same facts."""

    class Kind(models.TextChoices):
        ACCEPT = "accept", _("Duyệt nhóm")
        SPLIT = "split", _("Tách nhóm")
        MERGE = "merge", _("Gộp nhóm")
        MOVE = "move", _("Chuyển kiến nghị sang nhóm khác")
        RENAME = "rename", _("Sửa nội dung tổng hợp")
        CLASSIFY = "classify", _("Quyết định lĩnh vực, cấp, cơ quan")
        OPINION = "opinion", _("Xếp là ý kiến, không phải kiến nghị")

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="decisions", verbose_name=_("kỳ họp")
    )
    kind = models.CharField(_("quyết định"), max_length=16, choices=Kind)
    consolidated = models.ForeignKey(
        ConsolidatedPetition,
        on_delete=models.PROTECT,
        related_name="decisions",
        verbose_name=_("kiến nghị tổng hợp"),
    )
    other = models.ForeignKey(
        ConsolidatedPetition,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kiến nghị tổng hợp liên quan"),
    )
    petitions = models.JSONField(_("các kiến nghị"), default=list, blank=True)
    data = models.JSONField(_("chi tiết"), default=dict, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("quyết định tổng hợp")
        verbose_name_plural = _("quyết định tổng hợp")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.consolidated_id}"
