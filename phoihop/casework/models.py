"""The shared shape of everything the bodies track: an item with one owner, one clock and a
history, its links to other items, the people who follow it, the supervising bodies' scope and
their follow-up requests.

An area's item model inherits ``TrackedItem`` and registers an ``ItemKind``
(``casework.registry``); everything else here is shared by every area.
"""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from phoihop.core.models import BaseModel


class TrackedItem(BaseModel):
    """Abstract: an item recorded once, owned by one body, handled by one person, on a clock.

    ``due_on`` is a copy of the nearest running due date of the item's clocks (the deadline
    engine computes it; ``casework.clocks`` keeps the copy), for lists and overdue views.
    A concrete model lists its closed statuses in ``CLOSED``.
    """

    CLOSED: tuple[str, ...] = ()

    public_id = models.UUIDField(_("mã công khai"), default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("cơ quan chịu trách nhiệm"),
    )
    reference = models.CharField(_("số hiệu"), max_length=40)
    status = models.CharField(_("trạng thái"), max_length=24)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người xử lý"),
    )
    due_on = models.DateField(
        _("hạn gần nhất"),
        null=True,
        blank=True,
        help_text=_("Bản sao hạn gần nhất của các thời hạn đang chạy, do bộ máy thời hạn tính."),
    )
    closed_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)
    idempotency_key = models.CharField(_("khóa chống gửi trùng"), max_length=64, blank=True)

    class Meta:
        abstract = True
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "idempotency_key"],
                condition=~Q(idempotency_key=""),
                name="%(app_label)s_%(class)s_one_per_idempotency_key",
            ),
        ]
        indexes = [
            models.Index(fields=["assigned_to", "status"], name="%(app_label)s_%(class)s_assignee"),
        ]

    @property
    def is_open(self) -> bool:
        return self.status not in self.CLOSED

    def get_absolute_url(self) -> str:
        raise NotImplementedError("a tracked item has a page")


class ItemRef(models.Model):
    """Abstract: a pointer to one tracked item of any kind (its content type and primary key)."""

    item_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, related_name="+", verbose_name=_("loại việc")
    )
    item_id = models.PositiveBigIntegerField(_("mã việc"))
    item = GenericForeignKey("item_type", "item_id")

    class Meta:
        abstract = True

    def get_item(self) -> TrackedItem:
        """The item pointed at (records are kept, so it always exists)."""
        item = self.item
        if item is None:
            raise LookupError(f"{self.item_type_id}:{self.item_id} no longer exists")
        return item


