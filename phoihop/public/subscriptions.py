"""E-mail subscriptions to the public site's news: double opt-in, signed links, and the
announcements mailed through the task layer (decision 0246).

A citizen asks with an address and topics; a confirmation link (signed, valid
``SUBSCRIPTION_CONFIRM_DAYS``) is mailed and nothing else is sent until it is followed. Every
announcement carries a signed unsubscribe link that never expires. The links hold the
subscription's public id signed with ``SECRET_KEY``; nothing secret is stored.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage, get_connection, send_mail
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from phoihop.accounts.services import system_actor
from phoihop.audit.services import audit_record
from phoihop.core.errors import ApplicationError
from phoihop.core.links import absolute_url
from phoihop.public.conf import setting
from phoihop.public.models import Announcement, Delivery, Subscription

CONFIRM_SALT = "phoihop.public.subscription.confirm"
UNSUBSCRIBE_SALT = "phoihop.public.subscription.unsubscribe"


class SubscriptionError(ApplicationError):
    """Bad input or a link that does not (or no longer) work."""


def email_normalise(email: str) -> str:
    """An address as stored and compared: trimmed, in lower case."""
    return (email or "").strip().lower()


def _topics(topics) -> str:
    chosen = [code for code in Subscription.Topic.values if code in set(topics)]
    if not chosen or len(chosen) != len(set(topics)):
        raise SubscriptionError("Chọn ít nhất một chủ đề hợp lệ.", code="topics")
    return ",".join(chosen)


def subscription_link(subscription: Subscription, purpose: str) -> str:
    """The absolute confirmation (*purpose* "confirm") or unsubscribe ("unsubscribe") link."""
    salt = CONFIRM_SALT if purpose == "confirm" else UNSUBSCRIBE_SALT
    token = signing.dumps(str(subscription.public_id), salt=salt)
    name = "public:subscription_confirm" if purpose == "confirm" else "public:unsubscribe"
    return absolute_url(reverse(name, kwargs={"token": token}))


def _from_token(token: str, purpose: str) -> Subscription:
    try:
        if purpose == "confirm":
            days = setting("SUBSCRIPTION_CONFIRM_DAYS")
            value = signing.loads(token, salt=CONFIRM_SALT, max_age=days * 86400)
        else:
            value = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        return Subscription.objects.select_for_update().get(public_id=value)
    except signing.SignatureExpired:
        raise SubscriptionError(
            "Đường dẫn xác nhận đã hết hạn. Vui lòng đăng ký lại.", code="expired"
        ) from None
    except (signing.BadSignature, Subscription.DoesNotExist, ValueError):
        raise SubscriptionError("Đường dẫn không hợp lệ.", code="token") from None


@transaction.atomic
def subscription_request(*, email: str, topics) -> Subscription:
    """Ask to receive *topics* at *email*: mails a confirmation link (after commit). Asking
    again before confirming, or with an address already confirmed, mails a new link; the
    topics change only when it is followed. The answer is the same whether or not the
    address was known, so the page tells nobody who subscribes.

    Records: ``public.subscription.requested``."""
    email = email_normalise(email)
    try:
        validate_email(email)
    except Exception:
        raise SubscriptionError("Địa chỉ thư điện tử không hợp lệ.", code="email") from None
    wanted = _topics(topics)
    live = Subscription.objects.select_for_update().filter(email=email, unsubscribed_at=None)
    subscription = live.first()
    if subscription is None:
        try:
            with transaction.atomic():
                subscription = Subscription.objects.create(
                    email=email,
                    requested_topics=wanted,
                    requested_at=timezone.now(),
                )
        except IntegrityError:  # the same address asked at the same moment
            subscription = live.get()
    subscription.requested_topics, subscription.requested_at = wanted, timezone.now()
    subscription.save(update_fields=["requested_topics", "requested_at", "updated_at"])
    audit_record(actor=system_actor(), event="public.subscription.requested", target=subscription)
    from phoihop.public.tasks import subscription_confirmation_mail

    pk = subscription.pk
    transaction.on_commit(lambda: subscription_confirmation_mail(pk))
    return subscription


def subscription_confirmation_send(*, subscription_id: int) -> bool:
    """Mail the confirmation link (a job; nothing is mailed to an unsubscribed address)."""
    subscription = Subscription.objects.filter(pk=subscription_id, unsubscribed_at=None).first()
    if subscription is None:
        return False
    labels = "; ".join(subscription.topic_labels("requested_topics"))
    send_mail(
        subject="[phoihop] Xác nhận đăng ký nhận tin",
        message=(
            f"Có người (có thể là bạn) đã đăng ký nhận tin qua thư điện tử: {labels}.\n\n"
            f"Để xác nhận, mở đường dẫn sau (trong {setting('SUBSCRIPTION_CONFIRM_DAYS')} "
            f"ngày):\n{subscription_link(subscription, 'confirm')}\n\n"
            "Nếu bạn không đăng ký, hãy bỏ qua thư này: bạn sẽ không nhận thêm thư nào."
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[subscription.email],
    )
    return True


@transaction.atomic
def subscription_confirm(*, token: str) -> Subscription:
    """Follow the confirmation link: the requested topics become the subscription's. Following
    it again changes nothing.

    Records: ``public.subscription.confirmed``."""
    subscription = _from_token(token, "confirm")
    if subscription.unsubscribed_at:
        raise SubscriptionError("Đăng ký này đã bị hủy. Vui lòng đăng ký lại.", code="cancelled")
    changed = subscription.topics != subscription.requested_topics
    if subscription.confirmed_at is None or changed:
        subscription.confirmed_at = subscription.confirmed_at or timezone.now()
        subscription.topics = subscription.requested_topics
        subscription.save(update_fields=["confirmed_at", "topics", "updated_at"])
        audit_record(
            actor=system_actor(), event="public.subscription.confirmed", target=subscription
        )
    return subscription


def subscription_for_unsubscribe(*, token: str) -> Subscription:
    """The subscription an unsubscribe link names (SubscriptionError if the link is bad)."""
    with transaction.atomic():
        return _from_token(token, "unsubscribe")


@transaction.atomic
def subscription_cancel(*, token: str) -> Subscription:
    """Follow the unsubscribe link: nothing more is mailed to the address. Idempotent.

    Records: ``public.subscription.cancelled``."""
    subscription = _from_token(token, "unsubscribe")
    if subscription.unsubscribed_at is None:
        subscription.unsubscribed_at = timezone.now()
        subscription.save(update_fields=["unsubscribed_at", "updated_at"])
        audit_record(
            actor=system_actor(), event="public.subscription.cancelled", target=subscription
        )
    return subscription


def announce(*, topic: str, key: str, title: str, path: str, body: str = "") -> None:
    """Tell the confirmed subscribers of *topic*, once per *key*: the announcement is stored
    in the caller's transaction and mailed by a job after commit. Call it from a service."""
    if topic not in Subscription.Topic.values:
        raise ValueError(topic)
    announcement, created = Announcement.objects.get_or_create(
        key=key[:120], defaults={"topic": topic, "title": title[:300], "body": body, "path": path}
    )
    if created:
        from phoihop.public.tasks import announcement_mail

        transaction.on_commit(lambda: announcement_mail(announcement.pk))


