"""Roles are data: ``roles.toml`` is the source; ``roles_sync`` brings the table in line."""

import tomllib
from pathlib import Path

from django.db import transaction

from phoihop.access.models import Role
from phoihop.audit.services import audit_record
from phoihop.core.types import Account

ROLES_FILE = Path(__file__).with_name("roles.toml")


def roles_spec() -> dict[str, dict]:
    return tomllib.loads(ROLES_FILE.read_text(encoding="utf-8"))


@transaction.atomic
def roles_sync(*, actor: Account) -> list[Role]:
    """Create or update every role of ``roles.toml``. Records ``role.synced`` for each change."""
    synced = []
    for code, spec in roles_spec().items():
        role, created = Role.objects.get_or_create(
            code=code,
            defaults={
                "name": spec["name"],
                "description": spec.get("description", ""),
                "permissions": sorted(spec["permissions"]),
            },
        )
        wanted = sorted(spec["permissions"])
        if created or role.permissions != wanted or role.name != spec["name"]:
            before = {"permissions": [] if created else role.permissions}
            role.name, role.permissions = spec["name"], wanted
            role.description = spec.get("description", "")
            role.save(update_fields=["name", "permissions", "description", "updated_at"])
            audit_record(
                actor=actor,
                event="role.synced",
                target=role,
                data={"permissions": {"old": before["permissions"], "new": wanted}},
            )
        synced.append(role)
    return synced
