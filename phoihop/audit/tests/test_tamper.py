"""The tamper suite: rewrites of the audit log and of audited rows that ``audit verify`` must find.

Each tampering is done the way an intruder with database access would do it: raw SQL or the ORM,
with the guard's triggers dropped (SQLite) or bypassed (PostgreSQL, ``session_replication_role``),
and without the audit key. Every tampering must be reported; the list is in docs/audit.md.
"""

import hashlib
import hmac
import importlib
import json
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.apps import apps as django_apps
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.utils import timezone

from phoihop.audit.chain import GENESIS, KEYED_FIELDS, _payload, event_hash, row_fields
from phoihop.audit.checkpoints import checkpoint_write
from phoihop.audit.guard import guard_install
from phoihop.audit.models import AuditEvent
from phoihop.audit.selectors import audit_verify
from phoihop.audit.services import audit_record

# The sealed table the suite tampers with: letters, built through their services.
from phoihop.letters.models import Letter
from phoihop.letters.tests.factories import register


class _Editor:
    """Enough of a schema editor for ``guard_install``: runs SQL on the test connection."""

    connection = connection

    def execute(self, sql: str) -> None:
        with connection.cursor() as cursor:
            cursor.execute(sql)


@contextmanager
def unguarded(*, restore: bool = True) -> Iterator[None]:
    """Lift the triggers for a tampering; put them back afterwards unless ``restore`` is False."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER IF EXISTS audit_auditevent_no_update")
            cursor.execute("DROP TRIGGER IF EXISTS audit_auditevent_no_delete")
        else:
            cursor.execute("SET LOCAL session_replication_role = replica")
            if not restore:
                cursor.execute(
                    "DROP TRIGGER IF EXISTS audit_auditevent_no_change ON audit_auditevent"
                )
                cursor.execute(
                    "DROP TRIGGER IF EXISTS audit_auditevent_no_truncate ON audit_auditevent"
                )
    yield
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL session_replication_role = origin")
    if restore and connection.vendor == "sqlite":
        guard_install(_Editor())


def _sha(previous: str, event: AuditEvent) -> str:
    """What an intruder without the key can compute: plain SHA-256 over the same content."""
    fields = {name: getattr(event, name) for name in KEYED_FIELDS}
    return hashlib.sha256((previous + _payload(fields)).encode()).hexdigest()


def _wrong_key(previous: str, event: AuditEvent) -> str:
    fields = {name: getattr(event, name) for name in KEYED_FIELDS}
    message = (previous + _payload(fields)).encode()
    return hmac.new(b"guessed-key-" + b"0" * 32, message, hashlib.sha256).hexdigest()


def _rechain(start_id: int, hasher: Callable[[str, AuditEvent], str], renumber: bool = False):
    """Recompute links (and optionally sequences) from ``start_id`` on, without the real key."""
    previous_row = AuditEvent.objects.filter(id__lt=start_id).order_by("-id").first()
    previous = previous_row.hash if previous_row else GENESIS
    sequence = previous_row.sequence if previous_row else 0
    for event in AuditEvent.objects.filter(id__gte=start_id).order_by("id"):
        sequence += 1
        if renumber:
            event.sequence = sequence
        event.previous_hash = previous
        event.hash = hasher(previous, event)
        AuditEvent.objects.filter(pk=event.pk).update(
            previous_hash=event.previous_hash, hash=event.hash, sequence=event.sequence
        )
        previous = event.hash


def _forge(event: str, hasher: Callable[[str, AuditEvent], str], **fields) -> AuditEvent:
    last = AuditEvent.objects.order_by("-id").first()
    row = AuditEvent(
        id=last.id + 1,
        sequence=last.sequence + 1,
        occurred_at=timezone.now(),
        event=event,
        previous_hash=last.hash,
        data=fields.pop("data", {}),
        **fields,
    )
    row.hash = hasher(row.previous_hash, row)
    row.save(force_insert=True)
    return row


@pytest.fixture
def log(settings, tmp_path, actor, tree):
    """A log of 60+ events about an organization and a sealed letter, checkpointed outside."""
    settings.PHOIHOP_AUDIT_CHECKPOINT_FILE = str(tmp_path / "checkpoints.jsonl")
    settings.PHOIHOP_AUDIT_WITNESS_DIR = str(tmp_path / "witness")
    letter = register(tree.own, kind="complaint")
    other = register(tree.own, content="Tôi kiến nghị sửa đường liên xã bị sạt lở.")
    with transaction.atomic():
        for i in range(60):
            audit_record(actor=actor, event="organization.changed", target=tree.own, data={"n": i})
    checkpoint_write()
    report = audit_verify()
    assert report.ok, report.problems
    assert report.sealed_rows == 2
    return SimpleNamespace(
        letter=letter,
        other=other,
        tree=tree,
        actor=actor,
        checkpoints=Path(settings.PHOIHOP_AUDIT_CHECKPOINT_FILE),
        witness=Path(settings.PHOIHOP_AUDIT_WITNESS_DIR),
        ids=list(AuditEvent.objects.order_by("id").values_list("id", flat=True)),
    )


def _middle(log) -> int:
    return log.ids[len(log.ids) // 2]


# --- the tamperings --------------------------------------------------------------------------


def edit_one_event(log):
    with unguarded():
        AuditEvent.objects.filter(pk=_middle(log)).update(target_display="sửa lén")


def edit_event_data(log):
    with unguarded():
        AuditEvent.objects.filter(pk=_middle(log)).update(data={"n": -1})


def backdate_event(log):
    with unguarded():
        event = AuditEvent.objects.get(pk=_middle(log))
        AuditEvent.objects.filter(pk=event.pk).update(
            occurred_at=event.occurred_at - timedelta(days=3)
        )


def change_actor(log):
    with unguarded():
        AuditEvent.objects.filter(pk=_middle(log)).update(actor=None, actor_display="")


def edit_and_recompute_rest_with_sha256(log):
    with unguarded():
        AuditEvent.objects.filter(pk=_middle(log)).update(target_display="sửa lén")
        _rechain(_middle(log), _sha)


def edit_and_recompute_rest_with_a_guessed_key(log):
    with unguarded():
        AuditEvent.objects.filter(pk=_middle(log)).update(target_display="sửa lén")
        _rechain(_middle(log), _wrong_key)


def delete_one_event(log):
    with unguarded():
        AuditEvent.objects.filter(pk=_middle(log)).delete()


def delete_one_and_relink(log):
    with unguarded():
        AuditEvent.objects.filter(pk=_middle(log)).delete()
        _rechain(_middle(log) + 1, _sha, renumber=True)


def delete_one_and_relink_with_a_guessed_key(log):
    with unguarded():
        AuditEvent.objects.filter(pk=_middle(log)).delete()
        _rechain(_middle(log) + 1, _wrong_key, renumber=True)


def delete_last_event(log):
    with unguarded():
        AuditEvent.objects.filter(pk=log.ids[-1]).delete()


def drop_triggers_then_delete_last_50(log):
    with unguarded(restore=False):
        AuditEvent.objects.filter(pk__in=log.ids[-50:]).delete()


def delete_last_50_and_restore_triggers(log):
    with unguarded():
        AuditEvent.objects.filter(pk__in=log.ids[-50:]).delete()


def delete_all_events(log):
    with unguarded():
        AuditEvent.objects.all().delete()


def delete_all_events_and_the_checkpoint_file(log):
    with unguarded():
        AuditEvent.objects.all().delete()
    log.checkpoints.unlink()


def rewrite_whole_log_without_key(log):
    """Replace the log by a plain SHA-256 chain of the same events (what verify used to accept)."""
    with unguarded():
        _rechain(
            log.ids[0],
            lambda previous, event: event_hash(previous_hash=previous, fields=row_fields(event)),
        )


def forged_identity_read_appended_sha256(log):
    _forge("identity.read", _sha, target_type="letters.letter", target_id=str(log.letter.pk))


def forged_identity_read_appended_guessed_key(log):
    _forge("identity.read", _wrong_key, target_type="letters.letter", target_id=str(log.letter.pk))


def swap_two_events(log):
    first, second = _middle(log), _middle(log) + 1
    a = AuditEvent.objects.get(pk=first)
    b = AuditEvent.objects.get(pk=second)
    with unguarded():
        AuditEvent.objects.filter(pk=first).update(data=b.data)
        AuditEvent.objects.filter(pk=second).update(data=a.data)


def renumber_sequence(log):
    with unguarded():
        AuditEvent.objects.filter(pk=log.ids[-1]).update(sequence=log.ids[-1] + 7)


def renumber_ids(log):
    """Move the last event to a higher id, leaving a gap (sequence and content untouched)."""
    with unguarded():
        row = AuditEvent.objects.get(pk=log.ids[-1])
        AuditEvent.objects.filter(pk=row.pk).delete()
        row.pk = row.id = row.id + 5
        row.save(force_insert=True)


def drop_triggers_only(log):
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER audit_auditevent_no_delete")
        else:
            cursor.execute("DROP TRIGGER audit_auditevent_no_truncate ON audit_auditevent")


def disable_triggers(log):
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER audit_auditevent_no_update")
        else:
            # What ALTER TABLE … DISABLE TRIGGER does, written to the catalogue directly (ALTER is
            # refused inside the test's transaction while foreign-key checks are pending).
            cursor.execute(
                "UPDATE pg_trigger SET tgenabled = 'D' WHERE tgname = 'audit_auditevent_no_change'"
            )


def update_letter_status(log):
    Letter.objects.filter(pk=log.letter.pk).update(status="withdrawn")


def update_letter_content_by_sql(log):
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE letters_letter SET content = %s WHERE id = %s",
            ["Nội dung đã bị thay bằng SQL.", log.letter.pk],
        )


def update_letter_assignee(log):
    Letter.objects.filter(pk=log.letter.pk).update(assigned_to=log.actor)


def insert_forged_letter(log):
    row = Letter.objects.get(pk=log.other.pk)
    row.pk = row.id = None
    row.public_id = uuid.uuid4()
    row.number = 999
    row.reference = "999/2026/Đ-HDND"
    row.save(force_insert=True)  # a plain ORM save: no service, no audit event


def delete_letter(log):
    """Delete a letter and the rows pointing at it, bypassing the services and PROTECT."""
    for relation in Letter._meta.related_objects:
        if relation.many_to_many or not relation.field.concrete:
            continue
        rows = relation.related_model._base_manager.filter(**{relation.field.name: log.other.pk})
        if relation.field.null:
            rows.update(**{relation.field.name: None})
        else:
            rows._raw_delete(connection.alias)
    Letter.objects.filter(pk=log.other.pk)._raw_delete(connection.alias)


def forge_checkpoint_file(log):
    """Delete the last 10 events and rewrite the checkpoint file's head to match, without key."""
    with unguarded():
        AuditEvent.objects.filter(pk__in=log.ids[-10:]).delete()
    line = json.loads(log.checkpoints.read_text().splitlines()[-1])
    head = AuditEvent.objects.order_by("-id").first()
    line.update(sequence=head.sequence, head=head.hash)
    log.checkpoints.write_text(json.dumps(line) + "\n")