def announcement_deliver(*, announcement_id: int) -> int:
    """Mail one announcement to every confirmed subscriber of its topic not mailed yet (a
    retried job skips those already mailed). Returns how many were mailed.

    Subscribers are taken ``ANNOUNCEMENT_BATCH`` at a time, with a fixed number of queries per
    batch: their ``Delivery`` rows are created together, the unsent ones locked (a job running
    twice waits, then skips them), and those mailed marked sent in one update. A mail that
    fails stops the batch: those mailed before it are still marked sent, and the error is
    raised so that the job is retried for the rest."""
    announcement = Announcement.objects.get(pk=announcement_id)
    subscribers = Subscription.objects.filter(
        confirmed_at__isnull=False,
        unsubscribed_at=None,
        topics__contains=announcement.topic,
        confirmed_at__lte=announcement.created_at,
    ).order_by("id")
    size = setting("ANNOUNCEMENT_BATCH")
    link = absolute_url(announcement.path)
    text = "\n\n".join(part for part in (announcement.title, announcement.body, link) if part)
    sent, after = 0, 0
    while batch := list(subscribers.filter(id__gt=after).only("id", "public_id", "email")[:size]):
        after = batch[-1].id
        failure = None
        with transaction.atomic():
            Delivery.objects.bulk_create(
                [Delivery(announcement=announcement, subscription=s) for s in batch],
                ignore_conflicts=True,
            )
            unsent = set(
                Delivery.objects.select_for_update()
                .filter(announcement=announcement, subscription__in=batch, sent_at=None)
                .values_list("subscription_id", flat=True)
            )
            mailed = []
            try:
                with get_connection() as connection:
                    for subscription in (s for s in batch if s.id in unsent):
                        _announcement_message(announcement, text, subscription, connection).send()
                        mailed.append(subscription.id)
            except Exception as exc:  # the mail server failed: the job is retried for the rest
                failure = exc
            now = timezone.now()
            Delivery.objects.filter(announcement=announcement, subscription_id__in=mailed).update(
                sent_at=now, updated_at=now
            )
        sent += len(mailed)
        if failure is not None:
            raise failure
    return sent


def _announcement_message(announcement, text: str, subscription, connection) -> EmailMessage:
    leave = subscription_link(subscription, "unsubscribe")
    return EmailMessage(
        subject=f"[phoihop] {announcement.title}",
        body=f"{text}\n\n--\nBạn nhận thư này vì đã đăng ký nhận tin trên cổng công dân."
        f"\nHủy đăng ký: {leave}",
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscription.email],
        headers={"List-Unsubscribe": f"<{leave}>"},
        connection=connection,
    )
