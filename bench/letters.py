# ruff: noqa: S603, S607 — runs this repository's own commands and the PostgreSQL binaries
"""Letter list, search and the supervisors' overdue list at volume, on SQLite and PostgreSQL.

    .venv/bin/python -m bench.letters --count 1000000           # both databases
    .venv/bin/python -m bench.letters --count 100000 --databases sqlite

For each database: a fresh data directory (PostgreSQL: a server started from Debian's
binaries, as ``.ci/run`` does), ``migrate``, ``demo load``, ``generate_letters``; then the
pages are requested in-process through the whole middleware stack as signed-in demo accounts,
next to a bare Django view in the same run. Prints p50/p95 in milliseconds and p95 ratios.
Timings vary with the machine: they are reported, never asserted.
"""

import argparse
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PHOIHOP = [str(ROOT / ".venv" / "bin" / "phoihop")]
TARGET_P95_MS = 150

_TODAY = datetime.datetime.now(tz=datetime.UTC).date()
_MONTH_AGO = _TODAY - datetime.timedelta(days=30)
_WEEK_ON = _TODAY + datetime.timedelta(days=7)

# (name, account, path) — the accounts are demo accounts (phoihop/demo/data/province.toml).
SCENARIOS = [
    ("bare Django view", "ubnd.lanhdao", "/bench/bare/"),
    ("letter list, newest", "ubnd.lanhdao", "/don/"),
    ("letter list, status+kind", "ubnd.lanhdao", "/don/?status=accepted&kind=complaint"),
    ("letter list, overdue", "ubnd.lanhdao", "/don/?overdue=on"),
    ("letter list, page 200", "ubnd.lanhdao", "/don/?page=200"),
    (
        "letter list, received in a month",
        "ubnd.lanhdao",
        f"/don/?received_from={_MONTH_AGO:%d/%m/%Y}&received_to={_TODAY:%d/%m/%Y}",
    ),
    ("letter list, due within a week", "ubnd.lanhdao", f"/don/?due_to={_WEEK_ON:%d/%m/%Y}"),
    ("search 'thu hoi dat'", "ubnd.lanhdao", "/don/?q=thu+hoi+dat"),
    ("search 'DT816'", "ubnd.lanhdao", "/don/?q=DT816"),
    ("supervisors' overdue list", "hdnd.giamsat", "/don/giam-sat/"),
]


def _run(cmd, env, **kwargs):
    return subprocess.run(cmd, env=env, check=True, cwd=ROOT, **kwargs)


class Postgres:
    """A throw-away PostgreSQL server, like ``.ci/run`` starts."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.bin = sorted(Path("/usr/lib/postgresql").glob("*/bin"))[-1]
        self.data = Path(tempfile.mkdtemp(prefix="phoihop-bench-pg."))

    def _pg(self, *args):
        return subprocess.run(["runuser", "-u", "postgres", "--", *args], check=True)

    def __enter__(self) -> str:
        shutil.chown(self.data, "postgres")
        self._pg(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-A",
            "trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "-U",
            "postgres",
        )
        options = (
            f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c shared_buffers=256MB -c work_mem=16MB"
        )
        self._pg(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.data / "log"),
            "-w",
            "-o",
            options,
            "start",
        )
        self._pg(
            str(self.bin / "createdb"),
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-U",
            "postgres",
            "phoihop",
        )
        return f"postgres://postgres@127.0.0.1:{self.port}/phoihop"

    def __exit__(self, *exc) -> None:
        subprocess.run(
            [
                "runuser",
                "-u",
                "postgres",
                "--",
                str(self.bin / "pg_ctl"),
                "-D",
                str(self.data),
                "-m",
                "immediate",
                "stop",
            ],
            check=False,
        )
        shutil.rmtree(self.data, ignore_errors=True)


def _prepare(env, count: int, seed: int) -> float:
    _run([*PHOIHOP, "migrate", "--noinput", "-v0"], env)
    _run([*PHOIHOP, "demo", "load"], env, stdout=subprocess.DEVNULL)
    started = time.monotonic()
    _run([*PHOIHOP, "generate_letters", "--count", str(count), "--seed", str(seed), "--force"], env)
    return time.monotonic() - started


def _check(response, path: str) -> None:
    if response.status_code != 200:
        raise RuntimeError(f"{path}: HTTP {response.status_code}")


def _measure_here(repeat: int, budget: float) -> dict:
    """Runs inside the child process that has the database's settings."""
    import django

    django.setup()
    from django.test import Client, override_settings
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from phoihop.accounts.models import User
    from phoihop.letters.models import Letter

    clients = {}
    results = {"letters": Letter.objects.count()}
    with override_settings(ROOT_URLCONF="bench.urls", ALLOWED_HOSTS=["*"], DEBUG=False):
        for name, username, path in SCENARIOS:
            if username not in clients:
                client = Client()
                if username:  # None: an anonymous visitor (the public pages)
                    user = User.objects.get(username=username)
                    client.force_login(user)
                    session = client.session
                    session["otp_device_id"] = TOTPDevice.objects.get(user=user).persistent_id
                    session.save()
                clients[username] = client
            client = clients[username]
            started = time.perf_counter()
            _check(client.get(path), path)  # warm caches and connections
            if time.perf_counter() - started < 1:
                for _ in range(2):
                    _check(client.get(path), path)
            samples = []
            deadline = time.perf_counter() + budget
            while len(samples) < repeat and (len(samples) < 3 or time.perf_counter() < deadline):
                started = time.perf_counter()
                response = client.get(path)
                samples.append((time.perf_counter() - started) * 1000)
                _check(response, path)
            samples.sort()
            results[name] = {
                "p50": statistics.median(samples),
                "p95": samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))],
                "n": len(samples),
            }
    return results


