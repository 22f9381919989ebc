"""Which organizations an account holds a permission in (cached for the request)."""

from django.contrib.auth import get_user_model
from django.db.models import Model, Q, QuerySet

from phoihop.access.models import Grant
from phoihop.core.types import Account

_CACHE_ATTR = "_phoihop_permission_orgs"
_IDS_CACHE_ATTR = "_phoihop_permission_org_ids"


def _permission_paths(user: Account) -> dict[str, list[tuple[str, bool]]]:
    cached: dict[str, list[tuple[str, bool]]] | None = getattr(user, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    if user.pk is None:  # nobody signed in: no grants
        return {}
    cache: dict[str, list[tuple[str, bool]]] = {}
    grants = (
        Grant.objects.filter(user_id=user.pk, revoked_at__isnull=True)
        .select_related("role", "organization")
        .only("include_subtree", "role__permissions", "organization__path")
    )
    for grant in grants:
        for perm in grant.role.permissions:
            cache.setdefault(perm, []).append((grant.organization.path, grant.include_subtree))
    setattr(user, _CACHE_ATTR, cache)
    return cache


def forget_grants(user: Account) -> None:
    for attr in (_CACHE_ATTR, _IDS_CACHE_ATTR):
        if hasattr(user, attr):
            delattr(user, attr)


def _organization_model() -> type[Model]:
    """The model grants point at, from ``Grant``'s own (string) foreign key: ``access`` does
    not import ``organizations``, which sits above it and uses its policies."""
    return Grant._meta.get_field("organization").related_model


def _organization_ids(user: Account) -> dict[str, list[int]]:
    """For every permission *user* holds, the ids of the organizations where they hold it: one
    query for all of them (the organizations under any of the user's grants), matched to each
    permission's grants here (cached for the request)."""
    cache: dict[str, list[int]] | None = getattr(user, _IDS_CACHE_ATTR, None)
    if cache is not None:
        return cache
    by_permission = _permission_paths(user)
    grants = {grant for held in by_permission.values() for grant in held}
    q = Q(pk__in=[])
    for path, subtree in grants:
        q |= Q(path__startswith=path) if subtree else Q(path=path)
    rows = list(_organization_model()._default_manager.filter(q).values_list("pk", "path"))
    # Most permissions come with the same grants (one role, one body): match each distinct
    # set of grants to the rows once, not once per permission.
    matched: dict[frozenset[tuple[str, bool]], list[int]] = {}
    for held in map(frozenset, by_permission.values()):
        if held not in matched:
            matched[held] = sorted(
                pk
                for pk, org_path in rows
                if any(
                    org_path.startswith(path) if subtree else org_path == path
                    for path, subtree in held
                )
            )
    cache = {permission: matched[frozenset(held)] for permission, held in by_permission.items()}
    setattr(user, _IDS_CACHE_ATTR, cache)
    return cache


def granted_organization_ids(user: Account, permission: str) -> list[int]:
    """Ids of the organizations where *user* holds *permission* (cached for the request)."""
    if not _permission_paths(user):
        return []
    return _organization_ids(user).get(permission, [])


def organizations_with_any_grant(user: Account) -> list[int]:
    """Ids of the organizations where *user* holds any permission (cached for the request)."""
    if not _permission_paths(user):
        return []
    return sorted({pk for ids in _organization_ids(user).values() for pk in ids})


def organization_scope(user: Account, permission: str, field: str = "organization") -> Q:
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


def held_permissions(user: Account) -> list[str]:
    """The permissions *user* holds somewhere (cached for the request)."""
    return sorted(_permission_paths(user))


def has_permission_anywhere(user: Account, permission: str) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or bool(_permission_paths(user).get(permission))


def organization_has_holder(organization: Model, permission: str) -> bool:
    """True if an active account holds *permission* on *organization* (a grant on it, or on
    an ancestor with its subtree): someone would see what is sent there."""
    return organization_holders(organization, permission).exists()


def organization_holders(organization: Model, permission: str) -> QuerySet:
    """The active accounts holding *permission* on *organization* (a grant on it, or on an
    ancestor with its subtree), each once, in id order."""
    from phoihop.access.models import Role

    roles = [r.pk for r in Role.objects.all() if permission in (r.permissions or [])]
    path: str = organization.path  # type: ignore[attr-defined]
    ancestors = [p for p in path.strip("/").split("/") if p]
    ancestor_paths = ["/" + "/".join(ancestors[: i + 1]) + "/" for i in range(len(ancestors))]
    grants = Grant.objects.filter(
        Q(organization__path=path) | Q(organization__path__in=ancestor_paths, include_subtree=True),
        role_id__in=roles,
        revoked_at__isnull=True,
    )
    return (
        get_user_model()
        .objects.filter(is_active=True, pk__in=grants.values("user_id"))
        .order_by("pk")
    )