def truncate_log_and_checkpoint_file_together(log):
    """Delete the last 10 events and the checkpoint lines after them: the witness still knows."""
    with unguarded():
        AuditEvent.objects.filter(pk__in=log.ids[-10:]).delete()
    log.checkpoints.write_text("")


TAMPERINGS = [
    (edit_one_event, "content"),
    (edit_event_data, "content"),
    (backdate_event, "content"),
    (change_actor, "content"),
    (edit_and_recompute_rest_with_sha256, "content"),
    (edit_and_recompute_rest_with_a_guessed_key, "content"),
    (delete_one_event, "sequence"),
    (delete_one_and_relink, "content"),
    (delete_one_and_relink_with_a_guessed_key, "content"),
    (delete_last_event, "checkpoint"),
    (drop_triggers_then_delete_last_50, "guard"),
    (delete_last_50_and_restore_triggers, "checkpoint"),
    (delete_all_events, "checkpoint"),
    (delete_all_events_and_the_checkpoint_file, "checkpoint"),
    (rewrite_whole_log_without_key, "anchor"),
    (forged_identity_read_appended_sha256, "content"),
    (forged_identity_read_appended_guessed_key, "content"),
    (swap_two_events, "content"),
    (renumber_sequence, "sequence"),
    (renumber_ids, "id"),
    (drop_triggers_only, "guard"),
    (disable_triggers, "guard"),
    (update_letter_status, "row"),
    (update_letter_content_by_sql, "row"),
    (update_letter_assignee, "row"),
    (insert_forged_letter, "unsealed"),
    (delete_letter, "row"),
    (forge_checkpoint_file, "checkpoint"),
    (truncate_log_and_checkpoint_file_together, "checkpoint"),
]


