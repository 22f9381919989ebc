"""Backup and restore of the databases (docs/backup.md, docs/decisions/0103-backup-and-restore.md).

Each database alias is copied with its engine's own tool, never ``dumpdata``/``loaddata`` (which
lose microseconds and so break the audit chain at event #1): SQLite's online backup API, and
``pg_dump``/``pg_restore`` for PostgreSQL. A backup is a directory holding one file per database
and ``manifest.json``: the time, the engine, the audit log's head, the row count and checksum of
every table, and the SHA-256 of each file. Keys are never in a backup: the manifest records only
fingerprints of the audit key and the identity vault's keys, so that a restore can tell whether
the keys in place are the ones the data needs.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from datetime import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connections
from django.utils import timezone

MANIFEST = "manifest.json"


class BackupError(RuntimeError):
    """A backup or restore cannot go on; the message is for the operator, in Vietnamese."""


def _canonical(value: object) -> object:
    from phoihop.audit.chain import _canonical as audit_canonical

    if isinstance(value, memoryview):
        value = value.tobytes()
    if isinstance(value, bytes | bytearray):
        return "0x" + bytes(value).hex()
    if isinstance(value, time):
        return value.isoformat()
    return audit_canonical(value)


def table_checksums(alias: str = "default") -> dict[str, dict[str, Any]]:
    """``{table: {"rows": n, "sha256": …}}`` for every table of ``alias``.

    Tables of Django models are read through the ORM in primary-key order, every concrete
    column, so the checksum does not depend on the engine's storage; other tables (full-text
    indexes) are only counted.
    """
    from django.apps import apps

    connection = connections[alias]
    result: dict[str, dict[str, Any]] = {}
    modelled = set()
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed or meta.db_table in modelled:
            continue
        modelled.add(meta.db_table)
        columns = [f.attname for f in meta.concrete_fields]
        digest = hashlib.sha256()
        rows = 0
        query = model._base_manager.using(alias).order_by("pk").values_list(*columns)
        for values in query.iterator(chunk_size=2000):
            rows += 1
            digest.update(
                json.dumps(
                    [_canonical(v) for v in values], ensure_ascii=False, sort_keys=True, default=str
                ).encode()
            )
            digest.update(b"\n")
        result[meta.db_table] = {"rows": rows, "sha256": digest.hexdigest()}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            if table in modelled or table.startswith("sqlite_"):
                continue
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT COUNT(*) FROM {quoted}")  # noqa: S608 (introspected name)
            result[table] = {"rows": cursor.fetchone()[0]}
    return dict(sorted(result.items()))


def _fingerprint(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()[:16] if value else ""


def audit_key_is_known(fingerprint: str) -> bool:
    """Whether a backup's audit key fingerprint is the current key's or a retired key's."""
    from phoihop.audit.keys import audit_key_configured, retired_audit_keys

    known = [audit_key_configured(), *(k.decode() for k in retired_audit_keys())]
    return bool(fingerprint) and fingerprint in {_fingerprint(k) for k in known}


def key_fingerprints() -> dict[str, Any]:
    """Fingerprints (never values) of the keys kept outside the backup."""
    from phoihop.audit.keys import audit_key_configured

    fingerprint = _fingerprint

    return {
        "audit_key": fingerprint(audit_key_configured()),
        "identity_keys": [fingerprint(k) for k in getattr(settings, "PHOIHOP_IDENTITY_KEYS", [])],
    }


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _pg_tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BackupError(
            f"Không tìm thấy lệnh {name}: cài gói postgresql-client cùng phiên bản với máy chủ "
            "PostgreSQL (apt-get install postgresql-client) rồi chạy lại."
        )
    return found


def _pg_args(alias: str) -> tuple[list[str], dict[str, str]]:
    conf = connections[alias].settings_dict
    args = ["--dbname", conf["NAME"]]
    if conf.get("HOST"):
        args += ["--host", str(conf["HOST"])]
    if conf.get("PORT"):
        args += ["--port", str(conf["PORT"])]
    if conf.get("USER"):
        args += ["--username", str(conf["USER"])]
    env = {**os.environ}
    if conf.get("PASSWORD"):
        env["PGPASSWORD"] = str(conf["PASSWORD"])
    return args, env


def _run(command: list[str], env: dict[str, str], what: str) -> None:
    completed = subprocess.run(  # noqa: S603 — fixed tool, arguments from settings
        command, env=env, capture_output=True, text=True, check=False
    )
    if completed.returncode != 0:
        raise BackupError(
            f"{what} thất bại (mã {completed.returncode}): {completed.stderr.strip()}"
        )


