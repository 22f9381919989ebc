"""Rotating the audit key (decision 0105): old segments verify under the old key id, new ones
under the new; an event signed by a retired key after the switch is refused."""

import json
import os
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from phoihop.audit.chain import KEYED_FIELDS, ROTATION_EVENT, keyed_event_hash, signing_key_id
from phoihop.audit.checkpoints import checkpoint_lines, checkpoint_write
from phoihop.audit.keys import audit_key_id
from phoihop.audit.models import AuditEvent
from phoihop.audit.selectors import audit_verify
from phoihop.audit.services import AuditKeyRotationError, audit_key_rotate, audit_record
from phoihop.audit.tests.test_tamper import _forge

OLD = "test-only-audit-key-0123456789abcdef"  # the test settings' key: the tree is signed with it
NEW = "new-audit-key-fedcba9876543210-9876543210"


def _events(actor, tree, n):
    with transaction.atomic():
        for i in range(n):
            audit_record(actor=actor, event="organization.changed", target=tree.own, data={"n": i})


def _signer(event, *keys):
    fields = {name: getattr(event, name) for name in KEYED_FIELDS}
    ring = {audit_key_id(k.encode()): k.encode() for k in keys}
    return signing_key_id(
        keys=ring, previous_hash=event.previous_hash, fields=fields, hash=event.hash
    )


@pytest.fixture
def rotated(settings, tmp_path, actor, tree):
    """10 events under OLD, a checkpoint; NEW set with OLD retired; 3 events; the switch; 5 more."""
    settings.PHOIHOP_AUDIT_CHECKPOINT_FILE = str(tmp_path / "checkpoints.jsonl")
    settings.PHOIHOP_AUDIT_KEY = OLD
    _events(actor, tree, 10)
    checkpoint_write()
    settings.PHOIHOP_AUDIT_KEY = NEW
    settings.PHOIHOP_AUDIT_RETIRED_KEYS = [OLD]
    _events(actor, tree, 3)  # written before the switch: still on the chain's key
    with transaction.atomic():
        switch = audit_key_rotate(actor=actor)
    checkpoint_write()
    _events(actor, tree, 5)
    return switch


def test_events_sign_with_the_chains_key_until_the_switch_then_with_the_new(rotated):
    events = list(AuditEvent.objects.order_by("id"))
    assert {_signer(e, OLD, NEW) for e in events if e.id < rotated.id} == {
        audit_key_id(OLD.encode())
    }
    assert {_signer(e, OLD, NEW) for e in events if e.id >= rotated.id} == {
        audit_key_id(NEW.encode())
    }
    assert rotated.event == ROTATION_EVENT
    assert rotated.data == {"from": audit_key_id(OLD.encode()), "to": audit_key_id(NEW.encode())}
    assert OLD not in json.dumps(rotated.data) and NEW not in json.dumps(rotated.data)


def test_verify_accepts_both_segments_and_both_keys_checkpoints(rotated, settings):
    report = audit_verify()
    assert report.ok, report.problems
    lines, problems = checkpoint_lines(Path(settings.PHOIHOP_AUDIT_CHECKPOINT_FILE))
    assert problems == []
    assert [line["key"] for line in lines] == [
        audit_key_id(OLD.encode()),
        audit_key_id(NEW.encode()),
    ]


def test_verify_needs_the_retired_key_for_the_old_segment(rotated, settings):
    settings.PHOIHOP_AUDIT_RETIRED_KEYS = []
    codes = {p.code for p in audit_verify().problems}
    assert "content" in codes  # the first event verifies under no known key
    assert "checkpoint" in codes  # nor does the checkpoint signed with the old key


def test_an_event_signed_with_the_retired_key_after_the_switch_is_refused(rotated):
    def old_key(previous, event):
        fields = {name: getattr(event, name) for name in KEYED_FIELDS}
        return keyed_event_hash(key=OLD.encode(), previous_hash=previous, fields=fields)

    forged = _forge("identity.read", old_key, target_type="identity.identity", target_id="1")
    report = audit_verify()
    assert [(p.code, p.event_id) for p in report.problems if p.code == "content"] == [
        ("content", forged.id)
    ]


def test_a_forged_switch_to_a_key_outside_the_ring_is_refused(rotated):
    def guessed(previous, event):
        fields = {name: getattr(event, name) for name in KEYED_FIELDS}
        return keyed_event_hash(key=b"guessed-" * 5, previous_hash=previous, fields=fields)

    _forge(
        ROTATION_EVENT,
        guessed,
        data={"from": audit_key_id(NEW.encode()), "to": audit_key_id(b"guessed-" * 5)},
    )
    assert "content" in {p.code for p in audit_verify().problems}


def test_rotate_refuses_when_the_chain_is_already_on_the_current_key(rotated, actor):
    with pytest.raises(AuditKeyRotationError), transaction.atomic():
        audit_key_rotate(actor=actor)


def test_rotate_refuses_an_empty_log(db, actor):
    assert not AuditEvent.objects.exists()
    with pytest.raises(AuditKeyRotationError), transaction.atomic():
        audit_key_rotate(actor=actor)


def test_rotate_key_command_generates_a_new_key_file_and_checkpoints(
    settings, tmp_path, actor, tree, capsys
):
    key_file = tmp_path / "keys" / "audit.key"
    key_file.parent.mkdir()
    key_file.write_text(OLD + "\n")
    settings.PHOIHOP_AUDIT_KEY = ""
    settings.PHOIHOP_AUDIT_KEY_FILE = str(key_file)
    settings.PHOIHOP_AUDIT_CHECKPOINT_FILE = str(tmp_path / "checkpoints.jsonl")
    _events(actor, tree, 4)

    call_command("audit", "rotate-key", "--generate")

    new = key_file.read_text().strip()
    assert new != OLD and len(new) == 64
    assert (tmp_path / "keys" / "audit.key.retired").read_text().split() == [OLD]
    assert oct(os.stat(key_file).st_mode & 0o777) == "0o600"
    out = capsys.readouterr().out
    assert audit_key_id(OLD.encode()) in out and audit_key_id(new.encode()) in out
    switch = AuditEvent.objects.get(event=ROTATION_EVENT)
    lines, _ = checkpoint_lines(Path(settings.PHOIHOP_AUDIT_CHECKPOINT_FILE))
    assert (lines[-1]["sequence"], lines[-1]["key"]) == (
        switch.sequence,
        audit_key_id(new.encode()),
    )
    _events(actor, tree, 2)
    call_command("audit", "verify")
    assert "Nhật ký toàn vẹn" in capsys.readouterr().out
    with pytest.raises(CommandError, match="khóa hiện tại"):
        call_command("audit", "rotate-key")


def test_rotate_key_generate_refuses_a_key_from_the_environment(settings, actor, tree):
    settings.PHOIHOP_AUDIT_KEY = OLD
    _events(actor, tree, 1)
    with pytest.raises(CommandError, match="PHOIHOP_AUDIT_RETIRED_KEYS"):
        call_command("audit", "rotate-key", "--generate")
    assert not AuditEvent.objects.filter(event=ROTATION_EVENT).exists()
