"""Giving and taking back roles (grants) in the app, audited (decision 0152).

Accounts and organizations sit above this module, so they are typed loosely here."""

from typing import Any

from django.db import transaction
from django.utils import timezone

from phoihop.access.grants import forget_grants
from phoihop.access.models import Grant, Role
from phoihop.access.policy import require_in
from phoihop.audit.services import audit_record
from phoihop.core.errors import ApplicationError
from phoihop.core.types import Account

# Roles a body's administrator gives and takes back. The identity clearance opens the vault of
# denouncers' identities: it is given by whoever holds the vault's own right on the body, never
# by the administrator's role alone.
CLEARANCE = "identity_clearance"


def _check(actor: Account, user: Any, role: Role, organization: Any) -> None:
    require_in(actor, "access.change_grant", organization)
    if role.code == CLEARANCE:
        require_in(actor, "identity.read_identity", organization)
    if user.pk == actor.pk and not actor.is_superuser:
        raise ApplicationError(
            "Không tự cấp hoặc thu hồi quyền của chính mình; đề nghị quản trị viên khác.",
            code="own_grant",
        )


@transaction.atomic
def grant_add(
    *, actor: Account, user: Any, role: Role, organization: Any, include_subtree: bool = True
) -> Grant:
    """Give *user* *role* on *organization* (and its units).

    Raises:
        PermissionDenied: actor holds no ``access.change_grant`` on the body (or, for the
            identity clearance, no clearance of their own there).
        ApplicationError: one's own grants, or the role is already held there.

    Records: ``grant.created`` (user, role, body).
    """
    _check(actor, user, role, organization)
    if Grant.objects.filter(
        user=user, role=role, organization=organization, revoked_at__isnull=True
    ).exists():
        raise ApplicationError("Tài khoản đã có vai trò này ở cơ quan này.", code="duplicate")
    grant = Grant.objects.create(
        user=user, role=role, organization=organization, include_subtree=include_subtree
    )
    forget_grants(user)
    audit_record(
        actor=actor,
        event="grant.created",
        target=user,
        organization=organization,
        data={"role": role.code, "organization": organization.code, "subtree": include_subtree},
    )
    return grant


@transaction.atomic
def grant_revoke(*, actor: Account, grant: Grant) -> Grant:
    """Take back a grant; the row stays, revoked, for the record.

    Raises:
        PermissionDenied; ApplicationError: one's own grant, or already revoked.

    Records: ``grant.revoked`` (user, role, body).
    """
    grant = (
        Grant.objects.select_for_update().select_related("role", "organization").get(pk=grant.pk)
    )
    _check(actor, grant.user, grant.role, grant.organization)
    if grant.revoked_at is not None:
        raise ApplicationError("Quyền này đã được thu hồi.", code="revoked")
    grant.revoked_at = timezone.now()
    grant.save(update_fields=["revoked_at", "updated_at"])
    forget_grants(grant.user)
    audit_record(
        actor=actor,
        event="grant.revoked",
        target=grant.user,
        organization=grant.organization,
        data={"role": grant.role.code, "organization": grant.organization.code},
    )
    return grant
