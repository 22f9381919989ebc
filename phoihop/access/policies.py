from django.db.models import Q

from phoihop.access.grants import has_permission_anywhere
from phoihop.access.models import Grant, Role
from phoihop.access.policy import OrganizationGrantPolicy, Policy
from phoihop.access.registry import register_policy
from phoihop.audit.models import AuditEvent
from phoihop.core.types import Account


@register_policy
class GrantPolicy(OrganizationGrantPolicy):
    """Administrators see and change grants on their organization subtree."""

    model = Grant
    actions = ("view", "change")


@register_policy
class RolePolicy(Policy):
    """Every signed-in account may read the roles; they change only through ``roles.toml``."""

    model = Role
    actions = ("view",)

    def scope(self, user: Account, action: str) -> Q:
        ok = action == "view" and user.is_authenticated and user.is_active
        return Q() if ok else Q(pk__in=[])


@register_policy
class AuditEventPolicy(OrganizationGrantPolicy):
    """Leaders, supervisors and administrators read the log of their organization subtree.

    Registered here rather than in ``audit``: the log sits below ``access`` (everyone writes it),
    so ``audit`` cannot import the policy base.
    """

    model = AuditEvent
    actions = ("view",)


class DirectoryPolicy(Policy):
    """Reference data every signed-in account reads; administrators change it."""

    actions = ("view", "change")
    change_permission = "organizations.change_organization"

    def scope(self, user: Account, action: str) -> Q:
        if not (user.is_authenticated and user.is_active) or action not in self.actions:
            return Q(pk__in=[])
        if action == "view" or has_permission_anywhere(user, self.change_permission):
            return Q()
        return Q(pk__in=[])
