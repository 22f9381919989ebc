from django.db.models import Q

from phoihop.access.grants import organization_scope
from phoihop.access.policies import DirectoryPolicy
from phoihop.access.policy import OrganizationGrantPolicy, Policy
from phoihop.access.registry import register_policy
from phoihop.organizations.models import (
    AdminUnit,
    Constituency,
    Deputy,
    Membership,
    Organization,
    Person,
    Post,
    Succession,
    Term,
)


@register_policy
class OrganizationPolicy(Policy):
    """Every signed-in account reads the directory of bodies; administrators of a unit change it."""

    model = Organization
    actions = ("view", "change")

    def scope(self, user, action: str) -> Q:
        if not (user.is_authenticated and user.is_active) or action not in self.actions:
            return Q(pk__in=[])
        if action == "view":
            return Q()
        return organization_scope(user, "organizations.change_organization", field="")


@register_policy
class PersonPolicy(Policy):
    """Staff see the people of the organizations they hold ``view_person`` in (personal data)."""

    model = Person
    actions = ("view", "change")

    def scope(self, user, action: str) -> Q:
        if action not in self.actions:
            return Q(pk__in=[])
        memberships = Membership.objects.filter(
            organization_scope(user, f"organizations.{action}_person")
        )
        if user.is_authenticated and user.is_superuser:
            return Q()
        return Q(pk__in=memberships.values("person_id"))


@register_policy
class MembershipPolicy(OrganizationGrantPolicy):
    model = Membership
    actions = ("view", "change")


for _model in (AdminUnit, Succession, Term, Constituency, Deputy, Post):
    register_policy(type(f"{_model.__name__}Policy", (DirectoryPolicy,), {"model": _model}))
