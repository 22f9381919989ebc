from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from phoihop.audit.models import AuditEvent
from phoihop.organizations import services
from phoihop.organizations.selectors import (
    admin_unit_current,
    admin_unit_lineage,
    admin_unit_list,
)
from phoihop.testing import grant, make_user


def _commune(actor, tree, code, name, since=date(2008, 1, 1)):
    return services.admin_unit_create(
        actor=actor,
        code=code,
        name=name,
        level="commune",
        kind="xa",
        valid_from=since,
        parent=tree.province,
    )


def test_merger_keeps_the_history_of_the_old_communes(actor, tree):
    a = _commune(actor, tree, "A", "xã A")
    b = _commune(actor, tree, "B", "xã B")
    new = _commune(actor, tree, "AB", "xã A Bình", since=date(2025, 7, 1))
    services.admin_unit_merge(
        actor=actor,
        predecessors=[a, b],
        successor=new,
        effective_on=date(2025, 7, 1),
        legal_basis="NQ 1/2025",
    )
    a.refresh_from_db()
    assert a.valid_to == date(2025, 6, 30)
    assert {u.code for u in admin_unit_lineage(unit=new)} == {"A", "B"}
    assert admin_unit_current(unit=a) == new
    viewer = make_user("xem")
    grant(viewer, "clerk", tree.own)
    on_2024 = {u.code for u in admin_unit_list(viewer=viewer, on=date(2024, 1, 1))}
    on_2026 = {u.code for u in admin_unit_list(viewer=viewer, on=date(2026, 1, 1))}
    assert {"A", "B"} <= on_2024 and "AB" not in on_2024
    assert "AB" in on_2026 and not {"A", "B"} & on_2026
    assert AuditEvent.objects.filter(event="admin_unit.merged", target_id=str(new.pk)).exists()


def test_organization_create_builds_the_subtree_path(tree):
    assert tree.own_unit.path == f"{tree.own.path}{tree.own_unit.pk}/"


def test_only_administrators_write_reference_data(tree):
    clerk = make_user("van.thu")
    grant(clerk, "clerk", tree.own)
    with pytest.raises(PermissionDenied):
        services.term_create(
            actor=clerk,
            assembly="provincial_council",
            name="Khóa XI",
            starts_on=date(2026, 3, 15),
            ends_on=date(2031, 3, 14),
        )
    admin = make_user("quan.tri")
    grant(admin, "administrator", tree.own)
    term = services.term_create(
        actor=admin,
        assembly="provincial_council",
        name="Khóa XI",
        starts_on=date(2026, 3, 15),
        ends_on=date(2031, 3, 14),
    )
    assert AuditEvent.objects.get(event="term.created").actor == admin
    assert str(term) == "Khóa XI (2026–2031)"


def test_organization_update_records_old_and_new_values(actor, tree):
    services.organization_update(actor=actor, organization=tree.own, short_name="HĐND")
    event = AuditEvent.objects.filter(event="organization.changed").latest("id")
    assert event.data == {"short_name": {"old": "HĐND tỉnh", "new": "HĐND"}}
