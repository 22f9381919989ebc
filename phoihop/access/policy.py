"""Policies decide, per object, what an account may do. One entry point each for lists
(``Model.objects.restrict(user, action)``), actions (``require``) and templates (``can``)."""

from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q

from phoihop.access.grants import granted_organization_ids, organization_scope
from phoihop.access.registry import policy_for
from phoihop.core.types import Account


class Policy:
    """What users may do with one model.

    Subclass, set ``model`` and ``actions``, and answer ``scope(user, action) -> Q``.
    ``allows`` checks the stored row, not the in-memory instance.
    """

    model: type[Model]
    actions: tuple[str, ...] = ("view",)

    def scope(self, user: Account, action: str) -> Q:
        raise NotImplementedError

    def allows(self, user: Account, action: str, obj: Model) -> bool:
        if action not in self.actions:
            return False
        return self.model._default_manager.filter(self.scope(user, action), pk=obj.pk).exists()


class OrganizationGrantPolicy(Policy):
    """Allowed where the account holds ``<app>.<action>_<model>`` on the object's organization.

    ``organization_field`` is the path from the model to its owning ``Organization``.
    """

    organization_field = "organization"

    def permission(self, action: str) -> str:
        meta = self.model._meta
        return f"{meta.app_label}.{action}_{meta.model_name}"

    def scope(self, user: Account, action: str) -> Q:
        if action not in self.actions:
            return Q(pk__in=[])
        return organization_scope(user, self.permission(action), self.organization_field)


def can(user: Account, action: str, obj: Model) -> bool:
    """True if *user* may do *action* on *obj* (for templates and pre-checks)."""
    return policy_for(type(obj)).allows(user, action, obj)


def require(user: Account, action: str, obj: Model) -> None:
    """Raise ``PermissionDenied`` (403) unless *user* may do *action* on *obj*."""
    if not can(user, action, obj):
        raise PermissionDenied


def allowed_in(user: Account, permission: str, organization: Model) -> bool:
    """True if *user* holds *permission* on *organization* itself (to add items to a body)."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or organization.pk in granted_organization_ids(user, permission)


def require_in(user: Account, permission: str, organization: Model) -> None:
    """Raise ``PermissionDenied`` unless *user* holds *permission* on *organization*."""
    if not allowed_in(user, permission, organization):
        raise PermissionDenied
