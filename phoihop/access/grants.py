"""Which organizations an account holds a permission in (cached for the request)."""

from django.db.models import Q

from phoihop.access.models import Grant

_CACHE_ATTR = "_phoihop_permission_orgs"
_IDS_CACHE_ATTR = "_phoihop_permission_org_ids"


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
    for attr in (_CACHE_ATTR, _IDS_CACHE_ATTR):
        if hasattr(user, attr):
            delattr(user, attr)


def granted_organization_ids(user, permission: str) -> list[int]:
    """Ids of the organizations where *user* holds *permission* (cached for the request)."""
    from phoihop.organizations.models import Organization

    cache = getattr(user, _IDS_CACHE_ATTR, None)
    if cache is None:
        cache = {}
        setattr(user, _IDS_CACHE_ATTR, cache)
    if permission not in cache:
        q = Q(pk__in=[])
        for path, subtree in _permission_paths(user).get(permission, []):
            q |= Q(path__startswith=path) if subtree else Q(path=path)
        cache[permission] = sorted(Organization.objects.filter(q).values_list("pk", flat=True))
    return cache[permission]


def organization_scope(user, permission: str, field: str = "organization") -> Q:
    """A filter on ``<field>`` matching the organizations where *user* holds *permission*."""
    if not user.is_authenticated or not user.is_active:
        return Q(pk__in=[])
    if user.is_superuser:
        return Q()
    # The ids themselves, not a subquery: the (small) organization table is read once per
    # request, and the planner sees the values, so it can weigh the foreign-key index of a
    # body with few letters against the register's order index (docs/letters-benchmark.md).
    ids = granted_organization_ids(user, permission)
    return Q(**{f"{field}__in" if field else "pk__in": ids})


def has_permission_anywhere(user, permission: str) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or bool(_permission_paths(user).get(permission))


def organization_has_holder(organization, permission: str) -> bool:
    """True if an active account holds *permission* on *organization* (a grant on it, or on
    an ancestor with its subtree): someone would see what is sent there."""
    from phoihop.access.models import Role

    roles = [r.pk for r in Role.objects.all() if permission in (r.permissions or [])]
    ancestors = [p for p in organization.path.strip("/").split("/") if p]
    ancestor_paths = ["/" + "/".join(ancestors[: i + 1]) + "/" for i in range(len(ancestors))]
    return Grant.objects.filter(
        Q(organization__path=organization.path)
        | Q(organization__path__in=ancestor_paths, include_subtree=True),
        role_id__in=roles,
        revoked_at__isnull=True,
        user__is_active=True,
    ).exists()
