"""Sending notifications: stored in-app, then e-mailed after commit by the task layer."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from phoihop.access.policy import require
from phoihop.audit.services import audit_record
from phoihop.core.links import absolute_url
from phoihop.notifications.models import Notification


def notification_send(
    *,
    recipient,
    title: str,
    body: str = "",
    url: str = "",
    dedupe_key: str = "",
    email: bool = True,
    actor,
) -> Notification | None:
    """Notify *recipient*; with *dedupe_key*, at most once per key. Returns None if a duplicate.

    Side effects: after commit, an e-mail job is queued if the recipient has an address.
    """
    if not recipient.is_active:
        return None
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                recipient=recipient, title=title[:300], body=body, url=url, dedupe_key=dedupe_key
            )
    except IntegrityError:
        if (
            dedupe_key
            and Notification.objects.filter(recipient=recipient, dedupe_key=dedupe_key).exists()
        ):
            return None
        raise
    if email and recipient.email:
        from phoihop.notifications.tasks import notification_email

        transaction.on_commit(lambda: notification_email(notification.pk))
    return notification


def notification_email_send(*, notification_id: int) -> bool:
    """E-mail one notification once (a retried job does not send twice)."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update()
            .select_related("recipient")
            .filter(pk=notification_id, emailed_at__isnull=True)
            .first()
        )
        if notification is None or not notification.recipient.email:
            return False
        send_mail(
            subject=f"[phoihop] {notification.title}",
            message=notification_email_text(notification),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[notification.recipient.email],
        )
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at", "updated_at"])
    return True


def notification_email_text(notification: Notification) -> str:
    """The e-mail body: the title, the details, and the address to open it at."""
    parts = [notification.title, notification.body]
    if notification.url:
        parts.append(f"Mở trên phoihop: {absolute_url(notification.url)}")
    return "\n\n".join(p for p in parts if p)


@transaction.atomic
def notification_mark_read(*, notification: Notification, actor) -> Notification:
    """Mark a notification read. Records: ``notification.read``."""
    require(actor, "change", notification)
    notification = Notification.objects.select_for_update().get(pk=notification.pk)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at", "updated_at"])
        audit_record(actor=actor, event="notification.read", target=notification)
    return notification


def notifications_read_on_open(*, viewer, url: str) -> int:
    """The viewer opened the page at *url*: their unread notifications pointing to it are read
    (an item's page marks the notice that led there, however the viewer reached it). Returns
    how many. One query when there is nothing to mark. Records: ``notification.read`` for
    each (:func:`notification_mark_read`)."""
    if not url or not getattr(viewer, "is_authenticated", False):
        return 0
    unread = list(Notification.objects.filter(recipient=viewer, url=url, read_at__isnull=True))
    for notification in unread:
        notification_mark_read(notification=notification, actor=viewer)
    return len(unread)