@pytest.mark.parametrize(("tamper", "code"), TAMPERINGS, ids=[t.__name__ for t, _ in TAMPERINGS])
def test_audit_verify_detects_tampering(log, tamper, code):
    tamper(log)
    report = audit_verify(checkpoint_files=sorted(log.witness.glob("*.json")))
    assert not report.ok
    assert code in {p.code for p in report.problems}, report.problems
    with pytest.raises(CommandError, match="Nhật ký bị can thiệp"):
        call_command("audit", "verify", "--checkpoint", *[str(p) for p in log.witness.glob("*")])


def test_the_suite_has_at_least_twenty_distinct_tamperings():
    assert len({t.__name__ for t, _ in TAMPERINGS}) >= 20


def test_audit_verify_passes_on_an_untouched_log_and_after_new_events(log, capsys):
    with transaction.atomic():
        audit_record(actor=log.actor, event="organization.changed", target=log.tree.own)
    call_command("audit", "verify")
    assert "Nhật ký toàn vẹn" in capsys.readouterr().out


def test_legacy_events_are_pinned_by_the_keyed_anchor(db, settings, tmp_path):
    """Events written before the key keep their SHA-256 hashes; the migration's anchor pins them."""
    previous = GENESIS
    for n in range(1, 4):
        row = AuditEvent(
            id=n,
            sequence=n,
            occurred_at=timezone.now(),
            event="system.unattributed_change",
            data={"n": n},
            previous_hash=previous,
        )
        row.hash = event_hash(previous_hash=previous, fields=row_fields(row))
        row.save(force_insert=True)
        previous = row.hash
    assert audit_verify().problems[0].code == "anchor"  # a keyless chain is not accepted alone
    migration = importlib.import_module("phoihop.audit.migrations.0004_number_and_key_the_chain")
    editor = _Editor()
    editor.connection = connection
    with unguarded():
        migration.forwards(
            django_apps, SimpleNamespace(connection=connection, execute=editor.execute)
        )
    anchor = AuditEvent.objects.order_by("-id").first()
    assert anchor.event == "audit.chain_keyed"
    assert anchor.data["legacy_count"] == 3
    assert anchor.data["legacy_intact"] is True
    report = audit_verify()
    assert report.ok, report.problems
    assert report.legacy == 3
    # Rewriting a legacy event and recomputing the legacy hashes no longer fits the anchor.
    with unguarded():
        AuditEvent.objects.filter(pk=2).update(data={"n": 20})
        for n in (2, 3):
            row = AuditEvent.objects.get(pk=n)
            before = AuditEvent.objects.get(pk=n - 1).hash
            AuditEvent.objects.filter(pk=n).update(
                previous_hash=before, hash=event_hash(previous_hash=before, fields=row_fields(row))
            )
    # The anchor's link to the legacy head breaks; the anchor itself cannot be rewritten.
    assert {p.code for p in audit_verify().problems} & {"link", "anchor"}


