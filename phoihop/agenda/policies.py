from django.db.models import Q

from phoihop.access.grants import has_permission_anywhere
from phoihop.access.policy import OrganizationGrantPolicy
from phoihop.access.registry import register_policy
from phoihop.agenda.models import Engagement


@register_policy
class EngagementPolicy(OrganizationGrantPolicy):
    """Staff of a body see the shared calendar and add to their own body's part of it."""

    model = Engagement
    actions = ("view", "add", "change")

    def scope(self, user, action: str):
        if action == "view":
            # The calendar is shared between the bodies: any grant to read it shows all of it.
            return Q() if has_permission_anywhere(user, "agenda.view_engagement") else Q(pk__in=[])
        return super().scope(user, action)
