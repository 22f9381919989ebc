"""The identity vault: who wrote a letter, kept apart from the case and encrypted.

Luật Tố cáo 2018 Đ47 and Đ56 (RULEBOOK TC-12…TC-16): the denouncer's name, address,
handwriting and other personal data are kept secret; they are stripped from the letter before
it reaches the people who verify it, and managed as classified (QĐ 774/QĐ-TTg lists them as a
state secret of the inspection sector). Cases refer to an identity only by its pseudonym.
"""

import secrets
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from phoihop.core.models import BaseModel

_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_pseudonym() -> str:
    """``NG-7K3F-2Q9M``: random, so nothing about the person can be read from it."""
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(8))
    return f"NG-{raw[:4]}-{raw[4:]}"


class Identity(BaseModel):
    """The sealed identity of one sender of one letter (or of one group of senders).

    Lifecycle: stored once at intake; read only through ``identity_reveal`` by accounts
    holding ``identity.read_identity`` on the body that holds it, each read audited; resealed
    on key rotation. Never shown elsewhere: pages, exports and messages use ``pseudonym``.
    """

    public_id = models.UUIDField(_("mã công khai"), default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("cơ quan lưu giữ"),
        # The vault may live in its own database (decision 0125): no cross-database constraint.
        db_constraint=False,
    )
    pseudonym = models.CharField(_("bí danh"), max_length=20, unique=True, default=new_pseudonym)
    sealed = models.BinaryField(_("dữ liệu mã hóa"))
    person_key = models.CharField(
        _("chỉ mục họ tên và địa chỉ"), max_length=64, blank=True, db_index=True, editable=False
    )
    id_number_key = models.CharField(
        _("chỉ mục số giấy tờ"), max_length=64, blank=True, db_index=True, editable=False
    )
    # The full name alone ("has this person written before?", for cleared officers only).
    name_key = models.CharField(
        _("chỉ mục họ tên"), max_length=64, blank=True, db_index=True, editable=False
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("danh tính người gửi đơn")
        verbose_name_plural = _("danh tính người gửi đơn")
        permissions = [("read_identity", _("Xem danh tính người gửi đơn (được phép tiếp cận)"))]

    def __str__(self) -> str:
        return self.pseudonym

    def __repr__(self) -> str:
        return f"<Identity {self.pseudonym}>"


class IdentityScan(BaseModel):
    """A scan of the letter or of an ID paper (it shows handwriting), sealed like the identity."""

    identity = models.ForeignKey(
        Identity, on_delete=models.PROTECT, related_name="scans", verbose_name=_("danh tính")
    )
    sealed_name = models.BinaryField(_("tên tệp (mã hóa)"))
    content_type = models.CharField(_("kiểu tệp"), max_length=100)
    size = models.PositiveIntegerField(_("dung lượng"))
    sealed = models.BinaryField(_("nội dung mã hóa"))

    class Meta:
        ordering = ["identity", "id"]
        verbose_name = _("bản quét có bút tích")
        verbose_name_plural = _("bản quét có bút tích")

    def __str__(self) -> str:
        return f"{self.identity.pseudonym} #{self.pk}"

    def __repr__(self) -> str:
        return f"<IdentityScan {self.pk}>"
