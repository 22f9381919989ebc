"""E-mail subscriptions: double opt-in, signed links, announcements through the task layer
when a session is convened or a resolution published, each mailed once (decision 0246)."""

import re
from datetime import date, timedelta

import pytest
from django.core import mail, signing
from django.core.cache import cache
from django.core.mail.backends import locmem
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from phoihop.audit.models import AuditEvent
from phoihop.council import services as council
from phoihop.council.tests import factories as f
from phoihop.public import ratelimit
from phoihop.public import subscriptions as subs
from phoihop.public.models import Announcement, Delivery, Subscription

LINK = re.compile(r"http://testserver(/cong-dan/nhan-tin/[^\s]+/)")
CSRF = re.compile(r'"X-CSRFToken": "[^"]+"|name="csrfmiddlewaretoken" value="[^"]+"')


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


def test_subscribing_is_rate_limited_per_client_address(db, settings):
    settings.PHOIHOP_PUBLIC = {"SUBSCRIBE_PER_IP": (2, 3600)}
    client = Client(REMOTE_ADDR="203.0.113.7")
    for i in range(2):
        assert _subscribe(client, email=f"a{i}@example.vn").status_code == 200
    assert _subscribe(client, email="a9@example.vn").status_code == 429
    assert Subscription.objects.count() == 2


def _from_many_machines(variants) -> list[tuple[int, str]]:
    """Ask for each address of *variants* from a machine of its own: (status, page) each."""
    answers = []
    for i, email in enumerate(variants):
        response = _subscribe(Client(REMOTE_ADDR=f"198.51.100.{i}"), email=email)
        answers.append((response.status_code, CSRF.sub("", response.text)))
    return answers


def test_one_mailbox_is_limited_whoever_asks_and_the_page_tells_nobody_it_subscribes(
    db, settings, django_capture_on_commit_callbacks
):
    settings.PHOIHOP_PUBLIC = {"SUBSCRIBE_PER_IP": (2, 3600), "SUBSCRIBE_PER_EMAIL": (3, 86400)}
    _confirmed("nan.nhan@gmail.com")  # a known subscriber
    cache.clear()
    mail.outbox.clear()
    # Sub-addresses, case and the dots Gmail ignores reach the same mailbox.
    variants = [
        "{a}.{b}@gmail.com",
        "{A}.{B}+tin@Gmail.com",
        "{a}{b}@googlemail.com",
        "{a}.{b}+1@gmail.com",
        "{a}{b}@gmail.com",
    ]
    names = {"a": "nan", "b": "nhan", "A": "Nan", "B": "NHAN"}
    with django_capture_on_commit_callbacks(execute=True):
        known = _from_many_machines([v.format(**names) for v in variants])
    assert [status for status, _ in known] == [200, 200, 200, 429, 429]
    assert len(mail.outbox) == 3  # no more confirmation mails, whichever machine asks
    assert "thư xác nhận đã gửi trước đó" in known[-1][1].lower()

    # An address nobody subscribed gets the very same pages.
    with django_capture_on_commit_callbacks(execute=True):
        unknown = _from_many_machines(
            [v.format(a="moi", b="den", A="Moi", B="DEN") for v in variants]
        )
    assert unknown == known
    assert len(mail.outbox) == 6
    # Another mailbox is not held back, and the per-machine limit still counts.
    machine = Client(REMOTE_ADDR="198.51.100.99")
    answers = [_subscribe(machine, email=f"khac{i}@example.vn").status_code for i in range(3)]
    assert answers == [200, 200, 429]
    # The cache holds keyed hashes only, never an address (LocMemCache keeps its keys in _cache).
    keys = " ".join(cache._cache)
    assert "phoihop:rl:subscribe_email:" in keys
    assert not any(part in keys for part in ("nhan", "den", "gmail", "198.51.100", "example"))


def test_mailbox_ignores_what_does_not_change_where_mail_goes():
    assert ratelimit.mailbox(" An.Nguyen+tin@Example.VN ") == "an.nguyen@example.vn"
    assert ratelimit.mailbox("a.n+x@googlemail.com") == ratelimit.mailbox("an@gmail.com")