def test_checkpoint_refuses_a_rollback_unless_accepted(log):
    from phoihop.audit.checkpoints import CheckpointRollbackError

    with unguarded():
        AuditEvent.objects.filter(pk__in=log.ids[-5:]).delete()
    with pytest.raises(CheckpointRollbackError):
        checkpoint_write()
    with pytest.raises(CommandError, match="khôi phục"):
        call_command("audit", "checkpoint")
    call_command("audit", "checkpoint", "--accept-rollback", "khôi phục bản sao lưu đêm qua")
    report = audit_verify()
    assert report.ok, report.problems
    assert report.checkpoint is not None
    assert report.checkpoint["rollback_accepted"] == "khôi phục bản sao lưu đêm qua"


def test_the_task_queue_writes_checkpoints_and_emails_the_witness(log, settings, mailoutbox):
    from phoihop.audit.tasks import audit_checkpoint

    settings.PHOIHOP_AUDIT_WITNESS_EMAILS = ["giamsat@hdnd.example"]
    with transaction.atomic():
        audit_record(actor=log.actor, event="organization.changed", target=log.tree.own)
    line = audit_checkpoint.call_local()
    assert line["sequence"] == AuditEvent.objects.count()
    assert json.loads(log.checkpoints.read_text().splitlines()[-1]) == line
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["giamsat@hdnd.example"]
    witness_line = mailoutbox[0].body.strip().splitlines()[-1]
    assert json.loads(witness_line) == line
    # The e-mailed line is a witness on its own: after the log and the file are both cut back,
    # it still shows the loss.
    kept = log.checkpoints.parent / "from-mail.jsonl"
    kept.write_text(witness_line + "\n")
    with unguarded():
        AuditEvent.objects.filter(pk=AuditEvent.objects.order_by("-id").first().pk).delete()
    log.checkpoints.write_text("")
    report = audit_verify(checkpoint_files=[kept])
    assert "checkpoint" in {p.code for p in report.problems}