class Step(BaseModel, ItemRef):
    """One step of an item's handling (who, what, when, note, document): the history shown to
    everyone who sees the item. The audit log keeps the full record. The step codes and their
    labels are the item kind's (``ItemKind.step_labels``)."""

    kind = models.CharField(_("bước"), max_length=32)
    on = models.DateField(_("ngày"))
    note = models.TextField(_("ghi chú"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("người thực hiện"),
    )
    document = models.ForeignKey(
        "documents.Document",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("văn bản"),
    )

    class Meta:
        ordering = ["item_type", "item_id", "on", "id"]
        verbose_name = _("bước xử lý")
        verbose_name_plural = _("các bước xử lý")
        indexes = [models.Index(fields=["item_type", "item_id", "on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.on:%d/%m/%Y}"

    def get_kind_display(self) -> str:
        from phoihop.casework.registry import item_kinds

        kind = item_kinds.get(f"{self.item_type.app_label}.{self.item_type.model}")
        return kind.step_label(self.kind) if kind else self.kind


class Link(BaseModel):
    """A relation between two items, read both ways: an answer answers a petition, a task
    implements a resolution, a follow-up follows up a letter, a letter repeats an earlier one."""

    class Kind(models.TextChoices):
        ANSWERS = "answers", _("trả lời")
        IMPLEMENTS = "implements", _("thực hiện")
        FOLLOWS_UP = "follows_up", _("đề nghị xem xét")
        REPEATS = "repeats", _("lặp lại")
        CONTINUES = "continues", _("tiếp nối (chuyển đến)")
        SPLIT_FROM = "split_from", _("tách từ")
        RAISED_AT = "raised_at", _("công dân trình bày tại")

    # The same relation read from the other end.
    INVERSE = {
        "answers": _("được trả lời bởi"),
        "implements": _("được thực hiện bởi"),
        "follows_up": _("có đề nghị xem xét"),
        "repeats": _("được lặp lại bởi"),
        "continues": _("được tiếp nối bởi"),
        "split_from": _("được tách thành"),
        "raised_at": _("thành đơn"),
    }

    from_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    from_id = models.PositiveBigIntegerField(_("từ việc"))
    to_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    to_id = models.PositiveBigIntegerField(_("đến việc"))
    kind = models.CharField(_("quan hệ"), max_length=16, choices=Kind)
    note = models.CharField(_("ghi chú"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người liên kết (trống: do hệ thống ghi khi chuyển dữ liệu cũ)"),
    )

    class Meta:
        ordering = ["id"]
        verbose_name = _("liên kết giữa các việc")
        verbose_name_plural = _("liên kết giữa các việc")
        indexes = [
            models.Index(fields=["from_type", "from_id"]),
            models.Index(fields=["to_type", "to_id"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["from_type", "from_id", "to_type", "to_id", "kind"],
                name="%(app_label)s_%(class)s_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_type_id}:{self.from_id} {self.kind} {self.to_type_id}:{self.to_id}"


class Follower(BaseModel, ItemRef):
    """An account following an item's progress: a notification on each step, an e-mail digest
    once a day."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("người theo dõi"),
    )

    class Meta:
        ordering = ["item_type", "item_id", "user"]
        verbose_name = _("người theo dõi")
        verbose_name_plural = _("người theo dõi")
        constraints = [
            models.UniqueConstraint(
                fields=["item_type", "item_id", "user"], name="%(app_label)s_%(class)s_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.item_type_id}:{self.item_id}"


class SupervisionAssignment(BaseModel):
    """A supervising body's standing right to see, read-only, another body's items of some
    kinds — a subtree of organizations, optionally some fields and a period — and to send them
    follow-up requests (the regulation's supervision by scope, beside supervision by chain)."""

    supervisor = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("cơ quan giám sát"),
    )
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("cơ quan được giám sát"),
    )
    include_subtree = models.BooleanField(_("gồm các đơn vị trực thuộc"), default=True)
    item_kinds = models.JSONField(_("loại việc"), default=list)
    fields = models.JSONField(_("lĩnh vực (để trống: mọi lĩnh vực)"), default=list, blank=True)
    starts_on = models.DateField(_("từ ngày"), null=True, blank=True)
    ends_on = models.DateField(_("đến ngày"), null=True, blank=True)
    basis = models.CharField(_("căn cứ"), max_length=300, blank=True)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)

    class Meta:
        ordering = ["supervisor", "organization", "id"]
        verbose_name = _("phân công giám sát")
        verbose_name_plural = _("phân công giám sát")
        constraints = [
            models.CheckConstraint(
                condition=~Q(supervisor=models.F("organization")),
                name="%(app_label)s_%(class)s_not_self",
            ),
            models.CheckConstraint(
                condition=Q(starts_on=None)
                | Q(ends_on=None)
                | Q(starts_on__lte=models.F("ends_on")),
                name="%(app_label)s_%(class)s_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.supervisor_id} giám sát {self.organization_id}"


class FollowUp(TrackedItem, ItemRef):
    """A supervising body's request to the responsible body to consider and resolve an item
    ("đề nghị xem xét, giải quyết"), sent as a numbered official letter (công văn).

    It is a tracked item of the responsible body (``organization``), with its own clock.
    Lifecycle: open -> answered.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Chờ trả lời")
        ANSWERED = "answered", _("Đã trả lời")

    CLOSED = ("answered",)

    from_organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("cơ quan giám sát đề nghị"),
    )
    content = models.TextField(_("nội dung đề nghị"))
    sent_on = models.DateField(_("ngày đề nghị"))
    document = models.ForeignKey(
        "documents.Document",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("công văn đề nghị"),
    )
    answer = models.TextField(_("trả lời"), blank=True)
    answered_on = models.DateField(_("ngày trả lời"), null=True, blank=True)

    class Meta(TrackedItem.Meta):
        ordering = ["-sent_on", "-id"]
        verbose_name = _("đề nghị xem xét, giải quyết")
        verbose_name_plural = _("đề nghị xem xét, giải quyết")
        constraints = [
            *TrackedItem.Meta.constraints,
            models.CheckConstraint(
                condition=Q(status="open", answered_on=None)
                | Q(status="answered", answered_on__isnull=False),
                name="%(app_label)s_%(class)s_answered_on_iff_answered",
            ),
        ]
        indexes = [
            *TrackedItem.Meta.indexes,
            models.Index(fields=["item_type", "item_id"], name="casework_followup_item"),
        ]

    def __str__(self) -> str:
        return f"Đề nghị {self.reference}"

    def get_absolute_url(self) -> str:
        return reverse("casework:follow_up", kwargs={"public_id": self.public_id})

    def get_status_display(self) -> str:
        """The status in words, as pages show every item's ("Chờ trả lời"): the field is the
        shared ``TrackedItem.status``, which has no choices of its own."""
        if self.status in self.Status.values:
            return str(self.Status(self.status).label)
        return self.status


class Handover(BaseModel, ItemRef):
    """An item sent by one body to another (chuyển), with the receiving body's receipt.

    Lifecycle: sent -> acknowledged (the receiving body enters it in its own register, which
    creates ``received``) | refused (with a reason; the item goes back to the sender).
    ``matter_key`` and ``matter_kind`` let an area recognise the same matter sent again
    (letters: the content key and the kind of letter, TT 05/2021).
    """

    class Status(models.TextChoices):
        SENT = "sent", _("Đã chuyển, chờ xác nhận")
        ACKNOWLEDGED = "acknowledged", _("Đã nhận")
        REFUSED = "refused", _("Bị từ chối")

    public_id = models.UUIDField(_("mã công khai"), default=uuid.uuid4, unique=True, editable=False)
    from_organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("cơ quan chuyển"),
    )
    to_organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("cơ quan nhận"),
    )
    sent_on = models.DateField(_("ngày chuyển"))
    note = models.TextField(_("ghi chú"), blank=True)
    matter_key = models.CharField(_("khóa nội dung"), max_length=64, blank=True, db_index=True)
    matter_kind = models.CharField(_("loại nội dung"), max_length=24, blank=True)
    document = models.ForeignKey(
        "documents.Document",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("phiếu chuyển"),
    )
    status = models.CharField(_("trạng thái"), max_length=16, choices=Status, default="sent")
    acknowledged_at = models.DateTimeField(_("xác nhận lúc"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người xác nhận"),
    )
    received_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    received_id = models.PositiveBigIntegerField(
        _("việc vào sổ cơ quan nhận"), null=True, blank=True
    )
    received = GenericForeignKey("received_type", "received_id")
    refused_at = models.DateTimeField(_("từ chối lúc"), null=True, blank=True)
    refused_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người từ chối"),
    )
    refusal_reason = models.TextField(_("lý do từ chối"), blank=True)

    class Meta:
        ordering = ["-sent_on", "-id"]
        verbose_name = _("chuyển giữa các cơ quan")
        verbose_name_plural = _("chuyển giữa các cơ quan")
        indexes = [
            models.Index(fields=["item_type", "item_id"], name="casework_handover_item"),
            models.Index(fields=["to_organization", "status"], name="casework_handover_inbox"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_organization=models.F("to_organization")),
                name="%(app_label)s_%(class)s_not_to_self",
            ),
            models.CheckConstraint(
                condition=Q(status="sent", acknowledged_at=None, refused_at=None)
                | Q(
                    status="acknowledged",
                    acknowledged_at__isnull=False,
                    received_id__isnull=False,
                )
                | Q(status="refused", refused_at__isnull=False),
                name="%(app_label)s_%(class)s_receipt_complete",
            ),
        ]

    def __str__(self) -> str:
        return f"Chuyển {self.item_type_id}:{self.item_id} → {self.to_organization_id}"

    @property
    def is_acknowledged(self) -> bool:
        return self.status == self.Status.ACKNOWLEDGED