def test_the_form_is_drawn_by_the_shared_field_template(db):
    page = Client().get(reverse("public:subscribe")).text
    for _, label in Subscription.Topic.choices:
        assert page.count(str(label)) == 1
    assert '<fieldset class="choices"' in page and "<legend>Nhận tin khi</legend>" in page

    page = Client().post(reverse("public:subscribe"), {"email": "khong-phai-thu"}).text
    assert 'aria-invalid="true"' in page and 'aria-describedby="id_email_error"' in page
    assert '<fieldset class="choices" aria-describedby="id_topics_error">' in page
    assert 'id="id_topics_error"' in page and "Vui lòng chọn ít nhất một chủ đề." in page


def _subscribers(count: int, topic: str = "sessions") -> list[Subscription]:
    now = timezone.now() - timedelta(minutes=1)
    return Subscription.objects.bulk_create(
        Subscription(
            email=f"nguoi.{topic}.{i}@example.vn",
            topics=topic,
            requested_topics=topic,
            requested_at=now,
            confirmed_at=now,
        )
        for i in range(count)
    )


def _announcement(key: str, topic: str = "sessions") -> Announcement:
    return Announcement.objects.create(key=key, topic=topic, title=f"Tin {key}", path="/x/")


def test_mailing_costs_the_same_queries_for_3_or_30_subscribers(db, settings):
    settings.PHOIHOP_PUBLIC = {"ANNOUNCEMENT_BATCH": 50}
    _subscribers(3, "sessions")
    _subscribers(30, "resolutions")
    few, many = _announcement("few", "sessions"), _announcement("many", "resolutions")
    with CaptureQueriesContext(connection) as for_few:
        assert subs.announcement_deliver(announcement_id=few.pk) == 3
    with CaptureQueriesContext(connection) as for_many:
        assert subs.announcement_deliver(announcement_id=many.pk) == 30
    # One read of the announcement, then a few queries per batch: none per subscriber.
    assert len(for_few) == len(for_many) <= 10, [q["sql"] for q in for_many]
    # Each subscriber got one mail with an unsubscribe link of their own.
    assert len(mail.outbox) == 33 and len({_link(m) for m in mail.outbox}) == 33
    assert Delivery.objects.filter(sent_at__isnull=False).count() == 33

    # In batches of 10, a few more queries per batch, not per subscriber.
    settings.PHOIHOP_PUBLIC = {"ANNOUNCEMENT_BATCH": 10}
    again = _announcement("again", "resolutions")
    with CaptureQueriesContext(connection) as batched:
        assert subs.announcement_deliver(announcement_id=again.pk) == 30
    assert len(batched) <= 3 * len(for_many) < 30, len(batched)


def test_a_mail_that_fails_stops_the_job_and_the_retry_mails_only_the_rest(db, monkeypatch):
    _subscribers(5)
    announcement = _announcement("k")
    send = locmem.EmailBackend.send_messages

    def failing(self, messages):
        if any(m.to == ["nguoi.sessions.2@example.vn"] for m in messages):
            raise OSError("máy chủ thư không trả lời")
        return send(self, messages)

    monkeypatch.setattr(locmem.EmailBackend, "send_messages", failing)
    with pytest.raises(OSError, match="không trả lời"):
        subs.announcement_deliver(announcement_id=announcement.pk)
    assert [m.to[0] for m in mail.outbox] == [f"nguoi.sessions.{i}@example.vn" for i in (0, 1)]
    assert Delivery.objects.filter(sent_at__isnull=False).count() == 2

    monkeypatch.setattr(locmem.EmailBackend, "send_messages", send)
    assert subs.announcement_deliver(announcement_id=announcement.pk) == 3  # the retried job
    assert sorted(m.to[0] for m in mail.outbox) == [
        f"nguoi.sessions.{i}@example.vn" for i in range(5)
    ]
    assert subs.announcement_deliver(announcement_id=announcement.pk) == 0


def test_announcements_need_a_known_topic(db):
    with pytest.raises(ValueError, match="khac"):
        subs.announce(topic="khac", key="k", title="t", path="/")
    assert not Announcement.objects.exists()
