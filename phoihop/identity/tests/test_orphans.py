"""Vault entries that no letter or visit points at are swept by the task queue (audited)."""

from datetime import timedelta

import pytest
from django.utils import timezone
from huey.api import PeriodicTask

from phoihop.audit.models import AuditEvent
from phoihop.audit.selectors import audit_verify
from phoihop.identity.models import Identity, IdentityScan
from phoihop.identity.services import (
    IdentityData,
    Scan,
    _vault_references,
    identity_orphans,
    identity_orphans_remove,
    identity_store,
)
from phoihop.identity.tasks import identity_orphans_sweep
from phoihop.letters.tests.factories import register
from phoihop.reception.tests.factories import make_visit


def _age(*identities, hours=2):
    Identity.objects.filter(pk__in=[i.pk for i in identities]).update(
        created_at=timezone.now() - timedelta(hours=hours)
    )


def _letter(actor, tree):
    return register(tree.own, actor=actor)


def _orphan(actor, tree, name="Lê Thị Mồ Côi"):
    scan = Scan(name="don.pdf", content_type="application/pdf", content=b"%PDF-1.7 chu ky")
    return identity_store(
        actor=actor, organization=tree.own, data=IdentityData(full_name=name), scans=[scan]
    )


def test_references_are_found_from_the_models_foreign_keys():
    found = {(model._meta.label_lower, column) for model, column in _vault_references()}
    assert found == {("letters.letter", "sender_id"), ("reception.visitcitizen", "identity_id")}


def test_sweep_removes_old_orphans_and_their_scans_only(tree, actor, clerk):
    letter = _letter(actor, tree)
    visit = make_visit(tree.own, clerk, actor=clerk)
    visit_identity = visit.citizens.get().identity
    old_orphan = _orphan(actor, tree)
    fresh_orphan = _orphan(actor, tree, "Đang Ghi Dở")  # its transaction may still be running
    _age(letter.sender, visit_identity, old_orphan)

    assert identity_orphans() == [old_orphan.pk]
    assert identity_orphans_remove(actor=actor) == 1

    remaining = set(Identity.objects.values_list("pk", flat=True))
    assert old_orphan.pk not in remaining
    assert {letter.sender_id, visit_identity.pk, fresh_orphan.pk} <= remaining
    assert not IdentityScan.objects.filter(identity_id=old_orphan.pk).exists()
    assert IdentityScan.objects.filter(identity_id=fresh_orphan.pk).exists()
    event = AuditEvent.objects.get(event="identity.orphans_removed")
    assert event.data == {"count": 1, "ids": [old_orphan.pk], "scans": 1}
    assert "Mồ Côi" not in str(event.data)
    assert audit_verify().ok


def test_sweep_with_nothing_to_remove_records_nothing(tree, actor):
    _age(_letter(actor, tree).sender)
    assert identity_orphans_remove(actor=actor) == 0
    assert not AuditEvent.objects.filter(event="identity.orphans_removed").exists()


@pytest.mark.django_db(databases=["default", "identity"])
def test_sweep_in_a_vault_database_of_its_own(settings, tree, actor):
    settings.PHOIHOP_IDENTITY_DATABASE = "identity"
    letter = _letter(actor, tree)
    orphan = _orphan(actor, tree)
    _age(letter.sender, orphan)

    assert identity_orphans_remove(actor=actor) == 1

    assert list(Identity.objects.using("identity").values_list("pk", flat=True)) == [
        letter.sender_id
    ]
    assert not IdentityScan.objects.using("identity").exists()
    assert AuditEvent.objects.using("default").filter(event="identity.orphans_removed").exists()


def test_the_task_queue_runs_the_sweep_every_hour(tree, actor):
    task = identity_orphans_sweep.s()
    assert isinstance(task, PeriodicTask)
    assert task.validate_datetime(timezone.now().replace(minute=40))
    assert not task.validate_datetime(timezone.now().replace(minute=41))
    orphan = _orphan(actor, tree)
    _age(orphan)
    assert identity_orphans_sweep.call_local() == 1
    assert not Identity.objects.filter(pk=orphan.pk).exists()
    assert AuditEvent.objects.get(event="identity.orphans_removed").actor is None
