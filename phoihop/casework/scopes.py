"""What a supervising body may see: the items handed down its chain, and the items inside
its supervision assignments. Item policies OR this into their ``view`` scope."""

from django.db.models import Q

from phoihop.access.grants import (
    granted_organization_ids,
    organization_scope,
    organizations_with_any_grant,
)
from phoihop.casework.models import SupervisionAssignment
from phoihop.casework.registry import ItemKind, item_kinds

NONE = Q(pk__in=[])
_CACHE_ATTR = "_phoihop_supervision_assignments"


def _assignments(user, permission: str) -> list[SupervisionAssignment]:
    """The live assignments of the bodies where *user* holds *permission*: the assignments of
    every body the user holds any grant in are read once (cached per request), then picked
    per permission."""
    cache = getattr(user, _CACHE_ATTR, None)
    if cache is None:
        live = list(
            SupervisionAssignment.objects.filter(
                supervisor_id__in=organizations_with_any_grant(user), revoked_at__isnull=True
            ).select_related("organization")
        )
        cache = {"": live}
        setattr(user, _CACHE_ATTR, cache)
    if permission not in cache:
        supervisors = set(granted_organization_ids(user, permission))
        cache[permission] = [a for a in cache[""] if a.supervisor_id in supervisors]
    return cache[permission]


def assignment_q(assignment: SupervisionAssignment, kind: ItemKind) -> Q:
    """The items of *kind* inside one assignment: its subtree, fields and period."""
    org = assignment.organization
    q = (
        Q(organization__path__startswith=org.path)
        if assignment.include_subtree
        else Q(organization_id=org.pk)
    )
    if assignment.fields and kind.field_field:
        q &= Q(**{f"{kind.field_field}__in": assignment.fields})
    if assignment.starts_on:
        q &= Q(**{f"{kind.date_field}__gte": assignment.starts_on})
    if assignment.ends_on:
        q &= Q(**{f"{kind.date_field}__lte": assignment.ends_on})
    return q


def supervised_assignments(user, kind: ItemKind) -> list[SupervisionAssignment]:
    if not kind.supervise_permission or not user.is_authenticated or not user.is_active:
        return []
    return [a for a in _assignments(user, kind.supervise_permission) if kind.code in a.item_kinds]


def supervised_scope(user, model) -> Q:
    """The items of *model* that *user* supervises: by chain (``ItemKind.chain_field``) and by
    scope (``SupervisionAssignment``)."""
    kind = item_kinds.for_model(model)
    if not kind.supervise_permission or not user.is_authenticated or not user.is_active:
        return NONE
    if user.is_superuser:
        return Q()
    scope = (
        organization_scope(user, kind.supervise_permission, kind.chain_field)
        if kind.chain_field
        else NONE
    )
    for assignment in supervised_assignments(user, kind):
        scope |= assignment_q(assignment, kind)
    return scope


def forget_assignments(user) -> None:
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)
