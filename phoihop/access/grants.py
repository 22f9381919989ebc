"""Which organizations an account holds a permission in (cached for the request)."""

from django.db.models import Q

from phoihop.access.models import Grant

_CACHE_ATTR = "_phoihop_permission_orgs"


def _permission_paths(user) -> dict[str, list[tuple[str, bool]]]:
    cache = getattr(user, _CACHE_ATTR, None)
    if cache is not None:
        return cache
    cache = {}
    grants = (
        Grant.objects.filter(user=user, revoked_at__isnull=True)
        .select_related("role", "organization")
        .only("include_subtree", "role__permissions", "organization__path")
    )
    for grant in grants:
        for perm in grant.role.permissions:
            cache.setdefault(perm, []).append((grant.organization.path, grant.include_subtree))
    setattr(user, _CACHE_ATTR, cache)
    return cache


def forget_grants(user) -> None:
    if hasattr(user, _CACHE_ATTR):
        delattr(user, _CACHE_ATTR)


def organization_scope(user, permission: str, field: str = "organization") -> Q:
    """A filter on ``<field>`` matching the organizations where *user* holds *permission*."""
    if not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    if user.is_superuser:
        return Q()
    from phoihop.organizations.models import Organization

    paths = _permission_paths(user).get(permission, [])
    if not paths:
        return Q(pk__in=[])
    q = Q(pk__in=[])
    for path, subtree in paths:
        q |= Q(path__startswith=path) if subtree else Q(path=path)
    # A subquery over the (small) organization table lets the database use the filtered
    # table's foreign-key index instead of joining every row to its organization's path.
    granted = Organization.objects.filter(q).values("pk")
    return Q(**{f"{field}__in" if field else "pk__in": granted})


def has_permission_anywhere(user, permission: str) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or bool(_permission_paths(user).get(permission))
