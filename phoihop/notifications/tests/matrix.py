from phoihop.accounts.services import system_actor
from phoihop.notifications.models import Notification
from phoihop.notifications.services import notification_send

SUBJECTS = {
    Notification: lambda organization, user: notification_send(
        recipient=user, title="Thông báo thử", actor=system_actor(), email=False
    ),
}
