"""Every role × object kind × action × (own organization, another body), against a reviewed
golden file. ``UPDATE_GOLDEN=1 pytest phoihop/access`` rewrites it; review the diff like code."""

import os
from pathlib import Path

from django.contrib.auth.models import AnonymousUser

from phoihop.access.policy import can
from phoihop.access.registry import registered_policies
from phoihop.access.roles import roles_spec
from phoihop.testing import grant, make_user, phoihop_app_modules

GOLDEN = Path(__file__).with_name("permission_matrix.txt")


def _subjects() -> dict:
    subjects = {}
    for module in phoihop_app_modules("matrix"):
        subjects.update(module.SUBJECTS)
    return subjects


def render_matrix(tree) -> str:
    subjects = _subjects()
    policies = registered_policies()
    missing = sorted(m._meta.label for m in policies if m not in subjects)
    assert not missing, f"object kinds without a matrix subject: {missing}"
    other_user = make_user("nguoi.khac")
    grant(other_user, "clerk", tree.other)
    users = {"anonymous": AnonymousUser(), "no_grant": make_user("khong.quyen")}
    for role in roles_spec():
        users[role] = make_user(f"vai.tro.{role}")
        grant(users[role], role, tree.own)
    lines = []
    for model in sorted(policies, key=lambda m: m._meta.label):
        make = subjects[model]
        for role, user in users.items():
            owner = user if user.is_authenticated else other_user
            own = make(tree.own, owner)
            other = make(tree.other, other_user)
            for action in policies[model].actions:
                lines.append(
                    f"{model._meta.label:<30} {action:<8} {role:<14} "
                    f"own={'Y' if can(user, action, own) else '-'} "
                    f"other={'Y' if can(user, action, other) else '-'}"
                )
    return "\n".join(lines) + "\n"


def test_permission_matrix_matches_golden(tree):
    actual = render_matrix(tree)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(actual)
    assert GOLDEN.exists(), "run UPDATE_GOLDEN=1 pytest phoihop/access to create the golden file"
    assert actual == GOLDEN.read_text()
