"""Object kinds of this module for the permission matrix."""

from datetime import date

from phoihop.accounts.services import system_actor
from phoihop.organizations import services
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

_counter = iter(range(1, 10**6))


def _unit(organization, since=date(2025, 7, 1)):
    n = next(_counter)
    return services.admin_unit_create(
        actor=system_actor(),
        code=f"X{n}",
        name=f"xã Số {n}",
        level="commune",
        kind="xa",
        valid_from=since,
        parent=organization.admin_unit,
    )


def _membership(organization, user):
    person = services.person_create(actor=system_actor(), full_name=f"Người {next(_counter)}")
    return services.membership_start(
        actor=system_actor(), person=person, organization=organization, starts_on=date(2026, 1, 1)
    )


def _term(organization, user):
    n = next(_counter)
    return services.term_create(
        actor=system_actor(),
        assembly="provincial_council",
        name=f"Khóa {n}",
        starts_on=date(2026, 3, 15),
        ends_on=date(2031, 3, 14),
    )


def _constituency(organization, user):
    return Constituency.objects.create(
        term=_term(organization, user), number=1, name="Đơn vị 1", seats=3
    )


def _deputy(organization, user):
    constituency = _constituency(organization, user)
    person = _membership(organization, user).person
    return services.deputy_register(
        actor=system_actor(),
        person=person,
        term=constituency.term,
        constituency=constituency,
        organization=organization,
        starts_on=date(2026, 3, 15),
    )


def _succession(organization, user):
    old, new = _unit(organization, since=date(2008, 1, 1)), _unit(organization)
    return services.admin_unit_merge(
        actor=system_actor(),
        predecessors=[old],
        successor=new,
        effective_on=date(2025, 7, 1),
        legal_basis="NQ thử",
    )[0]


SUBJECTS = {
    Organization: lambda organization, user: organization,
    Person: lambda organization, user: _membership(organization, user).person,
    Membership: _membership,
    Post: lambda organization, user: services.post_create(
        actor=system_actor(), organization=organization, label="Chuyên viên"
    ),
    AdminUnit: lambda organization, user: _unit(organization),
    Succession: _succession,
    Term: _term,
    Constituency: _constituency,
    Deputy: _deputy,
}
