"""Who may do what with tracked items, follow-ups and supervision assignments.

``TrackedItemPolicy`` is the base every area's item policy extends: a body's staff act on
the items of their body by the kind's permissions; a supervising body sees, read-only, what it
supervises (``casework.scopes``) and may send follow-ups.
"""

from django.db.models import Q

from phoihop.access.grants import organization_scope
from phoihop.access.policy import OrganizationGrantPolicy, Policy
from phoihop.access.registry import register_policy
from phoihop.casework.models import FollowUp, Handover, SupervisionAssignment
from phoihop.casework.registry import item_kinds
from phoihop.casework.scopes import NONE, supervised_scope


def _of_kind(kind) -> Q:
    """Rows pointing at items of *kind* (by content type, joined: no query to build it)."""
    meta = kind.model._meta
    return Q(item_type__app_label=meta.app_label, item_type__model=meta.model_name)


class TrackedItemPolicy(OrganizationGrantPolicy):
    """Base for an area's item policy.

    - ``view``: the body's staff (``<app>.view_<model>``) and the supervising bodies;
    - ``work``: the body's staff only (who may be given the item, link it, answer for it);
    - ``assign``: ``ItemKind.assign_permission`` on the item's body;
    - ``supervise``: the supervising bodies (read-only; follow-up requests);
    - any other action: ``<app>.<action>_<model>`` on the item's body.
    """

    actions: tuple[str, ...] = ("view", "work", "assign", "supervise")

    def permission(self, action: str) -> str:
        kind = item_kinds.for_model(self.model)
        if action == "work":
            return kind.view_permission
        if action == "assign":
            return kind.assign_permission
        return super().permission(action)

    def scope(self, user, action: str) -> Q:
        if action not in self.actions:
            return NONE
        if action == "supervise":
            return supervised_scope(user, self.model)
        scope = organization_scope(user, self.permission(action), self.organization_field)
        if action == "view" and not user.is_superuser:
            scope |= supervised_scope(user, self.model)
        return scope


@register_policy
class FollowUpPolicy(Policy):
    """The responsible body sees and answers a follow-up about its item; the supervising body
    that sent it sees it too. The grants are those of the followed item's kind."""

    model = FollowUp
    actions = ("view", "work", "answer", "assign")

    def scope(self, user, action: str) -> Q:
        if action not in self.actions:
            return NONE
        scope = NONE
        for kind in item_kinds.values():
            if not kind.supervise_permission:
                continue
            of_kind = _of_kind(kind)
            permission = {
                "view": kind.view_permission,
                "work": kind.view_permission,
                "answer": kind.resolve_permission or kind.view_permission,
                "assign": kind.assign_permission,
            }[action]
            allowed = organization_scope(user, permission)
            if action == "view":
                allowed |= organization_scope(user, kind.supervise_permission, "from_organization")
            scope |= of_kind & allowed
        return scope


@register_policy
class SupervisionAssignmentPolicy(OrganizationGrantPolicy):
    """Administrators of the supervising body record its mandate; both bodies' staff see it."""

    model = SupervisionAssignment
    actions = ("view", "add", "change")
    organization_field = "supervisor"

    def scope(self, user, action: str) -> Q:
        scope = super().scope(user, action)
        if action == "view":
            scope |= organization_scope(user, "casework.view_supervisionassignment", "organization")
        return scope


@register_policy
class HandoverPolicy(Policy):
    """Both bodies see a handover (with the kind's view grant); the receiving body's intake
    staff (``ItemKind.receive_permission``) acknowledge or refuse it."""

    model = Handover
    actions = ("view", "acknowledge", "refuse")

    def scope(self, user, action: str) -> Q:
        if action not in self.actions:
            return NONE
        scope = NONE
        for kind in item_kinds.values():
            if not kind.receive_permission:
                continue
            of_kind = _of_kind(kind)
            if action == "view":
                allowed = organization_scope(
                    user, kind.view_permission, "from_organization"
                ) | organization_scope(user, kind.view_permission, "to_organization")
            else:
                allowed = organization_scope(user, kind.receive_permission, "to_organization")
            scope |= of_kind & allowed
        return scope
