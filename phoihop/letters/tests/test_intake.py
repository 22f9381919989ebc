from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from phoihop.audit.models import AuditEvent
from phoihop.casework.models import Handover
from phoihop.deadlines.models import Deadline
from phoihop.identity.models import Identity
from phoihop.letters.errors import (
    LetterAlreadyForwardedError,
    LetterInputError,
    LetterNotEligibleError,
)
from phoihop.letters.models import Letter
from phoihop.letters.services import (
    Sender,
    forwarding_acknowledge,
    letter_accept,
    letter_classify,
    letter_forward,
    letter_register,
    letter_split,
)
from phoihop.letters.tests.factories import MARKERS, register
from phoihop.testing import grant, make_user


def _clocks(letter):
    return {
        d.rule_id: d
        for d in Deadline.objects.filter(target_id=str(letter.pk), target_type__model="letter")
    }


def test_letter_register_numbers_strips_identity_and_starts_xl07(tree, clerk):
    content = f"Tôi là {MARKERS['full_name']}, ở {MARKERS['address']}, khiếu nại việc thu hồi đất."
    letter = letter_register(
        actor=clerk,
        organization=tree.own,
        channel="post",
        received_on=date(2026, 6, 8),
        content=content,
        sender=Sender(**MARKERS),
    )
    assert letter.reference == "01/2026/Đ-HDND"
    assert MARKERS["full_name"] not in letter.content
    assert MARKERS["address"] not in letter.content
    assert letter.sender.pseudonym.startswith("NG-")
    assert MARKERS["full_name"].encode() not in bytes(letter.sender.sealed)
    clocks = _clocks(letter)
    assert clocks["XL-07"].due_on == date(2026, 6, 22)
    assert letter.due_on == date(2026, 6, 22)
    event = AuditEvent.objects.get(event="letter.registered", target_id=str(letter.pk))
    assert event.actor == clerk
    assert MARKERS["full_name"] not in str(event.data)
    second = register(tree.own, actor=clerk)
    assert second.number == 2


def test_letter_register_same_idempotency_key_creates_one_letter(tree, clerk):
    first = register(tree.own, actor=clerk, idempotency_key="abc")
    again = register(tree.own, actor=clerk, idempotency_key="abc")
    assert first.pk == again.pk
    assert Letter.objects.count() == 1


def test_letter_register_refused_without_grant_changes_nothing(tree):
    stranger = make_user("nguoi.la")
    grant(stranger, "clerk", tree.other)
    with pytest.raises(PermissionDenied):
        register(tree.own, actor=stranger)
    assert not Letter.objects.exists()
    assert not Identity.objects.exists()


def test_letter_register_rejects_empty_content_in_vietnamese(tree, clerk):
    with pytest.raises(LetterInputError, match="không được để trống"):
        register(tree.own, actor=clerk, content="   ")


def test_letter_register_marks_same_content_as_duplicate(tree, clerk):
    first = register(tree.own, actor=clerk, content="Đường ĐT.816 xuống cấp nghiêm trọng.")
    second = register(tree.own, actor=clerk, content="đường ĐT.816  xuống cấp nghiêm trọng")
    assert second.duplicate_of == first


def test_letter_classify_complaint_starts_kn03(tree, leader):
    letter = register(tree.own, actor=leader)
    letter_classify(actor=leader, letter=letter, kind="complaint")
    assert _clocks(letter)["KN-03"].due_on == date(2026, 6, 18)


def test_letter_accept_complaint_starts_kn04_and_stops_intake(tree, leader):
    letter = register(tree.own, actor=leader, kind="complaint")
    letter = letter_accept(
        actor=leader, letter=letter, on=date(2026, 3, 20) if False else date(2026, 6, 10)
    )
    clocks = _clocks(letter)
    assert clocks["KN-04"].status == "running"
    assert clocks["XL-07"].status == "completed"
    assert clocks["KN-03"].status == "completed"
    assert letter.status == "accepted"


def test_letter_accept_unsigned_complaint_refused(tree, leader):
    letter = register(tree.own, actor=leader)
    letter_classify(actor=leader, letter=letter, kind="complaint", has_signature=False)
    with pytest.raises(LetterNotEligibleError, match="chữ ký"):
        letter_accept(actor=leader, letter=letter, on=date(2026, 6, 10))


def test_letter_accept_anonymous_denunciation_needs_violator_and_evidence(tree, leader):
    letter = register(tree.own, actor=leader, sender=Sender())
    assert letter.sender is None
    letter_classify(actor=leader, letter=letter, kind="denunciation", has_name_address=False)
    with pytest.raises(LetterNotEligibleError):
        letter_accept(actor=leader, letter=letter, on=date(2026, 6, 10))


def test_letter_split_makes_one_letter_per_content(tree, leader):
    letter = register(tree.own, actor=leader)
    parts = letter_split(
        actor=leader,
        letter=letter,
        parts=[
            ("complaint", "Khiếu nại quyết định thu hồi đất."),
            ("denunciation", "Tố cáo cán bộ địa chính nhận tiền."),
        ],
    )
    letter.refresh_from_db()
    assert letter.status == "split"
    assert [p.kind for p in parts] == ["complaint", "denunciation"]
    assert all(p.sender_id == letter.sender_id for p in parts)


def test_letter_forward_denunciation_only_once(tree, leader):
    first = register(
        tree.own, actor=leader, kind="denunciation", content="Tố cáo ông A nhận hối lộ"
    )
    letter_forward(actor=leader, letter=first, to_organization=tree.other, on=date(2026, 6, 9))
    again = register(
        tree.own, actor=leader, kind="denunciation", content="Tố cáo ông A nhận hối lộ"
    )
    with pytest.raises(LetterAlreadyForwardedError):
        letter_forward(actor=leader, letter=again, to_organization=tree.other, on=date(2026, 6, 9))
    assert Handover.objects.count() == 1


def test_forwarding_acknowledge_enters_receiving_register(tree, leader):
    letter = register(tree.own, actor=leader, kind="complaint")
    forwarding = letter_forward(
        actor=leader, letter=letter, to_organization=tree.other, on=date(2026, 6, 9)
    )
    receiver = make_user("ubnd.van.thu")
    grant(receiver, "clerk", tree.other)
    with pytest.raises(PermissionDenied):
        forwarding_acknowledge(actor=leader, forwarding=forwarding, on=date(2026, 6, 10))
    received = forwarding_acknowledge(actor=receiver, forwarding=forwarding, on=date(2026, 6, 10))
    assert received.organization == tree.other
    assert received.forwarded_from == tree.own
    assert received.sender.organization == tree.other
    assert received.sender.pseudonym != letter.sender.pseudonym
    # The forwarding body's leader supervises the received letter, read-only.
    assert Letter.objects.restrict(leader, "view").filter(pk=received.pk).exists()
    assert not Letter.objects.restrict(leader, "triage").filter(pk=received.pk).exists()
