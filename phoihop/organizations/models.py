"""The bodies, their units, administrative units, people, terms, deputies and memberships.

All of it is data with validity dates: agencies and communes change (the 2025 reorganisation
merged communes and abolished districts), and a merged unit keeps its history.
"""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from phoihop.core.models import BaseModel


class AdminUnit(BaseModel):
    """A province- or commune-level administrative unit, valid for a period.

    Lifecycle: created (valid_from) -> dissolved or merged (valid_to, with a ``Succession``).
    """

    class Level(models.TextChoices):
        PROVINCE = "province", _("Cấp tỉnh")
        COMMUNE = "commune", _("Cấp xã")

    class Kind(models.TextChoices):
        PROVINCE = "tinh", _("Tỉnh")
        CITY = "thanh_pho", _("Thành phố trực thuộc trung ương")
        COMMUNE = "xa", _("Xã")
        WARD = "phuong", _("Phường")
        SPECIAL_ZONE = "dac_khu", _("Đặc khu")

    code = models.CharField(_("mã"), max_length=20)
    name = models.CharField(_("tên"), max_length=200)
    level = models.CharField(_("cấp"), max_length=16, choices=Level)
    kind = models.CharField(_("loại"), max_length=16, choices=Kind)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("trực thuộc"),
    )
    remote_area = models.BooleanField(_("vùng sâu, vùng xa"), default=False)
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hết hiệu lực"), null=True, blank=True)
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=300, blank=True)

    class Meta:
        ordering = ["level", "name", "valid_from"]
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")
        constraints = [
            models.UniqueConstraint(
                fields=["code", "valid_from"], name="%(app_label)s_%(class)s_code_from"
            ),
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True) | Q(valid_to__gte=models.F("valid_from")),
                name="%(app_label)s_%(class)s_valid_period",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Succession(BaseModel):
    """A unit replaced (merged, renamed, split) by another on a date, with its legal basis."""

    class Kind(models.TextChoices):
        MERGER = "merger", _("Sáp nhập")
        RENAME = "rename", _("Đổi tên")
        SPLIT = "split", _("Chia tách")

    predecessor = models.ForeignKey(
        AdminUnit,
        on_delete=models.PROTECT,
        related_name="successions",
        verbose_name=_("đơn vị cũ"),
    )
    successor = models.ForeignKey(
        AdminUnit,
        on_delete=models.PROTECT,
        related_name="predecessions",
        verbose_name=_("đơn vị mới"),
    )
    kind = models.CharField(_("hình thức"), max_length=16, choices=Kind, default=Kind.MERGER)
    effective_on = models.DateField(_("có hiệu lực từ"))
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=300)

    class Meta:
        ordering = ["effective_on", "id"]
        verbose_name = _("kế thừa đơn vị hành chính")
        constraints = [
            models.UniqueConstraint(
                fields=["predecessor", "successor"], name="%(app_label)s_%(class)s_unique_pair"
            ),
            models.CheckConstraint(
                condition=~Q(predecessor=models.F("successor")),
                name="%(app_label)s_%(class)s_not_self",
            ),
        ]


class Organization(BaseModel):
    """A body or a unit of one: the council, its standing committee and committees, the People's
    Committee and its departments, the inspectorate, the Front, the NA delegation, the shared
    secretariat, commune bodies.

    Units form a tree (``parent``); ``path`` ("/1/4/") lets a grant on a unit cover its subtree.
    """

    class Kind(models.TextChoices):
        COUNCIL = "council", _("Hội đồng nhân dân")
        COUNCIL_STANDING = "council_standing", _("Thường trực HĐND")
        COUNCIL_COMMITTEE = "council_committee", _("Ban của HĐND")
        PEOPLE_COMMITTEE = "people_committee", _("Ủy ban nhân dân")
        DEPARTMENT = "department", _("Sở, ban, ngành")
        INSPECTORATE = "inspectorate", _("Thanh tra")
        RECEPTION_BOARD = "reception_board", _("Ban Tiếp công dân")
        FRONT = "front", _("Ủy ban MTTQ Việt Nam")
        FRONT_STANDING = "front_standing", _("Ban Thường trực UBMTTQ")
        NA_DELEGATION = "na_delegation", _("Đoàn đại biểu Quốc hội")
        SECRETARIAT = "secretariat", _("Văn phòng Đoàn ĐBQH và HĐND")
        OFFICE = "office", _("Văn phòng")
        DIVISION = "division", _("Phòng, ban chuyên môn")

    public_id = models.UUIDField(_("mã công khai"), default=uuid.uuid4, unique=True, editable=False)
    code = models.SlugField(_("mã"), max_length=50, unique=True)
    name = models.CharField(_("tên"), max_length=300)
    short_name = models.CharField(_("tên viết tắt"), max_length=50)
    doc_abbreviation = models.CharField(
        _("chữ viết tắt trên văn bản"), max_length=30, help_text=_("ví dụ: HĐND, UBND, MTTQ")
    )
    kind = models.CharField(_("loại"), max_length=32, choices=Kind)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("trực thuộc"),
    )
    path = models.CharField(_("đường dẫn cây"), max_length=500, editable=False, db_index=True)
    admin_unit = models.ForeignKey(
        AdminUnit,
        on_delete=models.PROTECT,
        related_name="organizations",
        verbose_name=_("địa bàn"),
    )
    email = models.EmailField(_("thư điện tử"), blank=True)
    valid_from = models.DateField(_("hiệu lực từ"))
    valid_to = models.DateField(_("hết hiệu lực"), null=True, blank=True)
    # A body citizens know by name may be staffed by another unit: letters addressed to the
    # provincial council are handled by its standing committee, those to the Front by its
    # standing board (decision 0140). Empty when the body receives its own letters.
    letters_office = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("đơn vị tiếp nhận đơn thay mặt"),
        help_text=_("Đơn gửi đến cơ quan này được vào sổ của đơn vị này."),
    )

    class Meta:
        ordering = ["path"]
        verbose_name = _("cơ quan, đơn vị")
        verbose_name_plural = _("cơ quan, đơn vị")

    def __str__(self) -> str:
        return self.name


