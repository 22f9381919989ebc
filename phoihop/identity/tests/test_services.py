"""The vault's scans and key rotation (docs/decisions/0060-identity-vault.md)."""

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import PermissionDenied

from phoihop.audit.models import AuditEvent
from phoihop.identity import crypto
from phoihop.identity.models import Identity, IdentityScan
from phoihop.identity.services import (
    IdentityData,
    Scan,
    identity_keys_rotate,
    identity_reveal,
    identity_scan_reveal,
    identity_store,
)
from phoihop.testing import grant, make_user

SCAN = Scan(name="don-khieu-nai.pdf", content_type="application/pdf", content=b"%PDF-1.7 chu ky")


def _stored(tree, actor):
    data = IdentityData(full_name="Trần Thị Bích", address="xã Mộc", phone="0987654321")
    return identity_store(actor=actor, organization=tree.own, data=data, scans=[SCAN])


def test_identity_scan_reveal_opens_the_scan_and_audits_the_read(tree, actor):
    scan = _stored(tree, actor).scans.get()
    cleared = make_user("duoc.xem")
    grant(cleared, "identity_clearance", tree.own)

    name, content_type, content = identity_scan_reveal(
        actor=cleared, scan=scan, purpose="Đối chiếu chữ ký"
    )

    assert (name, content_type, content) == (SCAN.name, SCAN.content_type, SCAN.content)
    assert SCAN.content not in bytes(scan.sealed)  # sealed at rest
    event = AuditEvent.objects.get(event="identity.scan_read")
    assert event.actor == cleared
    assert event.data == {"scan": scan.pk, "purpose": "Đối chiếu chữ ký"}


def test_identity_scan_reveal_needs_the_clearance(tree, actor, leader):
    scan = _stored(tree, actor).scans.get()
    with pytest.raises(PermissionDenied):  # a leader of the body, but not cleared
        identity_scan_reveal(actor=leader, scan=scan, purpose="Tò mò")
    assert not AuditEvent.objects.filter(event="identity.scan_read").exists()


def test_identity_keys_rotate_reseals_with_the_newest_key(tree, actor, settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.PHOIHOP_IDENTITY_KEYS = [old]
    identity = _stored(tree, actor)
    scan = identity.scans.get()

    settings.PHOIHOP_IDENTITY_KEYS = [new, old]  # a new key first; the old still opens
    assert identity_keys_rotate(actor=actor) == 2  # one identity, one scan

    settings.PHOIHOP_IDENTITY_KEYS = [new]  # the old key retired: everything still opens
    identity = Identity.objects.get(pk=identity.pk)
    scan = IdentityScan.objects.get(pk=scan.pk)
    assert identity_reveal(actor=actor, identity=identity, purpose="Kiểm tra").full_name == (
        "Trần Thị Bích"
    )
    assert identity_scan_reveal(actor=actor, scan=scan, purpose="Kiểm tra")[2] == SCAN.content
    settings.PHOIHOP_IDENTITY_KEYS = [old]  # and the old key alone no longer does
    with pytest.raises(crypto.InvalidToken):
        crypto.open_bytes(Identity.objects.get(pk=identity.pk).sealed)


def test_identity_keys_rotate_command_reseals_and_is_audited(tree, actor, settings, capsys):
    from django.core.management import call_command

    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.PHOIHOP_IDENTITY_KEYS = [old]
    identity = _stored(tree, actor)
    settings.PHOIHOP_IDENTITY_KEYS = [new, old]

    call_command("identity_keys_rotate")

    assert "2 dòng" in capsys.readouterr().out
    event = AuditEvent.objects.get(event="identity.keys_rotated")
    assert event.data == {"rows": 2, "key": crypto.key_id()}
    assert new not in str(event.data) and old not in str(event.data)
    settings.PHOIHOP_IDENTITY_KEYS = [new]
    assert crypto.open_bytes(Identity.objects.get(pk=identity.pk).sealed)
