"""Reading bodies, units and people; the Popolo export."""

from datetime import date

from django.db.models import Q, QuerySet

from phoihop.core.selectors import one_or_404
from phoihop.organizations.models import AdminUnit, Membership, Organization, Person


def _valid_on(on: date) -> Q:
    return Q(valid_from__lte=on) & (Q(valid_to__isnull=True) | Q(valid_to__gte=on))


def organization_list(*, viewer, on: date | None = None) -> QuerySet[Organization]:
    qs = Organization.objects.restrict(viewer, "view").select_related("parent", "admin_unit")
    return qs.filter(_valid_on(on)) if on else qs


def organization_get(*, viewer, public_id) -> Organization:
    return one_or_404(organization_list(viewer=viewer), public_id=public_id)


def admin_unit_list(
    *, viewer, on: date | None = None, level: str | None = None
) -> QuerySet[AdminUnit]:
    qs = AdminUnit.objects.restrict(viewer, "view").select_related("parent")
    if level:
        qs = qs.filter(level=level)
    return qs.filter(_valid_on(on)) if on else qs


def admin_unit_lineage(*, unit: AdminUnit) -> list[AdminUnit]:
    """Every unit that became *unit*, transitively (the history a merged unit keeps)."""
    seen: dict[int, AdminUnit] = {}
    frontier = [unit]
    while frontier:
        current = frontier.pop()
        for succession in current.predecessions.select_related("predecessor"):
            if succession.predecessor_id not in seen:
                seen[succession.predecessor_id] = succession.predecessor
                frontier.append(succession.predecessor)
    return sorted(seen.values(), key=lambda u: (u.valid_from, u.name))


def admin_unit_current(*, unit: AdminUnit) -> AdminUnit:
    """The unit that carries *unit* on today (follows successions forward)."""
    current = unit
    for _ in range(20):
        succession = (
            current.successions.select_related("successor").order_by("-effective_on").first()
        )
        if succession is None:
            return current
        current = succession.successor
    return current


def person_list(*, viewer) -> QuerySet[Person]:
    return Person.objects.restrict(viewer, "view")


def membership_list(*, viewer) -> QuerySet[Membership]:
    return Membership.objects.restrict(viewer, "view").select_related(
        "person", "organization", "post"
    )


def organizations_where(user, permission: str | None) -> QuerySet[Organization]:
    """The current organizations where *user* holds *permission* (every current one when
    *permission* is None): the choices of a body on a form."""
    from phoihop.access.grants import organization_scope

    if permission is None:
        return Organization.objects.filter(valid_to__isnull=True)
    return Organization.objects.filter(organization_scope(user, permission, field=""))


def letters_office(organization: Organization) -> Organization:
    """The unit that registers letters addressed to *organization*: its ``letters_office``
    when set (the council's standing committee for the council), else the body itself."""
    if organization.letters_office_id:
        return organization.letters_office
    return organization


def province_code(organization: Organization) -> str:
    """The code of the province *organization* sits in (the top of its unit's lineage)."""
    unit = organization.admin_unit
    while unit.parent_id and unit.level != "province":
        unit = unit.parent
    return unit.code
