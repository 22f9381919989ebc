"""Test helpers: an officer who may run deadlines in one organization."""

from phoihop.access.models import Role
from phoihop.testing import grant, make_user

DEADLINE_PERMISSIONS = [
    "deadlines.view_deadline",
    "deadlines.add_deadline",
    "deadlines.change_deadline",
]


def deadline_officer(username: str, organization):
    role, _ = Role.objects.get_or_create(
        code="deadline_officer",
        defaults={"name": "Theo dõi thời hạn", "permissions": DEADLINE_PERMISSIONS},
    )
    user = make_user(username)
    grant(user, role.code, organization)
    return user
