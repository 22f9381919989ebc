from django.db.models import Q

from phoihop.access.grants import organization_scope
from phoihop.access.models import Grant
from phoihop.access.policy import Policy
from phoihop.access.registry import register_policy
from phoihop.accounts.models import User


@register_policy
class UserPolicy(Policy):
    """Administrators see and disable the accounts granted roles in their organization subtree."""

    model = User
    actions = ("view", "disable")

    def scope(self, user, action: str) -> Q:
        if action not in self.actions:
            return Q(pk__in=[])
        if user.is_authenticated and user.is_superuser:
            return Q()
        grants = Grant.objects.filter(organization_scope(user, f"accounts.{action}_user"))
        return Q(pk__in=grants.values("user_id"))
