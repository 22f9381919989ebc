import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from phoihop.audit.models import AuditEvent
from phoihop.audit.registry import UnknownAuditEventError
from phoihop.audit.selectors import audit_chain_verify
from phoihop.audit.services import audit_record, field_changes


def _record(actor, target, **data):
    with transaction.atomic():
        return audit_record(actor=actor, event="organization.changed", target=target, data=data)


def test_audit_record_links_each_event_to_the_previous(actor, tree):
    first = _record(actor, tree.own, name={"old": "A", "new": "B"})
    second = _record(actor, tree.own)
    assert second.previous_hash == first.hash
    assert first.target_type == "organizations.organization"
    assert first.target_id == str(tree.own.pk)
    assert first.organization == tree.own
    assert first.data == {"name": {"old": "A", "new": "B"}}
    assert audit_chain_verify().ok


def test_audit_record_refuses_unknown_codes(actor, tree):
    before = AuditEvent.objects.count()
    with pytest.raises(UnknownAuditEventError), transaction.atomic():
        audit_record(actor=actor, event="organization.exploded", target=tree.own)
    assert AuditEvent.objects.count() == before


def test_field_changes_keeps_only_changed_fields():
    assert field_changes({"a": 1, "b": 2}, {"a": 1, "b": 3, "c": 4}) == {
        "b": {"old": 2, "new": 3},
        "c": {"old": None, "new": 4},
    }


def test_database_refuses_update_and_delete_of_audit_rows(actor, tree):
    event = _record(actor, tree.own)
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(event="user.signed_in")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert AuditEvent.objects.get(pk=event.pk).event == "organization.changed"


def _tamper(sql: str, params: list) -> None:
    """Alter a row behind the application's back, as an intruder with database access would."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER audit_auditevent_no_update")
            cursor.execute("DROP TRIGGER audit_auditevent_no_delete")
        else:
            # Triggers off for this transaction only (a database superuser can do this).
            cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(sql, params)


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_auditevent SET target_display = 'sửa lén' WHERE id = %s",
        "DELETE FROM audit_auditevent WHERE id = %s",
    ],
)
def test_audit_verify_names_the_first_tampered_event(actor, tree, sql):
    events = [_record(actor, tree.own, n={"old": i, "new": i + 1}) for i in range(4)]
    call_command("audit", "verify")  # intact
    _tamper(sql, [events[1].pk])
    report = audit_chain_verify()
    expected = events[1].pk if sql.startswith("UPDATE") else events[2].pk
    assert report.first_bad_id == expected
    with pytest.raises(CommandError, match=f"#{expected}"):
        call_command("audit", "verify")
