"""Citizen reception (tiếp công dân): the officials' reception schedules and the register of
visits, each visit with its citizens, the contents they raised and the documents they handed in.
"""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from phoihop.casework.models import TrackedItem
from phoihop.core.models import BaseModel
from phoihop.reception import recurrence as rules


class Schedule(BaseModel):
    """The periodic reception days of one official or body, as a recurrence rule.

    Lifecycle: published while valid (valid_from..valid_to); an ended schedule keeps its rows.
    The actual days come from ``recurrence.occurrences`` and the civil-service calendar.
    """

    class Basis(models.TextChoices):
        PROVINCIAL_CHAIRMAN = "TCD-01", _("Chủ tịch UBND tỉnh (ít nhất 01 ngày/tháng)")
        AGENCY_HEAD = "TCD-02", _("Thủ trưởng cơ quan hành chính (ít nhất 01 ngày/tháng)")
        COMMUNE_CHAIRMAN = "TCD-03", _("Chủ tịch UBND xã")
        COUNCIL = "TCD-05", _("Thường trực HĐND, đại biểu HĐND")
        NA_DEPUTY = "TCD-06", _("Đoàn ĐBQH, đại biểu Quốc hội")
        JOINT = "TCD-07", _("Tiếp công dân thường xuyên tại Trụ sở tiếp công dân")
        OTHER = "other", _("Khác")

    class Recurrence(models.TextChoices):
        MONTHLY_DAY = rules.MONTHLY_DAY, _("Một ngày cố định trong tháng")
        MONTHLY_WEEKDAY = rules.MONTHLY_WEEKDAY, _("Một thứ trong tuần của tháng")
        WEEKLY = rules.WEEKLY, _("Hằng tuần")

    public_id = models.UUIDField(_("mã công khai"), default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="reception_schedules",
        verbose_name=_("cơ quan"),
    )
    official_title = models.CharField(_("người tiếp"), max_length=200)
    person = models.ForeignKey(
        "organizations.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reception_schedules",
        verbose_name=_("cá nhân"),
    )
    basis = models.CharField(_("căn cứ"), max_length=16, choices=Basis, default=Basis.OTHER)
    recurrence = models.CharField(_("lặp lại"), max_length=20, choices=Recurrence)
    day_of_month = models.PositiveSmallIntegerField(_("ngày trong tháng"), null=True, blank=True)
    weekday = models.PositiveSmallIntegerField(
        _("thứ"), null=True, blank=True, help_text=_("0 = thứ Hai … 6 = Chủ nhật")
    )
    week_of_month = models.SmallIntegerField(
        _("tuần thứ"), null=True, blank=True, help_text=_("1–5; -1 = tuần cuối của tháng")
    )
    roll_to_working_day = models.BooleanField(
        _("trùng ngày nghỉ thì tiếp vào ngày làm việc tiếp theo"), default=True
    )
    starts_at = models.TimeField(_("từ giờ"))
    ends_at = models.TimeField(_("đến giờ"))
    location = models.CharField(_("địa điểm"), max_length=300)
    valid_from = models.DateField(_("áp dụng từ"))
    valid_to = models.DateField(_("áp dụng đến"), null=True, blank=True)
    is_published = models.BooleanField(_("công bố trên cổng công dân"), default=True)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        ordering = ["organization__path", "official_title", "id"]
        verbose_name = _("lịch tiếp công dân")
        verbose_name_plural = _("lịch tiếp công dân")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        recurrence=rules.MONTHLY_DAY,
                        day_of_month__gte=1,
                        day_of_month__lte=31,
                        weekday=None,
                        week_of_month=None,
                    )
                    | Q(
                        recurrence=rules.MONTHLY_WEEKDAY,
                        day_of_month=None,
                        weekday__lte=6,
                        week_of_month__in=[1, 2, 3, 4, 5, rules.LAST],
                    )
                    | Q(
                        recurrence=rules.WEEKLY,
                        day_of_month=None,
                        weekday__lte=6,
                        week_of_month=None,
                    )
                ),
                name="%(app_label)s_%(class)s_recurrence_fields",
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")),
                name="%(app_label)s_%(class)s_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(valid_to=None) | Q(valid_to__gte=models.F("valid_from")),
                name="%(app_label)s_%(class)s_valid_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.official_title} — {self.describe()}"

    @property
    def pattern(self) -> rules.Pattern:
        return rules.Pattern(
            kind=self.recurrence,
            day_of_month=self.day_of_month,
            weekday=self.weekday,
            week_of_month=self.week_of_month,
            roll_to_working_day=self.roll_to_working_day,
        )

    def describe(self) -> str:
        return rules.describe(self.pattern)