def _sqlite_copy(source: sqlite3.Connection, target: sqlite3.Connection) -> None:
    source.backup(target, pages=1024)


def _database_backup(alias: str, directory: Path) -> dict[str, Any]:
    connection = connections[alias]
    vendor = connection.vendor
    if vendor == "sqlite":
        path = directory / f"{alias}.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            _sqlite_copy(connection.connection, target)  # online: writers may go on meanwhile
        finally:
            target.close()
    elif vendor == "postgresql":
        path = directory / f"{alias}.dump"
        args, env = _pg_args(alias)
        _run(
            [_pg_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(path), *args],
            env,
            "pg_dump",
        )
    else:
        raise BackupError(f"Chưa hỗ trợ sao lưu cơ sở dữ liệu loại {vendor}.")
    return {"engine": vendor, "file": path.name, "sha256": _file_sha256(path)}


def backup_create(*, directory: Path | None = None) -> Path:
    """Back up every configured database into a new directory; return its path.

    Raises:
        BackupError: a tool is missing or failed.
    """
    from phoihop.audit.checkpoints import audit_head

    base = Path(directory or settings.PHOIHOP_BACKUP_DIR)
    stamp = timezone.now().strftime("%Y%m%dT%H%M%S%fZ")
    target = base / f"phoihop-{stamp}"
    target.mkdir(parents=True, exist_ok=False)
    os.chmod(target, 0o700)
    # Checksums first: with writers running, the copy may hold a few more rows than counted;
    # the drill (and `phoihop restore`) compare on a quiet database.
    manifest: dict[str, Any] = {
        "format": 1,
        "created_at": timezone.now().isoformat(),
        "keys": key_fingerprints(),
        "databases": {},
    }
    for alias in settings.DATABASES:
        sequence, head = audit_head() if alias == "default" else (0, "")
        entry = {"tables": table_checksums(alias), **_database_backup(alias, target)}
        if alias == "default":
            entry["audit_head"] = {"sequence": sequence, "hash": head}
        manifest["databases"][alias] = entry
    (target / MANIFEST).write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True), encoding="utf-8"
    )
    return target


def backup_read(directory: Path) -> dict[str, Any]:
    path = Path(directory) / MANIFEST
    if not path.exists():
        raise BackupError(f"Không có {MANIFEST} trong {directory}: đây không phải bản sao lưu.")
    return json.loads(path.read_text(encoding="utf-8"))


def _database_restore(alias: str, directory: Path, entry: dict[str, Any]) -> None:
    connection = connections[alias]
    path = directory / entry["file"]
    if _file_sha256(path) != entry["sha256"]:
        raise BackupError(f"Tệp {path.name} đã bị thay đổi hoặc hỏng (sai SHA-256).")
    if connection.vendor != entry["engine"]:
        raise BackupError(
            f"Bản sao lưu của {entry['engine']} không khôi phục được vào {connection.vendor}."
        )
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(path)
        try:
            _sqlite_copy(source, connection.connection)
        finally:
            source.close()
        connection.close()
    else:
        args, env = _pg_args(alias)
        connection.close()
        _run(
            [
                _pg_tool("pg_restore"),
                "--no-owner",
                "--clean",
                "--if-exists",
                "--single-transaction",
                "--exit-on-error",
                *args,
                str(path),
            ],
            env,
            "pg_restore",
        )


def backup_restore(*, directory: Path) -> dict[str, list[str]]:
    """Restore every database of a backup, then compare row counts and checksums.

    Returns ``{alias: [differences]}`` (empty lists when identical).

    Raises:
        BackupError: the backup is damaged, of another engine, or a tool is missing or failed.
    """
    directory = Path(directory)
    manifest = backup_read(directory)
    differences: dict[str, list[str]] = {}
    for alias, entry in manifest["databases"].items():
        if alias not in settings.DATABASES:
            raise BackupError(f"Cơ sở dữ liệu {alias} của bản sao lưu không có trong cấu hình.")
        _database_restore(alias, directory, entry)
        now = table_checksums(alias)
        differences[alias] = [
            f"{table}: {entry['tables'].get(table)} ≠ {now.get(table)}"
            for table in sorted(set(entry["tables"]) | set(now))
            if entry["tables"].get(table) != now.get(table)
        ]
    return differences
