"""Marking a letter as a duplicate of an earlier one (TT 05/2021: the same person, the same
matter)."""

import pytest
from django.core.exceptions import PermissionDenied

from phoihop.audit.models import AuditEvent
from phoihop.casework.selectors import step_list
from phoihop.letters.errors import LetterInputError
from phoihop.letters.services import letter_mark_duplicate
from phoihop.letters.tests.factories import register
from phoihop.testing import grant, make_user


@pytest.fixture
def specialist(tree):
    user = make_user("chuyen.vien")
    grant(user, "specialist", tree.own)
    return user


def test_letter_mark_duplicate_links_step_and_event(tree, specialist):
    original = register(tree.own, content="Khiếu nại thu hồi đất ở xã Mộc, lần đầu")
    repeat = register(tree.own, content="Khiếu nại thu hồi đất ở xã Mộc, gửi lại")

    letter = letter_mark_duplicate(actor=specialist, letter=repeat, original=original)

    assert letter.duplicate_of == original
    step = step_list(item=letter).get(kind="duplicate")
    assert original.reference in step.note
    event = AuditEvent.objects.get(event="letter.duplicate_marked", target_id=str(repeat.pk))
    assert event.actor == specialist
    assert event.data["duplicate_of"] == {"old": None, "new": original.pk}


def test_letter_mark_duplicate_refuses_itself(tree, specialist):
    letter = register(tree.own)
    with pytest.raises(LetterInputError):
        letter_mark_duplicate(actor=specialist, letter=letter, original=letter)
    letter.refresh_from_db()
    assert letter.duplicate_of is None


def test_letter_mark_duplicate_needs_triage_and_sight_of_the_original(tree, specialist, clerk):
    original, repeat = register(tree.own), register(tree.own, content="Kiến nghị sửa đường")
    with pytest.raises(PermissionDenied):  # a clerk registers letters but does not triage
        letter_mark_duplicate(actor=clerk, letter=repeat, original=original)
    elsewhere = register(tree.other)
    with pytest.raises(PermissionDenied):  # the original is another body's, not visible
        letter_mark_duplicate(actor=specialist, letter=repeat, original=elsewhere)
    assert not AuditEvent.objects.filter(event="letter.duplicate_marked").exists()
