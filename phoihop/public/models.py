"""What the public site keeps: the way back to a citizen's letter, and e-mail subscriptions."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from phoihop.core.models import BaseModel


class Submission(BaseModel):
    """A letter a citizen sent through the public site, and the credentials to follow it.

    The citizen keeps a tracking code (printed on every notice) and a secret access token; only
    a keyed hash of the token is stored, so a copy of the database does not open the status
    page. The idempotency key of the form makes a double submit land on the same letter.
    Lifecycle: created once, never changed.
    """

    tracking_code = models.CharField(_("mã tra cứu"), max_length=20, unique=True)
    token_hash = models.CharField(_("băm mã truy cập"), max_length=64)
    idempotency_key = models.UUIDField(_("khóa chống gửi trùng"), unique=True)
    letter_public_id = models.UUIDField(_("mã đơn"), unique=True)
    # The token sealed under a key derived from the idempotency key and SECRET_KEY, so that a
    # retried submit (the first answer was lost) can show it once to the holder of the key;
    # emptied when shown again. A copy of the database alone does not open it.
    sealed_token = models.BinaryField(_("mã truy cập (mã hóa, để hiện lại một lần)"), blank=True)
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="public_submissions",
        verbose_name=_("cơ quan nhận"),
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("đơn gửi qua cổng công dân")
        verbose_name_plural = _("đơn gửi qua cổng công dân")

    def __str__(self) -> str:
        return self.tracking_code


class Subscription(BaseModel):
    """A citizen's e-mail subscription to the public site's news (double opt-in).

    Lifecycle: requested (a confirmation link is mailed; nothing is sent to the address until
    it is followed) → confirmed (announcements of the chosen topics are mailed, each with a
    signed unsubscribe link) → unsubscribed (kept, so that the address is not mailed again;
    subscribing again starts a new request). Asking again with a confirmed address changes
    its topics only once the new link is followed (``requested_topics``).
    """

    class Topic(models.TextChoices):
        SESSIONS = "sessions", _("Kỳ họp HĐND được triệu tập")
        RESOLUTIONS = "resolutions", _("Nghị quyết, quyết định được công bố")

    public_id = models.UUIDField(_("mã công khai"), default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField(_("thư điện tử"), max_length=254)
    # Topic codes separated by commas ("resolutions,sessions"); no code contains another.
    topics = models.CharField(_("chủ đề đang nhận"), max_length=100, blank=True)
    requested_topics = models.CharField(_("chủ đề đề nghị"), max_length=100)
    requested_at = models.DateTimeField(_("lúc đề nghị"))
    confirmed_at = models.DateTimeField(_("lúc xác nhận"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("lúc hủy"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = _("đăng ký nhận tin")
        verbose_name_plural = _("đăng ký nhận tin")
        constraints = [
            models.UniqueConstraint(
                fields=["email"],
                condition=models.Q(unsubscribed_at__isnull=True),
                name="public_subscription_one_live_per_email",
            )
        ]

    def __str__(self) -> str:
        return self.email

    @property
    def active(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None

    def topic_labels(self, which: str = "topics") -> list[str]:
        codes = getattr(self, which).split(",")
        return [str(label) for code, label in self.Topic.choices if code in codes]


class Announcement(BaseModel):
    """News mailed to the confirmed subscribers of one topic (a session convened, a resolution
    published), once per *key*. Lifecycle: created once; its deliveries follow."""

    key = models.CharField(_("khóa"), max_length=120, unique=True)
    topic = models.CharField(_("chủ đề"), max_length=16, choices=Subscription.Topic)
    title = models.CharField(_("tiêu đề"), max_length=300)
    body = models.TextField(_("nội dung"), blank=True)
    path = models.CharField(_("đường dẫn"), max_length=300)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("thông báo cho người đăng ký")
        verbose_name_plural = _("thông báo cho người đăng ký")

    def __str__(self) -> str:
        return self.title


class Delivery(BaseModel):
    """One announcement mailed to one subscription: a retried job does not mail it twice."""

    announcement = models.ForeignKey(Announcement, on_delete=models.CASCADE, related_name="+")
    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(_("lúc gửi"), null=True, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("lần gửi thông báo")
        verbose_name_plural = _("lần gửi thông báo")
        constraints = [
            models.UniqueConstraint(
                fields=["announcement", "subscription"], name="public_delivery_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.announcement_id} → {self.subscription_id}"
