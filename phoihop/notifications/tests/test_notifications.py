from django.core import mail

from phoihop.notifications.models import Notification
from phoihop.notifications.services import notification_send
from phoihop.testing import make_user, signed_in_client


def test_notification_is_stored_and_emailed_after_commit(actor, django_capture_on_commit_callbacks):
    user = make_user("nhan.tin", email="nhan.tin@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        notification_send(
            recipient=user, title="Hồ sơ sắp đến hạn", body="Còn 2 ngày.", actor=actor
        )
    assert Notification.objects.filter(recipient=user).count() == 1
    assert len(mail.outbox) == 1
    assert "Hồ sơ sắp đến hạn" in mail.outbox[0].subject


def test_dedupe_key_sends_once(actor):
    user = make_user("nhan.tin")
    first = notification_send(recipient=user, title="A", dedupe_key="hạn:1:truoc", actor=actor)
    second = notification_send(recipient=user, title="A", dedupe_key="hạn:1:truoc", actor=actor)
    assert first is not None and second is None
    assert Notification.objects.filter(recipient=user).count() == 1


def test_mark_read_through_the_web(actor):
    user = make_user("nhan.tin")
    n = notification_send(recipient=user, title="Đọc tôi", actor=actor, email=False)
    client = signed_in_client(user)
    assert "Đọc tôi".encode() in client.get("/thong-bao/").content
    client.post(f"/thong-bao/{n.pk}/da-doc/")
    n.refresh_from_db()
    assert n.is_read
    other = make_user("nguoi.khac")
    assert signed_in_client(other).post(f"/thong-bao/{n.pk}/da-doc/").status_code == 404


def test_email_carries_an_address_that_opens_from_a_mail_client(
    actor, settings, django_capture_on_commit_callbacks
):
    settings.PHOIHOP_SITE_URL = "https://phoihop.example.gov.vn"
    user = make_user("nhan.tin", email="nhan.tin@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        notification_send(
            recipient=user, title="Bạn được giao xử lý đơn", url="/don/abc/", actor=actor
        )
    body = mail.outbox[0].body
    assert body.startswith("Bạn được giao xử lý đơn")
    assert "https://phoihop.example.gov.vn/don/abc/" in body