def _measure(env, repeat: int, budget: float) -> dict:
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.letters",
            "--measure-here",
            "--repeat",
            str(repeat),
            "--budget",
            str(budget),
        ],
        env=env,
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _environment(data_dir: Path, database_url: str = "") -> dict:
    env = {
        **os.environ,
        "PHOIHOP_DATA_DIR": str(data_dir),
        "PHOIHOP_DEMO": "1",
        "DJANGO_SETTINGS_MODULE": "phoihop.settings.dev",
        "PYTHONPATH": str(ROOT),
    }
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def _table(count: int, runs: dict) -> str:
    names = [name for name, _, _ in SCENARIOS]
    header = f"{'scenario':<28}"
    for db in runs:
        header += f" | {db + ' p50':>13} {db + ' p95':>13} {'×bare':>6} {'n':>3}"
    lines = [
        f"Letters: {count:,} (p50/p95 in ms; ×bare = p95 / bare view p95)",
        header,
        "-" * len(header),
    ]
    for name in names:
        line = f"{name:<28}"
        for result in runs.values():
            bare = result["bare Django view"]["p95"]
            p50, p95 = result[name]["p50"], result[name]["p95"]
            flag = "*" if p95 > TARGET_P95_MS else " "
            line += f" | {p50:>13.1f} {p95:>12.1f}{flag} {p95 / bare:>6.1f} {result[name]['n']:>3}"
        lines.append(line)
    lines.append(f"* p95 above the {TARGET_P95_MS} ms target")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--pg-port", type=int, default=54341)
    parser.add_argument("--keep", type=Path, help="reuse/keep the SQLite data directory here")
    parser.add_argument(
        "--budget", type=float, default=60, help="seconds per scenario; at least 3 samples"
    )
    parser.add_argument(
        "--measure-url", help="measure an already loaded database ('sqlite' with --keep)"
    )
    parser.add_argument("--measure-here", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure_here:
        print(json.dumps(_measure_here(args.repeat, args.budget)))
        return
    if args.measure_url:  # an already loaded database: measure only
        data_dir = Path(tempfile.mkdtemp(prefix="phoihop-bench-"))
        url = "" if args.measure_url == "sqlite" else args.measure_url
        env = _environment(args.keep or data_dir, url)
        name = "sqlite" if not url else "postgresql"
        print(_table(args.count, {name: _measure(env, args.repeat, args.budget)}))
        return
    runs, load_seconds = {}, {}
    for database in args.databases.split(","):
        print(f"== {database}: preparing {args.count:,} letters", file=sys.stderr)
        if database == "sqlite":
            data_dir = args.keep or Path(tempfile.mkdtemp(prefix="phoihop-bench-"))
            data_dir.mkdir(parents=True, exist_ok=True)
            env = _environment(data_dir)
            if not (data_dir / "phoihop.sqlite3").exists():
                load_seconds[database] = _prepare(env, args.count, args.seed)
            runs[database] = _measure(env, args.repeat, args.budget)
            if not args.keep:
                shutil.rmtree(data_dir, ignore_errors=True)
        else:
            data_dir = Path(tempfile.mkdtemp(prefix="phoihop-bench-"))
            with Postgres(args.pg_port) as url:
                env = _environment(data_dir, url)
                load_seconds[database] = _prepare(env, args.count, args.seed)
                runs[database] = _measure(env, args.repeat, args.budget)
            shutil.rmtree(data_dir, ignore_errors=True)
    print(_table(args.count, runs))
    for database, seconds in load_seconds.items():
        print(f"generate_letters on {database}: {seconds:,.0f} s ({args.count / seconds:,.0f}/s)")


if __name__ == "__main__":
    main()