class Visit(TrackedItem):
    """One reception of one citizen or a group (a mass visit, with representatives).

    Lifecycle: received -> answered. The answer (accepted, forwarded, guided, refused…) is due
    within 10 working days (Luật Tiếp công dân Đ28 k1, rule XL-01), tracked as a deadline.
    Citizens' identities are kept in the letters module's identity vault, never on these rows.
    """

    class Kind(models.TextChoices):
        SCHEDULED = "scheduled", _("Tiếp định kỳ")
        REGULAR = "regular", _("Tiếp thường xuyên")
        UNSCHEDULED = "unscheduled", _("Tiếp đột xuất")

    class Status(models.TextChoices):
        RECEIVED = "received", _("Đã tiếp, chờ trả lời")
        ANSWERED = "answered", _("Đã trả lời")

    class Outcome(models.TextChoices):
        LETTERS = "letters", _("Tiếp nhận đơn, chuyển xử lý")
        GUIDED = "guided", _("Hướng dẫn, giải thích")
        ANSWERED = "answered_directly", _("Trả lời trực tiếp")
        REFUSED = "refused", _("Từ chối tiếp (Luật TCD Đ9)")

    CLOSED = ("answered",)

    reference = models.CharField(_("số vào sổ"), max_length=40)
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="reception_visits",
        verbose_name=_("cơ quan tiếp"),
    )
    schedule = models.ForeignKey(
        Schedule,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="visits",
        verbose_name=_("lịch tiếp"),
    )
    kind = models.CharField(_("hình thức"), max_length=16, choices=Kind, default=Kind.REGULAR)
    visited_on = models.DateField(_("ngày tiếp"))
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="reception_visits",
        verbose_name=_("người tiếp"),
    )
    headcount = models.PositiveIntegerField(_("số người đến"), default=1)
    outcome = models.CharField(
        _("kết quả tiếp"), max_length=20, choices=Outcome, default=Outcome.LETTERS
    )
    outcome_note = models.TextField(_("ghi chú kết quả"), blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=Status, default=Status.RECEIVED
    )
    answered_on = models.DateField(_("ngày trả lời"), null=True, blank=True)
    answer = models.TextField(_("nội dung trả lời"), blank=True)

    class Meta(TrackedItem.Meta):
        ordering = ["-visited_on", "-id"]
        verbose_name = _("lượt tiếp công dân")
        verbose_name_plural = _("sổ tiếp công dân")
        indexes = [models.Index(fields=["organization", "-visited_on"]), *TrackedItem.Meta.indexes]
        constraints = [
            *TrackedItem.Meta.constraints,
            models.UniqueConstraint(
                fields=["organization", "reference"],
                name="%(app_label)s_%(class)s_reference_per_organization",
            ),
            models.CheckConstraint(
                condition=Q(headcount__gte=1), name="%(app_label)s_%(class)s_headcount"
            ),
            models.CheckConstraint(
                condition=Q(status="received", answered_on=None)
                | Q(status="answered", answered_on__isnull=False),
                name="%(app_label)s_%(class)s_answered_on_iff_answered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} ({self.visited_on:%d/%m/%Y})"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("reception:visit_detail", kwargs={"public_id": self.public_id})


class VisitCitizen(BaseModel):
    """A citizen present at a visit. Only a pseudonym and the vault's reference are stored here."""

    visit = models.ForeignKey(
        Visit, on_delete=models.PROTECT, related_name="citizens", verbose_name=_("lượt tiếp")
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"))
    pseudonym = models.CharField(_("bí danh"), max_length=60)
    identity = models.ForeignKey(
        "identity.Identity",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("hồ sơ nhân thân (kho bí mật)"),
        # The vault may live in its own database (decision 0125): no cross-database constraint.
        db_constraint=False,
    )
    is_representative = models.BooleanField(_("người đại diện"), default=False)

    class Meta:
        ordering = ["visit", "position"]
        verbose_name = _("công dân đến")
        verbose_name_plural = _("công dân đến")
        constraints = [
            models.UniqueConstraint(
                fields=["visit", "position"], name="%(app_label)s_%(class)s_position"
            ),
        ]

    def __str__(self) -> str:
        return self.pseudonym


class VisitItem(BaseModel):
    """One content (nội dung) raised at a visit; each becomes one letter."""

    visit = models.ForeignKey(
        Visit, on_delete=models.PROTECT, related_name="items", verbose_name=_("lượt tiếp")
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"))
    content = models.TextField(_("nội dung"))
    documents = models.TextField(
        _("tài liệu công dân cung cấp"), blank=True, help_text=_("Mỗi dòng một tài liệu.")
    )
    # The tracked item this content became (a letter today; a voter petition may follow).
    item_type = models.ForeignKey(
        "contenttypes.ContentType",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    item_id = models.PositiveBigIntegerField(
        _("việc được lập"), null=True, blank=True, editable=False
    )
    item = GenericForeignKey("item_type", "item_id")

    class Meta:
        ordering = ["visit", "position"]
        verbose_name = _("nội dung tiếp")
        verbose_name_plural = _("nội dung tiếp")
        constraints = [
            models.UniqueConstraint(
                fields=["visit", "position"], name="%(app_label)s_%(class)s_position"
            ),
        ]

    def __str__(self) -> str:
        return self.content[:80]

    @property
    def document_titles(self) -> list[str]:
        return [line.strip() for line in self.documents.splitlines() if line.strip()]
