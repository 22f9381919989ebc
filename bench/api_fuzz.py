"""Fuzz the REST API with schemathesis against a locally served instance (``make fuzz``).

Prepares a throwaway data directory (migrate, demo province), issues a write token for a demo
clerk, serves the site on a free port, runs ``st run`` on /api/schema with the checks that
matter (no 5xx, responses match the schema, status codes and content types are documented)
and a bounded number of examples per operation, then stops the server. Exits with st's code.

    python -m bench.api_fuzz --st .venv-fuzz/bin/st --max-examples 150
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

CHECKS = ",".join(
    [
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_schema_conformance",
    ]
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _phoihop(*args: str, env: dict[str, str]) -> str:
    exe = Path(sys.executable).with_name("phoihop")
    return subprocess.run(  # noqa: S603  (our own executables)
        [str(exe), *args], env=env, check=True, capture_output=True, text=True
    ).stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--st", default=".venv-fuzz/bin/st")
    parser.add_argument("--max-examples", type=int, default=150)
    parser.add_argument("--user", default="ubnd.vanthu")
    parser.add_argument("--workers", default="1")
    parser.add_argument("--phases", default="examples,coverage,fuzzing")
    parser.add_argument("--report-dir", default="")
    args, extra = parser.parse_known_args()

    data_dir = Path(tempfile.mkdtemp(prefix="phoihop-fuzz-"))
    env = {
        **os.environ,
        "PHOIHOP_DATA_DIR": str(data_dir),
        "DJANGO_SETTINGS_MODULE": "phoihop.settings.dev",
        "PHOIHOP_LOG_LEVEL": "WARNING",
    }
    port = _free_port()
    server = None
    try:
        _phoihop("migrate", "--noinput", env=env)
        _phoihop("demo", "load", env=env)
        key = _phoihop(
            "api_token", args.user, "--purpose", "fuzz", "--scope", "write", "--days", "1", env=env
        ).strip()
        server = subprocess.Popen(  # noqa: S603
            [
                str(Path(sys.executable).with_name("gunicorn")),
                "phoihop.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
                "--log-level",
                "warning",
            ],
            env=env,
        )
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/api/schema", timeout=2)  # noqa: S310
                break
            except OSError:
                time.sleep(0.2)
        command = [
            args.st,
            "run",
            f"{base}/api/schema",
            "--checks",
            CHECKS,
            "--max-examples",
            str(args.max_examples),
            "--phases",
            args.phases,
            "--workers",
            args.workers,
            "--header",
            f"Authorization: Bearer {key}",
            "--continue-on-failure",
            "--seed",
            "1",
            *(["--report", "ndjson", "--report-dir", args.report_dir] if args.report_dir else []),
            *extra,
        ]
        shown = [
            c if not c.startswith("Authorization") else "Authorization: Bearer …" for c in command
        ]
        print("$", " ".join(shown), flush=True)
        return subprocess.run(command, check=False).returncode  # noqa: S603
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
