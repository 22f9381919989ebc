"""Officials read the log by Vietnamese labels; the codes stay beside them for auditors."""

import pytest
from django.db import transaction
from django.urls import reverse

from phoihop.audit import registry
from phoihop.audit.registry import event_choices, register_event, registered_events
from phoihop.audit.services import audit_record
from phoihop.testing import make_user, signed_in_client


def test_every_registered_event_has_a_vietnamese_label():
    events = registered_events()
    assert len(events) > 100  # every module's audit_events.py is loaded
    unlabelled = {
        code: label
        for code, label in events.items()
        if not label.strip() or label == code or label.isascii() or not label[0].isupper()
    }
    assert unlabelled == {}


@pytest.mark.parametrize("label", ["", "  ", "letter.assigned"])
def test_an_event_without_a_label_is_refused(label, monkeypatch):
    monkeypatch.setattr(registry, "_EVENTS", dict(registry._EVENTS))
    with pytest.raises(ValueError, match="Vietnamese label"):
        register_event("letter.vanished", label)
    assert "letter.vanished" not in registered_events()


def test_filter_choices_are_in_vietnamese_order_and_name_a_shared_label(monkeypatch):
    monkeypatch.setattr(registry, "_EVENTS", {})
    register_event("b.made", "Đóng hồ sơ")
    register_event("a.made", "Duyệt")
    register_event("c.made", "Ẩn đơn")
    register_event("d.made", "Cấp khóa")
    register_event("e.made", "Cấp khóa")
    assert event_choices() == [
        ("c.made", "Ẩn đơn"),
        ("d.made", "Cấp khóa (d.made)"),
        ("e.made", "Cấp khóa (e.made)"),
        ("a.made", "Duyệt"),
        ("b.made", "Đóng hồ sơ"),
    ]


def test_the_admin_log_shows_and_filters_by_label(db, actor, tree):
    with transaction.atomic():
        audit_record(actor=actor, event="organization.changed", target=tree.own)
        audit_record(actor=actor, event="audit.verified", target=tree.own)
    client = signed_in_client(make_user("quan.tri", is_staff=True, is_superuser=True))
    url = reverse("admin:audit_auditevent_changelist")
    page = client.get(url).content.decode()
    label = registered_events()["organization.changed"]
    assert label in page
    assert '<code class="event-code">organization.changed</code>' in page
    assert f'<a href="?event=organization.changed">{label}</a>' in page
    filtered = client.get(url, {"event": "audit.verified"}).content.decode()
    assert '<code class="event-code">audit.verified</code>' in filtered
    assert '<code class="event-code">organization.changed</code>' not in filtered


def test_one_code_records_an_api_token_and_the_old_one_is_only_read(db, actor, tree):
    from phoihop.audit.registry import UnknownAuditEventError, event_codes, row_label

    assert "user.api_token_issued" not in registered_events()
    with pytest.raises(UnknownAuditEventError), transaction.atomic():
        audit_record(actor=actor, event="user.api_token_issued", target=tree.own)
    assert row_label("user.api_token_issued") == registered_events()["api.token.issued"]
    assert event_codes("api.token.issued") == ["api.token.issued", "user.api_token_issued"]
    assert [label for label in registered_events().values() if label == "Cấp khóa API"] == [
        "Cấp khóa API"
    ]


def test_labels_follow_the_interface_language():
    from django.utils import translation

    with translation.override("en"):
        english = registered_events()
        choices = dict(event_choices())
    assert english["letter.registered"] == "Letter entered in the register"
    assert choices["letter.registered"] == "Letter entered in the register"
    assert registered_events()["letter.registered"] == "Vào sổ đơn"
