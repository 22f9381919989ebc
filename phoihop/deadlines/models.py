"""The civil-service calendar as administrators keep it, and running deadlines on items."""

import uuid
from datetime import date

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from phoihop.core.models import BaseModel
from phoihop.deadlines import engine


def rule_lookup(rule_id: str) -> "engine.Rule | None":
    """The rule in force under *rule_id*; a provincial variant ("KH-04@HL26") not loaded is
    found as its rule; None for a rule no longer in force."""
    rules = engine.current_rules()
    key = rule_id if rule_id in rules else rule_id.split("@")[0]
    try:
        return rules.get(key)
    except engine.UnknownRuleError:
        return None


def rule_title(rule_id: str) -> str:
    """What a rule's clock counts, as users read it (the English title in the English
    interface); the code itself only for a rule no longer in force."""
    rule = rule_lookup(rule_id)
    if rule is None:
        return rule_id
    return rule.title_en if get_language() == "en" and rule.title_en else rule.title


def rule_citation(rule_id: str) -> str:
    """A rule's legal basis as the rulebook cites it; blank for a rule no longer in force."""
    rule = rule_lookup(rule_id)
    return rule.citation if rule else ""


class CalendarYear(BaseModel):
    """A year whose official civil-service schedule has been published and entered.

    Years without a row fall back to the statutory model (docs/decisions/0025).
    """

    year = models.PositiveSmallIntegerField(_("năm"), unique=True)
    source = models.CharField(_("văn bản công bố"), max_length=300)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        ordering = ["year"]
        verbose_name = _("lịch làm việc năm")
        verbose_name_plural = _("lịch làm việc các năm")

    def __str__(self) -> str:
        return str(self.year)


class CalendarDay(BaseModel):
    """A day of an official year that departs from the Monday-to-Friday week."""

    class Kind(models.TextChoices):
        HOLIDAY = engine.DayKind.HOLIDAY.value, _("Nghỉ lễ, tết")
        COMPENSATORY = engine.DayKind.COMPENSATORY.value, _("Nghỉ bù")
        SWAP_OFF = engine.DayKind.SWAP_OFF.value, _("Nghỉ hoán đổi")
        MAKEUP_WORKING = engine.DayKind.MAKEUP_WORKING.value, _("Làm bù")

    calendar_year = models.ForeignKey(
        CalendarYear, on_delete=models.CASCADE, related_name="days", verbose_name=_("năm")
    )
    day = models.DateField(_("ngày"), unique=True)
    kind = models.CharField(_("loại"), max_length=16, choices=Kind)
    name = models.CharField(_("tên"), max_length=200)
    source = models.CharField(_("căn cứ"), max_length=300, blank=True)
    toggle = models.CharField(
        _("chỉ áp dụng khi bật"),
        max_length=32,
        blank=True,
        help_text=_("Ví dụ: culture_day (ngày 24/11, chưa xác nhận là ngày nghỉ)."),
    )

    class Meta:
        ordering = ["day"]
        verbose_name = _("ngày trong lịch")
        verbose_name_plural = _("ngày trong lịch")

    def __str__(self) -> str:
        return f"{self.day:%d/%m/%Y} — {self.name}"

    def clean(self) -> None:
        if self.calendar_year_id and self.day and self.day.year != self.calendar_year.year:
            raise ValidationError({"day": _("Ngày không thuộc năm của lịch.")})


