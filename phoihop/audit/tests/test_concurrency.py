"""Concurrent writers never fork the chain: appends are serialised on the chain's head."""

import threading

import pytest
from django.db import connection, connections, transaction

from phoihop.audit.models import AuditEvent
from phoihop.audit.selectors import audit_chain_verify
from phoihop.audit.services import audit_record

THREADS = 8
EVENTS_PER_THREAD = 15


def _remove_committed_events() -> None:
    """The threads committed for real: lift the guard on a connection of our own and clean up."""

    def clean() -> None:
        with connection.cursor() as cursor:
            cursor.execute("SET session_replication_role = replica")
            cursor.execute("DELETE FROM audit_auditevent")
        connection.close()  # the session setting goes with the session

    thread = threading.Thread(target=clean)
    thread.start()
    thread.join()


@pytest.mark.django_db
def test_concurrent_appends_form_one_gapless_chain():
    if connection.vendor != "postgresql":
        pytest.skip(
            "SQLite: the test database is in memory and a thread's connection cannot share it; "
            "its IMMEDIATE transactions admit one writer at a time anyway"
        )
    # Each thread has its own connection and commits; the test's own transaction writes
    # nothing (it would hold the chain's lock until the end and block them all).
    assert not AuditEvent.objects.exists()
    start = threading.Barrier(THREADS)
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            start.wait()
            for i in range(EVENTS_PER_THREAD):
                with transaction.atomic():
                    audit_record(actor=None, event="audit.verified", data={"thread": n, "i": i})
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(THREADS)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)

        assert errors == []
        rows = list(
            AuditEvent.objects.order_by("id").values_list("id", "sequence", "previous_hash", "hash")
        )
        assert len(rows) == THREADS * EVENTS_PER_THREAD
        assert [r[0] for r in rows] == [r[1] for r in rows] == list(range(1, len(rows) + 1))
        assert len({r[2] for r in rows}) == len(rows)  # no two events claim one predecessor
        assert all(rows[n][2] == rows[n - 1][3] for n in range(1, len(rows)))
        report = audit_chain_verify()
        assert report.ok, report.reason
    finally:
        _remove_committed_events()
