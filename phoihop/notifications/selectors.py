from django.db.models import QuerySet

from phoihop.notifications.models import Notification


def notification_list(*, viewer, unread_only: bool = False) -> QuerySet[Notification]:
    qs = Notification.objects.restrict(viewer, "view")
    return qs.filter(read_at__isnull=True) if unread_only else qs


def notification_unread_count(*, viewer) -> int:
    return notification_list(viewer=viewer, unread_only=True).count()
