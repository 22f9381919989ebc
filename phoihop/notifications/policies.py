from django.db.models import Q

from phoihop.access.policy import Policy
from phoihop.access.registry import register_policy
from phoihop.notifications.models import Notification


@register_policy
class NotificationPolicy(Policy):
    """A notification is its recipient's alone."""

    model = Notification
    actions = ("view", "change")

    def scope(self, user, action: str) -> Q:
        if not (user.is_authenticated and user.is_active) or action not in self.actions:
            return Q(pk__in=[])
        return Q(recipient=user)
