"""People following an item: a notification on each step, and one e-mail digest a day."""

from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from phoihop.access.policy import require
from phoihop.accounts.services import system_actor
from phoihop.audit.services import audit_record
from phoihop.casework.models import Follower, Step, TrackedItem
from phoihop.core.links import absolute_url

# Progress notifications carry this prefix in their dedupe key; the digest collects them.
PROGRESS_KEY = "progress:"


def follow(item: TrackedItem, user) -> None:
    """Service-internal: *user* follows *item* (once)."""
    Follower.objects.get_or_create(
        item_type=ContentType.objects.get_for_model(item), item_id=item.pk, user=user
    )


@transaction.atomic
def item_follow(*, actor, item: TrackedItem) -> None:
    """*actor* follows the progress of an item they may see.

    Raises:
        PermissionDenied: actor may not see the item.

    Records: ``casework.followed``.
    """
    require(actor, "view", item)
    follow(item, actor)
    audit_record(actor=actor, event="casework.followed", target=item)


@transaction.atomic
def item_unfollow(*, actor, item: TrackedItem) -> None:
    """*actor* stops following an item. Records: ``casework.unfollowed``."""
    Follower.objects.filter(
        item_type=ContentType.objects.get_for_model(item), item_id=item.pk, user=actor
    ).delete()
    audit_record(actor=actor, event="casework.unfollowed", target=item)


def followers_notify(*, step_id: int) -> int:
    """Tell the followers of a step's item (except whoever took the step) in the app; the
    e-mail goes out in the daily digest. Returns the number notified."""
    from phoihop.notifications.services import notification_send

    step = Step.objects.select_related("item_type").get(pk=step_id)
    item = step.get_item()
    sent = 0
    followers = Follower.objects.filter(item_type=step.item_type, item_id=step.item_id).exclude(
        user_id=step.actor_id
    )
    for follower in followers.select_related("user"):
        with transaction.atomic():
            notification = notification_send(
                recipient=follower.user,
                title=f"{item}: {step.get_kind_display()}",
                body=step.note[:500],
                url=item.get_absolute_url(),
                dedupe_key=f"{PROGRESS_KEY}{step.pk}",
                email=False,
                actor=system_actor(),
            )
        sent += notification is not None
    return sent


def progress_digest_send(*, now=None) -> int:
    """E-mail each follower one digest of the progress notifications of the last day that
    have not been e-mailed; each notification is e-mailed once. Returns the e-mails sent."""
    from phoihop.notifications.models import Notification

    now = now or timezone.now()
    pending = (
        Notification.objects.filter(
            dedupe_key__startswith=PROGRESS_KEY,
            emailed_at__isnull=True,
            created_at__gte=now - timedelta(days=1),
            recipient__is_active=True,
        )
        .exclude(recipient__email="")
        .select_related("recipient")
        .order_by("recipient_id", "created_at", "id")
    )
    by_recipient: dict[int, list] = {}
    for notification in pending:
        by_recipient.setdefault(notification.recipient_id, []).append(notification)
    sent = 0
    for notifications in by_recipient.values():
        recipient = notifications[0].recipient
        lines = [
            f"- {n.created_at:%d/%m/%Y %H:%M} {n.title}\n  {absolute_url(n.url)}".rstrip()
            for n in notifications
        ]
        with transaction.atomic():
            send_mail(
                subject=f"[phoihop] Tiến độ các việc bạn theo dõi ({len(notifications)})",
                message="\n".join(lines),
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=[recipient.email],
            )
            Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(emailed_at=now)
        sent += 1
    return sent
