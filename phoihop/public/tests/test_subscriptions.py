"""E-mail subscriptions: double opt-in, signed links, announcements through the task layer
when a session is convened or a resolution published, each mailed once (decision 0246)."""

import re
from datetime import date

import pytest
from django.core import mail, signing
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from phoihop.audit.models import AuditEvent
from phoihop.council import services as council
from phoihop.council.tests import factories as f
from phoihop.public import subscriptions as subs
from phoihop.public.models import Announcement, Delivery, Subscription

LINK = re.compile(r"http://testserver(/cong-dan/nhan-tin/[^\s]+/)")


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def _subscribe(client, email="cu.tri@example.vn", topics=("sessions", "resolutions"), **kw):
    return client.post(reverse("public:subscribe"), {"email": email, "topics": list(topics)}, **kw)


def _link(message) -> str:
    return LINK.search(message.body).group(1)


def _confirmed(email="cu.tri@example.vn", topics=("sessions", "resolutions")) -> Subscription:
    subscription = subs.subscription_request(email=email, topics=topics)
    token = signing.dumps(str(subscription.public_id), salt=subs.CONFIRM_SALT)
    return subs.subscription_confirm(token=token)


def test_double_opt_in_nothing_is_sent_before_the_link_is_followed(
    db, django_capture_on_commit_callbacks
):
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        response = _subscribe(client, email=" Cu.Tri@Example.VN ")
    assert response.status_code == 200 and "Kiểm tra hộp thư" in response.text
    (confirmation,) = mail.outbox
    assert confirmation.to == ["cu.tri@example.vn"]
    subscription = Subscription.objects.get()
    assert not subscription.active and subscription.topics == ""

    with django_capture_on_commit_callbacks(execute=True):
        subs.announce(topic="sessions", key="k1", title="Triệu tập kỳ họp", path="/x/")
    assert len(mail.outbox) == 1  # not confirmed: nothing more

    link = _link(confirmation)
    page = client.get(link)  # a mail scanner opening the link changes nothing
    assert page.status_code == 200 and "Xác nhận đăng ký" in page.text
    subscription.refresh_from_db()
    assert not subscription.active
    assert "Đã xác nhận" in client.post(link).text
    subscription.refresh_from_db()
    assert subscription.active and subscription.topics == "sessions,resolutions"
    assert client.post(link).status_code == 200  # following it again changes nothing
    assert AuditEvent.objects.filter(event="public.subscription.confirmed").count() == 1


def test_a_convened_session_and_a_published_resolution_are_announced_once(
    tree, leader, django_capture_on_commit_callbacks
):
    both = _confirmed("ca.hai@example.vn")
    _confirmed("chi.nghi.quyet@example.vn", topics=["resolutions"])
    with django_capture_on_commit_callbacks(execute=True):
        resolution = f.make_resolution(tree, actor=leader)  # its session is convened first
    session = resolution.session
    (message,) = mail.outbox
    assert message.to == [both.email] and session.title in message.subject
    assert f"#ky-hop-{session.public_id}" in message.body
    leave = _link(message)
    assert message.extra_headers["List-Unsubscribe"] == f"<http://testserver{leave}>"

    council.resolution_sign(
        actor=leader, resolution=resolution, on=date(2026, 12, 11), signer_name="Nguyễn Văn A"
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        council.resolution_publish(actor=leader, resolution=resolution, on=date(2026, 12, 12))
    assert sorted(m.to[0] for m in mail.outbox) == [both.email, "chi.nghi.quyet@example.vn"]
    assert resolution.symbol in mail.outbox[0].subject

    announcement = Announcement.objects.get(topic="resolutions")
    assert subs.announcement_deliver(announcement_id=announcement.pk) == 0  # a retried job
    assert len(mail.outbox) == 2 and Delivery.objects.filter(sent_at__isnull=False).count() == 3


def test_the_unsubscribe_link_stops_the_mail(db, django_capture_on_commit_callbacks):
    subscription = _confirmed()
    with django_capture_on_commit_callbacks(execute=True):
        subs.announce(topic="sessions", key="k1", title="Triệu tập kỳ họp thứ 5", path="/x/")
    link = _link(mail.outbox[0])
    client = Client()

    assert "Hủy đăng ký" in client.get(link).text
    subscription.refresh_from_db()
    assert subscription.active
    assert "Đã hủy đăng ký" in client.post(link).text
    subscription.refresh_from_db()
    assert not subscription.active and subscription.unsubscribed_at
    with django_capture_on_commit_callbacks(execute=True):
        subs.announce(topic="sessions", key="k2", title="Triệu tập kỳ họp thứ 6", path="/x/")
    assert len(mail.outbox) == 1
    assert client.post(link).status_code == 200  # twice: still unsubscribed, no error


def test_asking_again_changes_the_topics_only_once_confirmed(
    db, django_capture_on_commit_callbacks
):
    subscription = _confirmed(topics=["sessions"])
    with django_capture_on_commit_callbacks(execute=True):
        _subscribe(Client(), topics=["resolutions"])
    subscription.refresh_from_db()
    assert Subscription.objects.count() == 1 and subscription.topics == "sessions"
    Client().post(_link(mail.outbox[-1]))
    subscription.refresh_from_db()
    assert subscription.topics == "resolutions"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "khong-phai-thu", "topics": ["sessions"]}, "không hợp lệ"),
        ({"email": "a@example.vn"}, "chọn ít nhất một chủ đề"),
        ({"email": "a@example.vn", "topics": ["khac"]}, "không hợp lệ"),
    ],
)
def test_bad_input_gets_a_vietnamese_error_and_changes_nothing(db, data, message):
    response = Client().post(reverse("public:subscribe"), data)
    assert response.status_code == 200 and message in response.text
    assert not Subscription.objects.exists() and not mail.outbox


def test_a_forged_or_expired_link_is_refused(db, settings):
    subscription = subs.subscription_request(email="a@example.vn", topics=["sessions"])
    client = Client()
    forged = reverse("public:subscription_confirm", kwargs={"token": "abc:def"})
    assert client.post(forged).status_code == 400
    unsubscribe_token = signing.dumps(str(subscription.public_id), salt=subs.UNSUBSCRIBE_SALT)
    as_confirm = reverse("public:subscription_confirm", kwargs={"token": unsubscribe_token})
    assert "không hợp lệ" in client.post(as_confirm).text  # another purpose's signature

    settings.PHOIHOP_PUBLIC = {"SUBSCRIPTION_CONFIRM_DAYS": -1}
    token = signing.dumps(str(subscription.public_id), salt=subs.CONFIRM_SALT)
    response = client.post(reverse("public:subscription_confirm", kwargs={"token": token}))
    assert response.status_code == 400 and "hết hạn" in response.text
    subscription.refresh_from_db()
    assert not subscription.active


def test_subscribing_is_rate_limited_per_address(db, settings):
    settings.PHOIHOP_PUBLIC = {"SUBSCRIBE_PER_IP": (2, 3600)}
    client = Client(REMOTE_ADDR="203.0.113.7")
    for i in range(2):
        assert _subscribe(client, email=f"a{i}@example.vn").status_code == 200
    assert _subscribe(client, email="a9@example.vn").status_code == 429
    assert Subscription.objects.count() == 2


def test_announcements_need_a_known_topic(db):
    with pytest.raises(ValueError, match="khac"):
        subs.announce(topic="khac", key="k", title="t", path="/")
    assert not Announcement.objects.exists()