def test_deploy_check_warns_without_an_audit_key(settings):
    from phoihop.audit.checks import audit_key_check

    settings.PHOIHOP_AUDIT_KEY = ""
    settings.PHOIHOP_AUDIT_KEY_FILE = ""
    assert "phoihop.audit.W001" in {m.id for m in audit_key_check()}
    settings.PHOIHOP_AUDIT_KEY = "short"
    assert "phoihop.audit.W002" in {m.id for m in audit_key_check()}
    settings.PHOIHOP_AUDIT_KEY = "k" * 64
    settings.PHOIHOP_AUDIT_CHECKPOINT_FILE = "/tmp/x.jsonl"  # noqa: S108
    assert {m.id for m in audit_key_check() if m.level >= 30} == set()


def test_writing_without_a_key_fails_in_vietnamese(settings, actor, tree):
    from phoihop.audit.keys import AuditKeyMissingError

    settings.PHOIHOP_AUDIT_KEY = ""
    settings.PHOIHOP_AUDIT_KEY_FILE = ""
    with pytest.raises(AuditKeyMissingError, match="Chưa có khóa nhật ký"), transaction.atomic():
        audit_record(actor=actor, event="organization.changed", target=tree.own)


def test_development_generates_a_private_key_file_once(settings, tmp_path):
    from phoihop.audit.keys import audit_key

    settings.PHOIHOP_AUDIT_KEY = ""
    settings.PHOIHOP_AUDIT_KEY_FILE = str(tmp_path / "audit.key")
    settings.PHOIHOP_AUDIT_KEY_GENERATE = True
    first = audit_key()
    assert audit_key() == first
    assert (tmp_path / "audit.key").stat().st_mode & 0o077 == 0


def test_seal_command_seals_old_rows_but_never_launders_a_changed_one(log):
    insert_forged_letter(log)  # stands for a letter older than sealing
    update_letter_status(log)
    codes = {p.code for p in audit_verify().problems}
    assert codes == {"unsealed", "row"}
    call_command("audit", "seal")
    event = AuditEvent.objects.order_by("-id").first()
    assert event.event == "audit.rows_sealed"
    assert event.data["model"] == "letters.letter"
    assert {p.code for p in audit_verify().problems} == {"row"}  # the changed letter stays found


def test_a_cut_tail_followed_by_new_events_is_found_and_not_checkpointed(log):
    """Tampering 30: cut 10 events, let the application append 15 more, try to checkpoint."""
    from phoihop.audit.checkpoints import CheckpointMismatchError

    with unguarded():
        AuditEvent.objects.filter(pk__in=log.ids[-10:]).delete()
    with transaction.atomic():
        for i in range(15):
            audit_record(
                actor=log.actor, event="organization.changed", target=log.tree.own, data={"i": i}
            )
    assert AuditEvent.objects.count() > len(log.ids)
    report = audit_verify()
    assert "checkpoint" in {p.code for p in report.problems}
    with pytest.raises(CheckpointMismatchError):
        checkpoint_write()
    with pytest.raises(CommandError, match="không còn khớp mốc"):
        call_command("audit", "checkpoint")


def test_a_missing_checkpoint_file_is_reported_once_the_log_is_old_enough(log):
    assert audit_verify().ok
    log.checkpoints.unlink()
    assert audit_verify().ok  # a young log may not have its first checkpoint yet
    with unguarded():
        AuditEvent.objects.filter(pk=log.ids[0]).update(
            occurred_at=timezone.now() - timedelta(hours=2)
        )
    assert "checkpoint" in {p.code for p in audit_verify().problems}
