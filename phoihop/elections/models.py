"""Elections of deputies to the National Assembly and the People's Councils (RULEBOOK §7).

An election (general or a by-election) is organised by one body (``organization``), has an
election day and elects one or more terms. In each constituency a *contest* is one round of
voting (first, additional or re-vote) for the constituency's seats. Candidates pass the Front's
consultation rounds and the voter conference at their residence before the official list.
Polling areas send their counting minutes, which are entered twice by different people; a
mismatch or an inconsistency holds the protocol in the audit queue.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from phoihop.casework.models import TrackedItem
from phoihop.core.models import BaseModel


class Election(BaseModel):
    """One election. Lifecycle: preparing -> counting -> tabulated -> published."""

    class Kind(models.TextChoices):
        GENERAL = "general", _("Bầu cử nhiệm kỳ mới")
        BY_ELECTION = "by_election", _("Bầu cử bổ sung")

    class Status(models.TextChoices):
        PREPARING = "preparing", _("Đang chuẩn bị")
        COUNTING = "counting", _("Đang kiểm phiếu")
        TABULATED = "tabulated", _("Đã xác định kết quả")
        PUBLISHED = "published", _("Đã công bố kết quả")

    public_id = models.UUIDField(_("mã công khai"), default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="elections",
        verbose_name=_("cơ quan tổ chức"),
    )
    name = models.CharField(_("tên cuộc bầu cử"), max_length=300)
    kind = models.CharField(_("loại"), max_length=16, choices=Kind)
    election_day = models.DateField(_("ngày bầu cử"))
    terms = models.ManyToManyField(
        "organizations.Term", related_name="elections", verbose_name=_("nhiệm kỳ được bầu")
    )
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=Status, default=Status.PREPARING
    )
    published_at = models.DateTimeField(_("công bố lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-election_day", "id"]
        verbose_name = _("cuộc bầu cử")
        verbose_name_plural = _("cuộc bầu cử")
        permissions = [
            ("enter_election", _("Nhập biên bản kiểm phiếu")),
            ("audit_election", _("Kiểm tra biên bản bị giữ lại")),
            ("publish_election", _("Công bố kết quả bầu cử")),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("elections:detail", kwargs={"public_id": self.public_id})


class ElectionBody(BaseModel):
    """An election body (tổ chức phụ trách bầu cử): committee, board or polling team."""

    class Kind(models.TextChoices):
        PROVINCE_COMMITTEE = "province_committee", _("Ủy ban bầu cử ở tỉnh")
        COMMUNE_COMMITTEE = "commune_committee", _("Ủy ban bầu cử ở xã")
        BOARD = "board", _("Ban bầu cử")
        TEAM = "team", _("Tổ bầu cử")

    election = models.ForeignKey(
        Election, on_delete=models.CASCADE, related_name="bodies", verbose_name=_("cuộc bầu cử")
    )
    kind = models.CharField(_("loại"), max_length=24, choices=Kind)
    name = models.CharField(_("tên"), max_length=300)
    established_on = models.DateField(_("ngày thành lập"))

    class Meta:
        ordering = ["election", "kind", "name"]
        verbose_name = _("tổ chức phụ trách bầu cử")
        verbose_name_plural = _("tổ chức phụ trách bầu cử")

    def __str__(self) -> str:
        return self.name


class ElectionBodyMember(BaseModel):
    """A member of an election body."""

    class Role(models.TextChoices):
        CHAIR = "chair", _("Chủ tịch / Trưởng ban / Tổ trưởng")
        VICE = "vice", _("Phó")
        SECRETARY = "secretary", _("Thư ký")
        MEMBER = "member", _("Ủy viên")

    body = models.ForeignKey(
        ElectionBody, on_delete=models.CASCADE, related_name="members", verbose_name=_("tổ chức")
    )
    person = models.ForeignKey(
        "organizations.Person", on_delete=models.PROTECT, related_name="+", verbose_name=_("người")
    )
    role = models.CharField(_("chức danh"), max_length=16, choices=Role, default=Role.MEMBER)

    class Meta:
        ordering = ["body", "role", "id"]
        verbose_name = _("thành viên tổ chức phụ trách bầu cử")
        verbose_name_plural = _("thành viên tổ chức phụ trách bầu cử")

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"


class Contest(BaseModel):
    """One round of voting in one constituency for its seats (Đ78–Đ80)."""

    class Round(models.TextChoices):
        FIRST = "first", _("Bầu cử")
        ADDITIONAL = "additional", _("Bầu cử thêm")
        REVOTE = "revote", _("Bầu cử lại")

    public_id = models.UUIDField(_("mã công khai"), default=uuid.uuid4, unique=True, editable=False)
    election = models.ForeignKey(
        Election, on_delete=models.CASCADE, related_name="contests", verbose_name=_("cuộc bầu cử")
    )
    constituency = models.ForeignKey(
        "organizations.Constituency",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("đơn vị bầu cử"),
    )
    seats = models.PositiveSmallIntegerField(_("số đại biểu được bầu"))
    round = models.CharField(_("vòng"), max_length=16, choices=Round, default=Round.FIRST)
    held_on = models.DateField(_("ngày bỏ phiếu"))
    result = models.JSONField(_("kết quả"), default=dict, blank=True)
    tabulated_at = models.DateTimeField(_("xác định kết quả lúc"), null=True, blank=True)

    class Meta:
        ordering = ["election", "constituency__number", "held_on", "id"]
        verbose_name = _("cuộc bỏ phiếu ở đơn vị bầu cử")
        verbose_name_plural = _("cuộc bỏ phiếu ở đơn vị bầu cử")
        constraints = [
            models.UniqueConstraint(
                fields=["election", "constituency", "round"], name="%(app_label)s_%(class)s_round"
            ),
            models.CheckConstraint(condition=Q(seats__gte=1), name="%(app_label)s_%(class)s_seats"),
        ]

    def __str__(self) -> str:
        return f"{self.get_round_display()} — {self.constituency}"

    @property
    def assembly(self) -> str:
        """The tabulation core's code for the assembly of the constituency's term."""
        return {"national_assembly": "na"}.get(
            self.constituency.term.assembly, self.constituency.term.assembly
        )

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("elections:contest", kwargs={"public_id": self.public_id})


class PollingArea(BaseModel):
    """A polling area (khu vực bỏ phiếu) of a contest, with its voters on the list."""

    contest = models.ForeignKey(
        Contest, on_delete=models.CASCADE, related_name="areas", verbose_name=_("cuộc bỏ phiếu")
    )
    number = models.PositiveSmallIntegerField(_("số"))
    name = models.CharField(_("tên"), max_length=200)
    voters_on_list = models.PositiveIntegerField(_("số cử tri trong danh sách"))
    list_posted_on = models.DateField(_("ngày niêm yết danh sách cử tri"), null=True, blank=True)
    ballots_delivered_on = models.DateField(
        _("ngày giao phiếu bầu, tài liệu cho Tổ bầu cử"), null=True, blank=True
    )

    class Meta:
        ordering = ["contest", "number"]
        verbose_name = _("khu vực bỏ phiếu")
        verbose_name_plural = _("khu vực bỏ phiếu")
        constraints = [
            models.UniqueConstraint(
                fields=["contest", "number"], name="%(app_label)s_%(class)s_number"
            ),
        ]

    def __str__(self) -> str:
        return f"Khu vực bỏ phiếu số {self.number} ({self.name})"


class ConsultationRound(BaseModel):
    """A consultation conference (hội nghị hiệp thương) of the Front, with its minutes (BC-04)."""

    election = models.ForeignKey(
        Election,
        on_delete=models.CASCADE,
        related_name="consultations",
        verbose_name=_("cuộc bầu cử"),
    )
    number = models.PositiveSmallIntegerField(_("lần"))
    held_on = models.DateField(_("ngày họp"))
    minutes = models.TextField(_("biên bản"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("người ghi"),
    )

    class Meta:
        ordering = ["election", "number"]
        verbose_name = _("hội nghị hiệp thương")
        verbose_name_plural = _("hội nghị hiệp thương")
        constraints = [
            models.UniqueConstraint(
                fields=["election", "number"], name="%(app_label)s_%(class)s_number"
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1, number__lte=3),
                name="%(app_label)s_%(class)s_one_to_three",
            ),
        ]

    def __str__(self) -> str:
        return f"Hội nghị hiệp thương lần thứ {self.number}"


class Candidate(BaseModel):
    """A person standing in a contest. Lifecycle: nominated -> preliminary (HT2) ->
    official (HT3) | not_confident (voter conference, BC-08) | withdrawn."""

    class Stage(models.TextChoices):
        NOMINATED = "nominated", _("Được giới thiệu / tự ứng cử")
        PRELIMINARY = "preliminary", _("Trong danh sách sơ bộ")
        NOT_CONFIDENT = "not_confident", _("Không đạt tín nhiệm của cử tri")
        OFFICIAL = "official", _("Trong danh sách chính thức")
        WITHDRAWN = "withdrawn", _("Rút khỏi danh sách")

    public_id = models.UUIDField(_("mã công khai"), default=uuid.uuid4, unique=True, editable=False)
    contest = models.ForeignKey(
        Contest,
        on_delete=models.CASCADE,
        related_name="candidates",
        verbose_name=_("cuộc bỏ phiếu"),
    )
    person = models.ForeignKey(
        "organizations.Person", on_delete=models.PROTECT, related_name="+", verbose_name=_("người")
    )
    nominated_by = models.CharField(_("cơ quan, tổ chức giới thiệu"), max_length=300, blank=True)
    self_nominated = models.BooleanField(_("tự ứng cử"), default=False)
    dossier_filed_on = models.DateField(_("ngày nộp hồ sơ ứng cử"))
    stage = models.CharField(_("giai đoạn"), max_length=16, choices=Stage, default=Stage.NOMINATED)

    class Meta:
        ordering = ["contest", "person__full_name", "id"]
        verbose_name = _("người ứng cử")
        verbose_name_plural = _("người ứng cử")
        constraints = [
            models.UniqueConstraint(
                fields=["contest", "person"], name="%(app_label)s_%(class)s_once"
            ),
        ]

    def __str__(self) -> str:
        return self.person.full_name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("elections:candidate", kwargs={"public_id": self.public_id})


class VoterConference(BaseModel):
    """A voter conference (hội nghị cử tri) voting its confidence in a candidate (BC-06…BC-08)."""

    class Place(models.TextChoices):
        RESIDENCE = "residence", _("Nơi cư trú")
        WORKPLACE = "workplace", _("Nơi công tác")

    class Method(models.TextChoices):
        HANDS = "hands", _("Giơ tay")
        SECRET = "secret", _("Bỏ phiếu kín")

    candidate = models.ForeignKey(
        Candidate,
        on_delete=models.CASCADE,
        related_name="conferences",
        verbose_name=_("người ứng cử"),
    )
    place = models.CharField(
        _("nơi tổ chức"), max_length=16, choices=Place, default=Place.RESIDENCE
    )
    held_on = models.DateField(_("ngày họp"))
    voters_invited = models.PositiveIntegerField(_("số cử tri được triệu tập"))
    attendees = models.PositiveIntegerField(_("số cử tri tham dự"))
    votes_for = models.PositiveIntegerField(_("số cử tri tín nhiệm"))
    method = models.CharField(_("hình thức biểu quyết"), max_length=8, choices=Method)
    quorum_met = models.BooleanField(_("đủ số cử tri tham dự"))
    confident = models.BooleanField(_("đạt tín nhiệm quá 50%"))

    class Meta:
        ordering = ["candidate", "held_on", "id"]
        verbose_name = _("hội nghị cử tri")
        verbose_name_plural = _("hội nghị cử tri")
        constraints = [
            models.CheckConstraint(
                condition=Q(attendees__lte=models.F("voters_invited")),
                name="%(app_label)s_%(class)s_attendees",
            ),
            models.CheckConstraint(
                condition=Q(votes_for__lte=models.F("attendees")),
                name="%(app_label)s_%(class)s_votes",
            ),
        ]

    def __str__(self) -> str:
        return f"Hội nghị cử tri ngày {self.held_on:%d/%m/%Y} — {self.candidate}"


class ProtocolFields(models.Model):
    """The numbers of a counting protocol (biên bản kết quả kiểm phiếu, Đ75 k2, BC-21)."""

    voters_on_list = models.PositiveIntegerField(_("tổng số cử tri"))
    voted = models.PositiveIntegerField(_("số cử tri đã tham gia bỏ phiếu"))
    ballots_issued = models.PositiveIntegerField(_("số phiếu phát ra"))
    ballots_collected = models.PositiveIntegerField(_("số phiếu thu vào"))
    valid = models.PositiveIntegerField(_("số phiếu hợp lệ"))
    invalid = models.PositiveIntegerField(_("số phiếu không hợp lệ"))
    votes = models.JSONField(_("số phiếu bầu cho mỗi người ứng cử"), default=dict)
    complaints = models.TextField(_("khiếu nại, tố cáo nhận được và đã giải quyết"), blank=True)

    NUMBERS = ("voters_on_list", "voted", "ballots_issued", "ballots_collected", "valid", "invalid")

    class Meta:
        abstract = True

    def numbers(self) -> dict:
        return {name: getattr(self, name) for name in self.NUMBERS} | {"votes": dict(self.votes)}


class Protocol(BaseModel, ProtocolFields):
    """The accepted (or held) counting protocol of one polling area.

    Lifecycle: awaiting_second -> accepted | held; held -> accepted (by an auditor).
    """

    class Status(models.TextChoices):
        AWAITING_SECOND = "awaiting_second", _("Chờ nhập lần hai")
        ACCEPTED = "accepted", _("Đã chấp nhận")
        HELD = "held", _("Giữ lại để kiểm tra")

    area = models.OneToOneField(
        PollingArea,
        on_delete=models.CASCADE,
        related_name="protocol",
        verbose_name=_("khu vực bỏ phiếu"),
    )
    status = models.CharField(_("trạng thái"), max_length=16, choices=Status)
    problems = models.JSONField(_("sai lệch, lỗi"), default=list, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người kiểm tra"),
    )

    class Meta:
        ordering = ["area__contest", "area__number"]
        verbose_name = _("biên bản kết quả kiểm phiếu")
        verbose_name_plural = _("biên bản kết quả kiểm phiếu")

    def __str__(self) -> str:
        return f"Biên bản — {self.area}"


class ProtocolEntry(BaseModel, ProtocolFields):
    """One person's entry of a polling area's protocol (first, second, or an auditor's)."""

    class Kind(models.TextChoices):
        FIRST = "first", _("Nhập lần một")
        SECOND = "second", _("Nhập lần hai")
        AUDIT = "audit", _("Kiểm tra")

    area = models.ForeignKey(
        PollingArea,
        on_delete=models.CASCADE,
        related_name="entries",
        verbose_name=_("khu vực bỏ phiếu"),
    )
    kind = models.CharField(_("lần nhập"), max_length=8, choices=Kind)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("người nhập"),
    )

    class Meta:
        ordering = ["area", "created_at", "id"]
        verbose_name = _("lượt nhập biên bản")
        verbose_name_plural = _("lượt nhập biên bản")
        constraints = [
            models.UniqueConstraint(
                fields=["area", "kind"],
                condition=~Q(kind="audit"),
                name="%(app_label)s_%(class)s_one_per_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.area}"


class VoterListChange(BaseModel):
    """A change to a polling area's voter list after posting (Đ29–Đ30, Đ32; BC-12)."""

    area = models.ForeignKey(
        PollingArea,
        on_delete=models.CASCADE,
        related_name="list_changes",
        verbose_name=_("khu vực"),
    )
    delta = models.IntegerField(_("số cử tri tăng (+) hoặc giảm (−)"))
    reason = models.CharField(_("lý do"), max_length=300)
    changed_at = models.DateTimeField(_("thời điểm"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("người ghi"),
    )

    class Meta:
        ordering = ["area", "changed_at", "id"]
        verbose_name = _("thay đổi danh sách cử tri")
        verbose_name_plural = _("thay đổi danh sách cử tri")

    def __str__(self) -> str:
        return f"{self.delta:+d} — {self.reason}"


class VoterListComplaint(TrackedItem):
    """A complaint about a posted voter list (Luật Bầu cử Đ33; BC-13). The listing body records it
    and resolves it within 5 days. Lifecycle: received -> upheld | rejected."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("Đang giải quyết")
        UPHELD = "upheld", _("Chấp nhận, đã sửa danh sách")
        REJECTED = "rejected", _("Không chấp nhận")

    CLOSED = ("upheld", "rejected")

    status = models.CharField(
        _("trạng thái"), max_length=16, choices=Status, default=Status.RECEIVED
    )
    area = models.ForeignKey(
        PollingArea,
        on_delete=models.PROTECT,
        related_name="complaints",
        verbose_name=_("khu vực bỏ phiếu"),
    )
    complainant = models.CharField(_("người khiếu nại"), max_length=200)
    content = models.TextField(_("nội dung"))
    received_on = models.DateField(_("ngày nhận"))
    answer = models.TextField(_("kết quả giải quyết"), blank=True)

    class Meta(TrackedItem.Meta):
        ordering = ["-received_on", "id"]
        verbose_name = _("khiếu nại về danh sách cử tri")
        verbose_name_plural = _("khiếu nại về danh sách cử tri")
        # The layer's index name would pass Django's 30-character limit for this model.
        indexes = [models.Index(fields=["assigned_to", "status"], name="elections_vlc_assignee")]

    def __str__(self) -> str:
        return f"Khiếu nại danh sách cử tri {self.reference}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("elections:complaint", kwargs={"public_id": self.public_id})
