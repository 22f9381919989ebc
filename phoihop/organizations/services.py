"""Writes on bodies, administrative units, people, terms, deputies and memberships."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction

from phoihop.access.grants import has_permission_anywhere
from phoihop.access.policies import DirectoryPolicy
from phoihop.access.policy import require
from phoihop.audit.services import audit_record, field_changes
from phoihop.core.errors import ApplicationError
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


class AdminUnitMergeError(ApplicationError):
    pass


def _save_new(obj, *, actor, event: str, data: dict, **audit):
    """Validate and insert *obj*, and record *event* for it in the same transaction."""
    obj.full_clean()
    obj.save()
    audit_record(actor=actor, event=event, target=obj, data=data, **audit)
    return obj


def _tree_path(parent: Organization | None, pk: int) -> str:
    return f"{parent.path if parent else '/'}{pk}/"


def _require_directory(actor) -> None:
    """Reference data: only an administrator (or the system) may write it."""
    if not has_permission_anywhere(actor, DirectoryPolicy.change_permission):
        raise PermissionDenied


@transaction.atomic
def organization_create(
    *,
    actor,
    code: str,
    name: str,
    short_name: str,
    doc_abbreviation: str,
    kind: str,
    admin_unit: AdminUnit,
    valid_from: date,
    parent: Organization | None = None,
    email: str = "",
) -> Organization:
    """Create a body or unit under *parent*.

    Raises:
        PermissionDenied: actor may not change the parent organization.
        ValidationError: a field is invalid (e.g. the code is taken).

    Records: ``organization.created``.
    """
    if parent is not None:
        require(actor, "change", parent)
    elif not actor.is_superuser:
        raise PermissionDenied
    org = Organization(
        code=code,
        name=name,
        short_name=short_name,
        doc_abbreviation=doc_abbreviation,
        kind=kind,
        parent=parent,
        admin_unit=admin_unit,
        valid_from=valid_from,
        email=email,
        path="/",
    )
    org.full_clean(exclude=["path"])
    org.save()
    org.path = _tree_path(parent, org.pk)
    org.save(update_fields=["path"])
    audit_record(
        actor=actor,
        event="organization.created",
        target=org,
        organization=org,
        data={"code": code, "name": name, "kind": kind, "parent": parent.code if parent else None},
    )
    return org


@transaction.atomic
def organization_update(*, actor, organization: Organization, **changes) -> Organization:
    """Change the names, abbreviation, e-mail, validity or letters office of an organization.

    Records: ``organization.changed`` with old and new values (the letters office by code).
    """
    require(actor, "change", organization)
    allowed = {"name", "short_name", "doc_abbreviation", "email", "valid_to", "letters_office"}
    if unknown := set(changes) - allowed:
        raise ApplicationError(f"Không được sửa các trường: {', '.join(sorted(unknown))}.")
    organization = Organization.objects.select_for_update().get(pk=organization.pk)

    def loggable(value):
        return value.code if isinstance(value, Organization) else value

    before = {name: loggable(getattr(organization, name)) for name in changes}
    for name, value in changes.items():
        setattr(organization, name, value)
    organization.full_clean()
    organization.save(update_fields=[*changes, "updated_at"])
    audit_record(
        actor=actor,
        event="organization.changed",
        target=organization,
        data=field_changes(before, {k: loggable(v) for k, v in changes.items()}),
    )
    return organization


@transaction.atomic
def admin_unit_create(
    *,
    actor,
    code: str,
    name: str,
    level: str,
    kind: str,
    valid_from: date,
    parent: AdminUnit | None = None,
    remote_area: bool = False,
    legal_basis: str = "",
) -> AdminUnit:
    """Record an administrative unit. Records: ``admin_unit.created``."""
    _require_directory(actor)
    unit = AdminUnit(
        code=code,
        name=name,
        level=level,
        kind=kind,
        parent=parent,
        valid_from=valid_from,
        remote_area=remote_area,
        legal_basis=legal_basis,
    )
    return _save_new(
        unit,
        actor=actor,
        event="admin_unit.created",
        data={"code": code, "name": name, "valid_from": valid_from},
    )


@transaction.atomic
def admin_unit_merge(
    *,
    actor,
    predecessors: list[AdminUnit],
    successor: AdminUnit,
    effective_on: date,
    legal_basis: str,
) -> list[Succession]:
    """Merge *predecessors* into *successor* on *effective_on*; the old units keep their history.

    Each predecessor other than the successor itself stops being valid the day before.

    Raises:
        AdminUnitMergeError: a predecessor already ended, or the successor starts later.

    Records: ``admin_unit.merged``.
    """
    _require_directory(actor)
    if successor.valid_from > effective_on:
        raise AdminUnitMergeError("Đơn vị mới phải có hiệu lực từ ngày sáp nhập trở về trước.")
    successions = []
    for unit in (
        AdminUnit.objects.select_for_update()
        .filter(pk__in=[u.pk for u in predecessors])
        .order_by("pk")
    ):
        if unit.valid_to is not None and unit.valid_to < effective_on - date.resolution:
            raise AdminUnitMergeError(f"{unit.name} đã hết hiệu lực trước ngày sáp nhập.")
        if unit.pk == successor.pk:
            continue
        unit.valid_to = effective_on - date.resolution
        unit.save(update_fields=["valid_to", "updated_at"])
        successions.append(
            Succession.objects.create(
                predecessor=unit,
                successor=successor,
                kind=Succession.Kind.MERGER,
                effective_on=effective_on,
                legal_basis=legal_basis,
            )
        )
    audit_record(
        actor=actor,
        event="admin_unit.merged",
        target=successor,
        data={
            "predecessors": [u.code for u in predecessors],
            "effective_on": effective_on,
            "legal_basis": legal_basis,
        },
    )
    return successions


@transaction.atomic
def person_create(
    *,
    actor,
    full_name: str,
    gender: str = "",
    email: str = "",
    phone: str = "",
    birth_date: date | None = None,
) -> Person:
    """Record a person. Records: ``person.created`` (no personal values in the log)."""
    person = Person(
        full_name=full_name, gender=gender, email=email, phone=phone, birth_date=birth_date
    )
    return _save_new(
        person, actor=actor, event="person.created", data={"full_name": {"changed": True}}
    )


@transaction.atomic
def post_create(
    *, actor, organization: Organization, label: str, is_leader: bool = False, rank: int = 100
) -> Post:
    """Create a position in *organization*. Records: ``post.created``."""
    require(actor, "change", organization)
    post = Post(organization=organization, label=label, is_leader=is_leader, rank=rank)
    return _save_new(
        post,
        actor=actor,
        event="post.created",
        organization=organization,
        data={"label": label},
    )


@transaction.atomic
def membership_start(
    *,
    actor,
    person: Person,
    organization: Organization,
    starts_on: date,
    post: Post | None = None,
    label: str = "",
) -> Membership:
    """Appoint *person* to *post* (or a plain role) in *organization*.

    Records: ``membership.created``.
    """
    require(actor, "change", organization)
    if post is not None and post.organization_id != organization.pk:
        raise ApplicationError("Chức danh không thuộc cơ quan này.")
    membership = Membership(
        person=person,
        organization=organization,
        post=post,
        label=label or (post.label if post else ""),
        starts_on=starts_on,
    )
    return _save_new(
        membership,
        actor=actor,
        event="membership.created",
        related=person,
        data={"post": membership.label, "starts_on": starts_on},
    )


@transaction.atomic
def term_create(*, actor, assembly: str, name: str, starts_on: date, ends_on: date) -> Term:
    """Open a term of an assembly. Records: ``term.created``."""
    _require_directory(actor)
    term = Term(assembly=assembly, name=name, starts_on=starts_on, ends_on=ends_on)
    return _save_new(
        term,
        actor=actor,
        event="term.created",
        data={"assembly": assembly, "starts_on": starts_on, "ends_on": ends_on},
    )


@transaction.atomic
def deputy_register(
    *,
    actor,
    person: Person,
    term: Term,
    constituency: Constituency,
    organization: Organization,
    starts_on: date,
    full_time: bool = False,
) -> Deputy:
    """Record that *person* was elected for *term* in *constituency*.

    Raises:
        ApplicationError: the constituency belongs to another term.

    Records: ``deputy.created``.
    """
    _require_directory(actor)
    if constituency.term_id != term.pk:
        raise ApplicationError("Đơn vị bầu cử không thuộc nhiệm kỳ này.")
    deputy = Deputy(
        person=person,
        term=term,
        constituency=constituency,
        organization=organization,
        starts_on=starts_on,
        full_time=full_time,
    )
    return _save_new(
        deputy,
        actor=actor,
        event="deputy.created",
        related=person,
        organization=organization,
        data={"term": str(term), "constituency": constituency.name},
    )
