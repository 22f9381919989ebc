"""Giving an item to a person: notified in the app and by e-mail, owner of its clocks, and the
one the deadline reminders reach."""

from datetime import date

import pytest
from django.core import mail
from django.urls import reverse

from phoihop.casework.errors import ItemInputError
from phoihop.casework.selectors import step_list
from phoihop.casework.services import item_assign
from phoihop.deadlines.selectors import deadline_item_list
from phoihop.deadlines.services import deadline_notify_due
from phoihop.letters.tests.factories import register
from phoihop.notifications.models import Notification
from phoihop.testing import grant, make_user, signed_in_client

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(tree):
    user = make_user("chuyen.vien", email="chuyen.vien@example.org", full_name="Lê Văn Xử")
    grant(user, "specialist", tree.own)
    return user


def test_assignee_is_notified_in_app_and_by_email(
    leader, officer, tree, django_capture_on_commit_callbacks
):
    letter = register(tree.own, kind="complaint")
    with django_capture_on_commit_callbacks(execute=True):
        item_assign(actor=leader, item=letter, assignee=officer, note="Xử lý gấp")
    letter.refresh_from_db()
    assert letter.assigned_to == officer
    notification = Notification.objects.get(recipient=officer)
    assert str(letter) in notification.title
    assert notification.url == letter.get_absolute_url()
    assert notification.body == "Xử lý gấp"
    # The e-mail went out through the task layer (immediate in tests).
    assert [m.to for m in mail.outbox] == [["chuyen.vien@example.org"]]


def test_clocks_and_reminders_follow_the_assignee(leader, officer, tree, actor):
    letter = register(tree.own, kind="complaint")
    clocks = list(deadline_item_list(target=letter).filter(status="running"))
    assert clocks and all(c.owner_id is None for c in clocks)
    item_assign(actor=leader, item=letter, assignee=officer)
    assert {c.owner_id for c in deadline_item_list(target=letter).filter(status="running")} == {
        officer.pk
    }
    due = min(c.due_on for c in clocks)
    sent = deadline_notify_due(today=due, actor=actor)
    assert sent >= 1
    titles = list(Notification.objects.filter(recipient=officer).values_list("title", flat=True))
    assert any("Hôm nay" in t and str(letter) in t for t in titles)


def test_assignee_must_work_in_the_body(leader, tree):
    outsider = make_user("ngoai.co.quan")
    grant(outsider, "specialist", tree.other)
    letter = register(tree.own)
    with pytest.raises(ItemInputError):
        item_assign(actor=leader, item=letter, assignee=outsider)
    letter.refresh_from_db()
    assert letter.assigned_to is None


def test_a_clerk_may_not_assign(clerk, officer, tree):
    from django.core.exceptions import PermissionDenied

    letter = register(tree.own)
    with pytest.raises(PermissionDenied):
        item_assign(actor=clerk, item=letter, assignee=officer)


def test_assign_from_the_letter_page(leader, officer, tree, django_capture_on_commit_callbacks):
    letter = register(tree.own)
    client = signed_in_client(leader)
    page = client.get(letter.get_absolute_url()).content.decode()
    assert reverse("casework:assign", args=["letters.letter", letter.public_id]) in page
    assert "Lê Văn Xử" in page  # offered as an assignee
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("casework:assign", args=["letters.letter", letter.public_id]),
            {"assignee": officer.pk, "note": ""},
        )
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.assigned_to == officer
    assert Notification.objects.filter(recipient=officer).count() == 1
    # The assignee signs in and sees it.
    inbox = signed_in_client(officer).get(reverse("web:notifications")).content.decode()
    assert str(letter) in inbox


def test_assign_through_the_api(leader, officer, tree):
    from rest_framework.test import APIClient

    letter = register(tree.own)
    client = APIClient()
    client.force_authenticate(leader)
    response = client.post(
        f"/api/letters/{letter.public_id}/assign", {"assignee": officer.username}, format="json"
    )
    assert response.status_code == 200, response.content
    letter.refresh_from_db()
    assert letter.assigned_to == officer
    bad = client.post(
        f"/api/letters/{letter.public_id}/assign", {"assignee": "ai-do"}, format="json"
    )
    assert bad.status_code == 400


def test_followers_hear_of_each_step_and_get_one_digest(
    leader, officer, tree, actor, django_capture_on_commit_callbacks
):
    from phoihop.casework.services import item_follow, progress_digest_send
    from phoihop.letters.services import letter_accept

    letter = register(tree.own, kind="complaint")
    with django_capture_on_commit_callbacks(execute=True):
        item_follow(actor=officer, item=letter)
        letter_accept(actor=leader, letter=letter, on=date(2026, 6, 10))
    progress = Notification.objects.filter(recipient=officer, dedupe_key__startswith="progress:")
    assert progress.count() == 1
    assert "Thụ lý" in progress.get().title
    mail.outbox.clear()
    assert progress_digest_send() == 1
    assert len(mail.outbox) == 1 and "Thụ lý" in mail.outbox[0].body
    assert progress_digest_send() == 0  # each notification is e-mailed once
    assert step_list(item=letter).filter(kind="accepted").exists()


def test_a_refused_assignment_keeps_the_note_on_the_item_page(leader, officer, tree):
    """The item panel shows the refused form again: the note typed, the error beside it."""
    letter = register(tree.own, kind="complaint")
    client = signed_in_client(leader)
    url = reverse("casework:assign", args=["letters.letter", letter.public_id])
    page = client.post(url, {"assignee": "", "note": "Xử lý gấp trong tuần"}, follow=True)
    letter.refresh_from_db()
    assert letter.assigned_to is None
    form = page.context["assign_form"]
    assert form.errors["assignee"]
    text = page.content.decode()
    assert 'value="Xử lý gấp trong tuần"' in text and 'id="assign-assignee_error"' in text
    # Shown once: the page opened again has an empty form.
    assert not client.get(letter.get_absolute_url()).context["assign_form"].is_bound
