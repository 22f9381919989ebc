"""The restore drill: backup → wipe → restore → ``audit verify`` passes, counts and checksums equal.

Run end to end through the ``phoihop`` command on a database of its own (a file for SQLite; a
fresh database on the server of ``DATABASE_URL`` when it points to PostgreSQL, as ``.ci/run``
sets it), with the demo province loaded through the services.
"""

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import dj_database_url
import psycopg
import pytest

from phoihop.audit.backup import BackupError, _pg_tool

PHOIHOP = Path(sys.executable).with_name("phoihop")
DATABASE_URL = os.environ.get("DATABASE_URL", "")
ON_POSTGRES = DATABASE_URL.startswith(("postgres://", "postgresql://"))


def _env(tmp_path: Path, database_url: str = "") -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("PHOIHOP_", "DJANGO_", "DATABASE"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="phoihop.settings.dev",
        PHOIHOP_DATA_DIR=str(tmp_path / "var"),
        PHOIHOP_AUDIT_KEY="drill-audit-key-0123456789abcdef0123456789",
        PHOIHOP_LOG_LEVEL="WARNING",
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def _phoihop(env: dict[str, str], *args: str, ok: bool = True) -> subprocess.CompletedProcess:
    done = subprocess.run(  # noqa: S603
        [str(PHOIHOP), *args], env=env, capture_output=True, text=True, timeout=900, check=False
    )
    if ok:
        assert done.returncode == 0, done.stdout + done.stderr
    return done


def _drill(env: dict[str, str], wipe: Callable[[], None]) -> Path:
    _phoihop(env, "migrate", "--noinput")
    _phoihop(env, "demo", "load")
    _phoihop(env, "audit", "checkpoint")
    before = json.loads(_phoihop(env, "backup", "--checksums").stdout)
    out = _phoihop(env, "backup").stdout
    backup = Path(out.split("Đã sao lưu vào ", 1)[1].splitlines()[0].strip())
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["databases"]["default"]["tables"] == before
    assert "drill-audit-key" not in (backup / "manifest.json").read_text()  # keys stay out

    wipe()
    restored = _phoihop(env, "restore", str(backup), "--yes").stdout
    assert "bảng khớp số dòng và mã kiểm tra" in restored
    assert "Nhật ký toàn vẹn" in restored  # restore runs `audit verify`: no event #1 breakage
    after = json.loads(_phoihop(env, "backup", "--checksums").stdout)
    assert after == before
    assert before["audit_auditevent"]["rows"] > 100
    assert before["letters_letter"]["rows"] > 0
    assert "Nhật ký toàn vẹn" in _phoihop(env, "audit", "verify").stdout
    return backup


def test_restore_drill_sqlite(tmp_path):
    env = _env(tmp_path)
    database = tmp_path / "var" / "phoihop.sqlite3"

    def wipe() -> None:
        for path in database.parent.glob("phoihop.sqlite3*"):
            path.unlink()
        assert not database.exists()

    backup = _drill(env, wipe)
    # A damaged backup file is refused before anything is overwritten.
    copy = backup / "default.sqlite3"
    data = copy.read_bytes()
    copy.write_bytes(data[:-1] + bytes([data[-1] ^ 0xFF]))  # the last byte may already be 0
    refused = _phoihop(env, "restore", str(backup), "--yes", ok=False)
    assert refused.returncode != 0
    assert "bị thay đổi hoặc hỏng" in refused.stderr


@pytest.mark.skipif(not ON_POSTGRES, reason="DATABASE_URL does not point to PostgreSQL")
def test_restore_drill_postgresql(tmp_path):
    conf = dj_database_url.parse(DATABASE_URL)
    name = f"phoihop_drill_{uuid.uuid4().hex[:10]}"
    server: dict[str, Any] = {
        "host": conf.get("HOST") or None,
        "port": conf.get("PORT") or None,
        "user": conf.get("USER") or None,
        "password": conf.get("PASSWORD") or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        url = DATABASE_URL.rsplit("/", 1)[0] + "/" + name

        def wipe() -> None:
            with psycopg.connect(dbname=name, autocommit=True, **server) as db:
                db.execute("DROP SCHEMA public CASCADE")
                db.execute("CREATE SCHEMA public")
                count = db.execute(
                    "SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'"
                ).fetchone()
                assert count == (0,)

        _drill(_env(tmp_path, url), wipe)
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_missing_postgresql_tools_give_a_vietnamese_error(monkeypatch):
    monkeypatch.setattr("phoihop.audit.backup.shutil.which", lambda name: None)
    with pytest.raises(BackupError, match=r"Không tìm thấy lệnh pg_dump.*postgresql-client"):
        _pg_tool("pg_dump")
