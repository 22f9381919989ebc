"""What the public site keeps of a citizen's online submission: the way back to the letter."""

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
