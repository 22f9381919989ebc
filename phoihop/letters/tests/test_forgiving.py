"""A forgiving workflow: a wrong classification is corrected until acceptance; complexity is
marked when extending; only the steps valid for the letter's kind and state are offered."""

from datetime import date

import pytest

from phoihop.audit.models import AuditEvent
from phoihop.casework.errors import ItemStateError
from phoihop.deadlines.models import Deadline
from phoihop.letters.errors import LetterInputError
from phoihop.letters.forms import StepForm
from phoihop.letters.services import (
    letter_accept,
    letter_complexity_set,
    letter_extend,
    letter_reclassify,
)
from phoihop.letters.tests.factories import register


def _open_rules(letter) -> set[str]:
    return set(
        Deadline.objects.filter(
            target_type__model="letter", target_id=str(letter.pk), status="running"
        ).values_list("rule_id", flat=True)
    )


def test_reclassify_until_acceptance_moves_the_intake_clock_and_is_audited(tree, leader):
    letter = register(tree.own, actor=leader, kind="denunciation")
    assert "TC-01" in _open_rules(letter)
    with pytest.raises(LetterInputError):
        letter_reclassify(actor=leader, letter=letter, kind="complaint", reason=" ")
    letter = letter_reclassify(
        actor=leader, letter=letter, kind="complaint", reason="Yêu cầu xem xét lại quyết định."
    )
    assert letter.kind == "complaint" and letter.instance == 1
    assert _open_rules(letter) == {"XL-07", "KN-03"}
    event = AuditEvent.objects.get(event="letter.reclassified", target_id=str(letter.pk))
    assert event.data["kind"] == {"old": "denunciation", "new": "complaint"}
    assert event.data["reason"] == "Yêu cầu xem xét lại quyết định."
    letter_accept(actor=leader, letter=letter, on=date(2026, 6, 10))
    with pytest.raises(ItemStateError):
        letter_reclassify(actor=leader, letter=letter, kind="petition", reason="Sai")


def test_complaint_marked_complex_at_extension_gets_the_longer_period(tree, leader):
    letter = register(tree.own, actor=leader, kind="complaint")
    letter_accept(actor=leader, letter=letter, on=date(2026, 6, 10))
    clock = Deadline.objects.get(target_id=str(letter.pk), rule_id="KN-04")
    assert clock.due_on == date(2026, 7, 10)  # 30 days
    letter_complexity_set(
        actor=leader,
        letter=letter,
        is_complex=True,
        is_especially_complex=False,
        reason="Phải xác minh ở hai địa điểm.",
        on=date(2026, 7, 1),
    )
    clock.refresh_from_db()
    # 45 days for a complex case (Luật KN Đ28): Saturday 25/07, rolled to Monday
    assert clock.due_on == date(2026, 7, 27)
    assert AuditEvent.objects.filter(event="letter.complexity_set").count() == 1


def test_denunciation_marked_complex_at_extension_can_then_be_extended(tree, leader):
    letter = register(tree.own, actor=leader, kind="denunciation")
    letter_accept(actor=leader, letter=letter, on=date(2026, 6, 10))
    letter_complexity_set(
        actor=leader,
        letter=letter,
        is_complex=True,
        is_especially_complex=False,
        reason="Nhiều người bị tố cáo.",
        on=date(2026, 6, 25),
    )
    letter_extend(
        actor=leader, letter=letter, days=30, reason="Xác minh thêm", on=date(2026, 6, 25)
    )
    assert letter.__class__.objects.get(pk=letter.pk).is_complex


def test_only_valid_steps_are_offered(tree, leader):
    petition = register(tree.own, actor=leader, kind="petition")
    petition = letter_accept(actor=leader, letter=petition, on=date(2026, 6, 10))
    offered = dict(StepForm(letter=petition).fields["action"].choices)
    assert "notify" not in offered and "extend" not in offered and "publish" not in offered
    assert "resume" not in offered and "conclude" in offered

    denunciation = register(tree.own, actor=leader, kind="denunciation")
    denunciation = letter_accept(actor=leader, letter=denunciation, on=date(2026, 6, 10))
    offered = dict(StepForm(letter=denunciation).fields["action"].choices)
    assert {"notify", "extend", "suspend", "conclude"} <= set(offered)
    suspended = dict(StepForm(letter=denunciation, suspended=True).fields["action"].choices)
    assert "resume" in suspended and "suspend" not in suspended and "conclude" not in suspended
