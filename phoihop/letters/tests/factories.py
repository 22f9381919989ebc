"""Letters built through the services, as the platform builds them."""

from datetime import date

from phoihop.accounts.services import system_actor
from phoihop.letters.models import Letter
from phoihop.letters.services import (
    Sender,
    letter_classify,
    letter_forward,
    letter_register,
)

MARKERS = {
    "full_name": "Nguyễn Văn Dấuvết-7Q",
    "address": "Số 9 ngõ Dấuvết-ADDR, phường Mộc",
    "phone": "0912 345 678",
    "email": "dauvet-mail@example.org",
    "id_number": "079123456789",
}


def marker_sender() -> Sender:
    return Sender(**MARKERS)


def register(
    organization, *, actor=None, content=None, kind=None, sender=None, on=None, **kwargs
) -> Letter:
    actor = actor or system_actor()
    letter = letter_register(
        actor=actor,
        organization=organization,
        channel=kwargs.pop("channel", Letter.Channel.POST),
        received_on=on or date(2026, 6, 8),
        content=content or "Tôi khiếu nại quyết định thu hồi đất số 12/QĐ-UBND của xã Mộc.",
        sender=sender if sender is not None else marker_sender(),
        **kwargs,
    )
    if kind:
        letter = letter_classify(actor=actor, letter=letter, kind=kind)
    return letter


def forwarded(source_org, target_org, *, kind="complaint", content=None):
    actor = system_actor()
    letter = register(source_org, kind=kind, content=content)
    return letter_forward(
        actor=actor, letter=letter, to_organization=target_org, on=date(2026, 6, 9)
    )