class Deadline(BaseModel):
    """A legal clock running on one item (a letter, a petition, a request for comments...).

    Lifecycle: running <-> suspended; running | suspended -> completed. The due date is always
    computed by the engine from the rule, start, variant, extensions and suspended days.
    """

    class Status(models.TextChoices):
        RUNNING = "running", _("Đang chạy")
        SUSPENDED = "suspended", _("Tạm dừng")
        COMPLETED = "completed", _("Hoàn thành")

    public_id = models.UUIDField(_("mã công khai"), default=uuid.uuid4, unique=True, editable=False)
    target_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, related_name="+", verbose_name=_("loại hồ sơ")
    )
    target_id = models.CharField(_("mã hồ sơ"), max_length=64)
    target = GenericForeignKey("target_type", "target_id")
    title = models.CharField(_("nội dung"), max_length=300)
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="deadlines",
        verbose_name=_("cơ quan chủ trì"),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="deadlines",
        verbose_name=_("người phụ trách"),
    )
    rule_id = models.CharField(_("quy tắc"), max_length=16)
    is_complex = models.BooleanField(_("phức tạp"), default=False)
    is_especially_complex = models.BooleanField(_("đặc biệt phức tạp"), default=False)
    is_remote = models.BooleanField(_("vùng sâu, vùng xa"), default=False)
    start_on = models.DateField(_("ngày bắt đầu tính"))
    due_on = models.DateField(_("hạn"))
    extension_days = models.PositiveIntegerField(_("số ngày gia hạn"), default=0)
    suspended_days = models.PositiveIntegerField(_("số ngày tạm dừng"), default=0)
    suspended_on = models.DateField(_("tạm dừng từ"), null=True, blank=True)
    provisional = models.BooleanField(
        _("tạm tính"),
        default=False,
        help_text=_("Hạn phụ thuộc một năm chưa có lịch nghỉ chính thức."),
    )
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=Status, default=Status.RUNNING
    )
    completed_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("thời hạn")
        verbose_name_plural = _("thời hạn")
        indexes = [
            models.Index(fields=["status", "due_on"]),
            models.Index(fields=["target_type", "target_id"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(suspended_on=None) | Q(status="suspended"),
                name="%(app_label)s_%(class)s_suspended_on_only_when_suspended",
            ),
            models.CheckConstraint(
                condition=Q(completed_on=None, status__in=["running", "suspended"])
                | Q(status="completed", completed_on__isnull=False),
                name="%(app_label)s_%(class)s_completed_on_iff_completed",
            ),
        ]

    @property
    def counts_back(self) -> bool:
        """A limit before its event (due earlier than the event it is counted from)."""
        return self.due_on < self.start_on

    def __str__(self) -> str:
        # Named as people read it (the audit log's object, the admin): what is counted and
        # when it is due, never the rule's internal code.
        return f"{self.title} — hạn {self.due_on:%d/%m/%Y}"

    @property
    def is_open(self) -> bool:
        return self.status != self.Status.COMPLETED

    @property
    def rule_title(self) -> str:
        """What the clock counts, in the rule's words ("Xử lý đơn"; in the English interface,
        the rulebook's English title), for pages that list an item's clocks; a provincial
        variant ("KH-04@HL26") is named as its rule."""
        return rule_title(self.rule_id)

    @property
    def rule_citation(self) -> str:
        """The legal basis of the clock ("Khoản 1 Điều 28 Luật Khiếu nại 2011"), which pages
        show beside its title instead of the rule's internal code."""
        return rule_citation(self.rule_id)

    @property
    def rule_period(self) -> str:
        """The clock's time limit in words, as a document states it ("10 ngày làm việc");
        blank for a rule no longer in force or a count this clock's variant lacks."""
        rule = self._rule()
        variant = engine.rules.variant_for(
            complex=self.is_complex,
            especially_complex=self.is_especially_complex,
            remote=self.is_remote,
        )
        try:
            return rule.period(variant) if rule else ""
        except engine.VariantNotAvailableError:
            return ""

    def _rule(self):
        return rule_lookup(self.rule_id)

    def days_left(self, today: date) -> int:
        """Calendar days until the due date (negative once overdue)."""
        return engine.days_until(self.due_on, today)

    def is_overdue(self, today: date) -> bool:
        """Past due and still running (a suspended clock is stopped)."""
        return self.status == self.Status.RUNNING and self.due_on < today


class DeadlineEvent(BaseModel):
    """One step in a deadline's history: start, extension, suspension, resumption, completion."""

    class Kind(models.TextChoices):
        STARTED = "started", _("Bắt đầu")
        EXTENDED = "extended", _("Gia hạn")
        SUSPENDED = "suspended", _("Tạm dừng")
        RESUMED = "resumed", _("Tiếp tục")
        COMPLETED = "completed", _("Hoàn thành")

    deadline = models.ForeignKey(
        Deadline, on_delete=models.PROTECT, related_name="events", verbose_name=_("thời hạn")
    )
    kind = models.CharField(_("loại"), max_length=16, choices=Kind)
    on = models.DateField(_("ngày"))
    days = models.IntegerField(_("số ngày"), default=0)
    due_before = models.DateField(_("hạn trước"), null=True, blank=True)
    due_after = models.DateField(_("hạn sau"), null=True, blank=True)
    reason = models.TextField(_("lý do"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("người thực hiện"),
    )

    class Meta:
        ordering = ["deadline", "id"]
        verbose_name = _("diễn biến thời hạn")
        verbose_name_plural = _("diễn biến thời hạn")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.on:%d/%m/%Y}"


class FeedToken(BaseModel):
    """A secret that lets a calendar program read one account's deadlines (iCalendar feed)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="deadline_feed_token",
        verbose_name=_("tài khoản"),
    )
    key = models.CharField(_("khóa"), max_length=64, unique=True)

    class Meta:
        ordering = ["user"]
        verbose_name = _("khóa lịch thời hạn")
        verbose_name_plural = _("khóa lịch thời hạn")

    def __str__(self) -> str:
        return str(self.user)