class Person(BaseModel):
    """A natural person known to the bodies: an official, a deputy, a candidate."""

    class Gender(models.TextChoices):
        FEMALE = "female", _("Nữ")
        MALE = "male", _("Nam")
        OTHER = "other", _("Khác")

    public_id = models.UUIDField(_("mã công khai"), default=uuid.uuid4, unique=True, editable=False)
    full_name = models.CharField(_("họ và tên"), max_length=200)
    gender = models.CharField(_("giới tính"), max_length=8, choices=Gender, blank=True)
    birth_date = models.DateField(_("ngày sinh"), null=True, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)

    class Meta:
        ordering = ["full_name", "id"]
        verbose_name = _("cá nhân")
        verbose_name_plural = _("cá nhân")

    def __str__(self) -> str:
        return self.full_name


class Term(BaseModel):
    """A term (nhiệm kỳ, khóa) of an assembly, e.g. the provincial council 2026–2031."""

    class Assembly(models.TextChoices):
        NATIONAL = "national_assembly", _("Quốc hội")
        PROVINCIAL = "provincial_council", _("HĐND tỉnh")
        COMMUNE = "commune_council", _("HĐND xã")

    assembly = models.CharField(_("cơ quan dân cử"), max_length=32, choices=Assembly)
    name = models.CharField(_("tên khóa"), max_length=100)
    starts_on = models.DateField(_("bắt đầu"))
    ends_on = models.DateField(_("kết thúc"))

    class Meta:
        ordering = ["-starts_on", "assembly"]
        verbose_name = _("nhiệm kỳ")
        verbose_name_plural = _("nhiệm kỳ")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gt=models.F("starts_on")),
                name="%(app_label)s_%(class)s_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.starts_on.year}–{self.ends_on.year})"


class Constituency(BaseModel):
    """An electoral constituency of a term, covering some administrative units."""

    term = models.ForeignKey(
        Term, on_delete=models.PROTECT, related_name="constituencies", verbose_name=_("nhiệm kỳ")
    )
    number = models.PositiveSmallIntegerField(_("số"))
    name = models.CharField(_("tên"), max_length=200)
    seats = models.PositiveSmallIntegerField(_("số đại biểu được bầu"))
    admin_units = models.ManyToManyField(
        AdminUnit, related_name="constituencies", verbose_name=_("địa bàn")
    )

    class Meta:
        ordering = ["term", "number"]
        verbose_name = _("đơn vị bầu cử")
        verbose_name_plural = _("đơn vị bầu cử")
        constraints = [
            models.UniqueConstraint(
                fields=["term", "number"], name="%(app_label)s_%(class)s_number"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Deputy(BaseModel):
    """A person elected to an assembly for a term, from a constituency."""

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="mandates", verbose_name=_("cá nhân")
    )
    term = models.ForeignKey(
        Term, on_delete=models.PROTECT, related_name="deputies", verbose_name=_("nhiệm kỳ")
    )
    constituency = models.ForeignKey(
        Constituency,
        on_delete=models.PROTECT,
        related_name="deputies",
        verbose_name=_("đơn vị bầu cử"),
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="deputies",
        verbose_name=_("đoàn / hội đồng"),
    )
    full_time = models.BooleanField(_("hoạt động chuyên trách"), default=False)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"), null=True, blank=True)

    class Meta:
        ordering = ["term", "person__full_name"]
        verbose_name = _("đại biểu")
        verbose_name_plural = _("đại biểu")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "term"], name="%(app_label)s_%(class)s_once_per_term"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.term}"


class Post(BaseModel):
    """A position in an organization (Chủ tịch, Phó Chủ tịch, Trưởng ban, Chuyên viên…)."""

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="posts", verbose_name=_("cơ quan")
    )
    label = models.CharField(_("chức danh"), max_length=200)
    is_leader = models.BooleanField(_("lãnh đạo"), default=False)
    rank = models.PositiveSmallIntegerField(_("thứ tự"), default=100)

    class Meta:
        ordering = ["organization", "rank", "label"]
        verbose_name = _("chức danh")
        verbose_name_plural = _("chức danh")

    def __str__(self) -> str:
        return f"{self.label}, {self.organization.short_name}"


class Membership(BaseModel):
    """A person holding a post (or simply belonging to) an organization for a period."""

    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("cá nhân")
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("cơ quan"),
    )
    post = models.ForeignKey(
        Post,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("chức danh"),
    )
    label = models.CharField(_("vai trò"), max_length=200, blank=True)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"), null=True, blank=True)

    class Meta:
        ordering = ["organization", "starts_on", "id"]
        verbose_name = _("thành viên")
        verbose_name_plural = _("thành viên")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="%(app_label)s_%(class)s_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.post or self.label}"
