"""The database guard of the audit log: triggers that refuse UPDATE, DELETE and TRUNCATE.

Migrations install it; ``phoihop audit verify`` checks that it is still there and enabled, since
a database administrator can drop or disable triggers before rewriting the log.
"""

from typing import Any

SQLITE_TRIGGERS = ("audit_auditevent_no_update", "audit_auditevent_no_delete")
POSTGRES_TRIGGERS = ("audit_auditevent_no_change", "audit_auditevent_no_truncate")

_SQLITE_UP = [
    """CREATE TRIGGER IF NOT EXISTS audit_auditevent_no_update BEFORE UPDATE ON audit_auditevent
       BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;""",
    """CREATE TRIGGER IF NOT EXISTS audit_auditevent_no_delete BEFORE DELETE ON audit_auditevent
       BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;""",
]
_SQLITE_DOWN = [f"DROP TRIGGER IF EXISTS {name};" for name in SQLITE_TRIGGERS]
_POSTGRES_UP = [
    """CREATE OR REPLACE FUNCTION audit_auditevent_append_only() RETURNS trigger AS $$
       BEGIN RAISE EXCEPTION 'audit log is append-only'; END; $$ LANGUAGE plpgsql;""",
    "DROP TRIGGER IF EXISTS audit_auditevent_no_change ON audit_auditevent;",
    """CREATE TRIGGER audit_auditevent_no_change BEFORE UPDATE OR DELETE ON audit_auditevent
       FOR EACH ROW EXECUTE FUNCTION audit_auditevent_append_only();""",
    "DROP TRIGGER IF EXISTS audit_auditevent_no_truncate ON audit_auditevent;",
    """CREATE TRIGGER audit_auditevent_no_truncate BEFORE TRUNCATE ON audit_auditevent
       FOR EACH STATEMENT EXECUTE FUNCTION audit_auditevent_append_only();""",
]
_POSTGRES_DOWN = [
    "DROP TRIGGER IF EXISTS audit_auditevent_no_change ON audit_auditevent;",
    "DROP TRIGGER IF EXISTS audit_auditevent_no_truncate ON audit_auditevent;",
]


def guard_install(schema_editor: Any) -> None:
    vendor = schema_editor.connection.vendor
    for sql in {"sqlite": _SQLITE_UP, "postgresql": _POSTGRES_UP}.get(vendor, []):
        schema_editor.execute(sql)


def guard_remove(schema_editor: Any) -> None:
    vendor = schema_editor.connection.vendor
    for sql in {"sqlite": _SQLITE_DOWN, "postgresql": _POSTGRES_DOWN}.get(vendor, []):
        schema_editor.execute(sql)


def guard_missing(connection: Any) -> list[str]:
    """Names of the guard's triggers that are missing or disabled on ``connection``."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
                ["audit_auditevent"],
            )
            present = {name for (name,) in cursor.fetchall()}
            return [name for name in SQLITE_TRIGGERS if name not in present]
        if connection.vendor == "postgresql":
            # tgenabled 'D' is a disabled trigger; 'O', 'A' and 'R' fire in ordinary sessions.
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_auditevent'::regclass"
                " AND NOT tgisinternal AND tgenabled IN ('O', 'A')"
            )
            present = {name for (name,) in cursor.fetchall()}
            return [name for name in POSTGRES_TRIGGERS if name not in present]
    return []
