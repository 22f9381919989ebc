from django.db.models import Q

from phoihop.access.policy import OrganizationGrantPolicy
from phoihop.access.registry import register_policy
from phoihop.deadlines.models import Deadline


@register_policy
class DeadlinePolicy(OrganizationGrantPolicy):
    """Deadlines follow their owning organization's grants (``deadlines.<action>_deadline``).

    The officer who owns a deadline may also view it and change it (extend, suspend, resume,
    complete) without a grant on the organization.
    """

    model = Deadline
    actions = ("view", "add", "change")

    def scope(self, user, action: str) -> Q:
        scope = super().scope(user, action)
        if user.is_superuser:
            # ``Q()`` admits every row; OR-ing an owner filter onto it would narrow it instead.
            return scope
        if action in ("view", "change") and user.is_authenticated and user.is_active:
            scope |= Q(owner=user)
        return scope
