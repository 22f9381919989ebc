"""The recommendations dashboard at volume, on SQLite and PostgreSQL, beside a bare view.

    .venv/bin/python -m bench.supervision --count 50000 --plans 1000    # both databases
    .venv/bin/python -m bench.supervision --databases sqlite

For each database: a fresh data directory (PostgreSQL: a throw-away server, as
``bench.letters`` starts it), ``migrate``, ``demo load``, then *plans* plans and *count*
recommendations written in bulk (statuses, bodies, topics and due dates spread; the clocks
are not generated: the pages read the ``due_on`` copy), then ``ANALYZE`` as after any bulk load
(``phoihop.volume.generator``). The pages are requested in-process
through the whole middleware stack as signed-in demo accounts. Prints p50/p95 in ms and the
ratio to the bare view. Timings vary with the machine: they are reported, never asserted.
"""

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from bench import letters as base

ROOT = base.ROOT
TARGET_P95_MS = 150

SCENARIOS = [
    ("bare Django view", "hdnd.lanhdao", "/bench/bare/"),
    ("dashboard, supervising body", "hdnd.lanhdao", "/giam-sat/"),
    ("dashboard, responsible body", "ubnd.lanhdao", "/giam-sat/"),
    ("recommendations, overdue", "hdnd.lanhdao", "/giam-sat/kien-nghi/?overdue=1"),
    ("recommendations, by status", "ubnd.lanhdao", "/giam-sat/kien-nghi/?status=remedying"),
    ("casework supervisors' overview", "hdnd.lanhdao", "/viec/giam-sat/"),
]
TOPICS = ["Xây dựng", "Đất đai", "Y tế", "Giáo dục", "Tài chính", "Môi trường", "Giao thông"]


def _generate_here(count: int, plans: int, seed: int) -> dict:
    """Runs in a child process with the database's settings: bulk-writes the volume."""
    import django

    django.setup()
    from django.db import transaction

    from phoihop.organizations.models import Organization
    from phoihop.supervision.models import Plan, PlanBody, Recommendation

    rng = random.Random(seed)
    supervisors = list(Organization.objects.filter(code__in=["tt-hdnd", "doan-dbqh", "btt-mttq"]))
    bodies = list(Organization.objects.filter(kind="department"))
    today = date.today()  # noqa: DTZ011 — the bench's own clock
    statuses = [s for s, _ in Recommendation.Status.choices]
    started = time.monotonic()
    with transaction.atomic():
        made = Plan.objects.bulk_create(
            Plan(
                organization=rng.choice(supervisors),
                reference=f"KHGS-B-{i:05d}",
                status="reported",
                title=f"Kế hoạch giám sát {i}",
                scope="Khối lượng thử nghiệm",
                starts_on=today - timedelta(days=rng.randint(30, 900)),
                ends_on=today,
            )
            for i in range(plans)
        )
        PlanBody.objects.bulk_create(
            PlanBody(plan=plan, organization=rng.choice(bodies)) for plan in made
        )
        batch = []
        for i in range(count):
            plan = made[i % len(made)]
            status = rng.choice(statuses)
            due = today + timedelta(days=rng.randint(-400, 300))
            batch.append(
                Recommendation(
                    organization=rng.choice(bodies),
                    plan=plan,
                    supervised_by_id=plan.organization_id,
                    reference=f"KNGS-B-{i:06d}",
                    status=status,
                    topic=rng.choice(TOPICS),
                    content=f"Kiến nghị thử nghiệm số {i}",
                    issued_on=plan.starts_on,
                    due_by=due,
                    due_on=None if status in ("reported_done", "verified", "closed") else due,
                )
            )
            if len(batch) == 5000:
                Recommendation.objects.bulk_create(batch)
                batch = []
        Recommendation.objects.bulk_create(batch)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # planner statistics after a bulk load, as generate_letters
    return {"seconds": time.monotonic() - started, "recommendations": count, "plans": plans}


# The dashboard's counts computed afresh (no cache), as after any recommendation's step: the
# selector itself, without the page around it (name, account).
UNCACHED = [
    ("dashboard counts, uncached, supervising", "hdnd.lanhdao"),
    ("dashboard counts, uncached, responsible", "ubnd.lanhdao"),
]


def _measure_here(repeat: int, budget: float) -> dict:
    base.SCENARIOS[:] = SCENARIOS
    results = base._measure_here(repeat, budget)
    import statistics

    from django.utils import timezone

    from phoihop.accounts.models import User
    from phoihop.supervision import selectors
    from phoihop.supervision.models import Recommendation

    for name, username in UNCACHED:
        user = User.objects.get(username=username)
        samples = []
        for _ in range(repeat):
            qs = Recommendation.objects.restrict(user, "view")
            started = time.perf_counter()
            selectors._dashboard(qs, today=timezone.localdate(), limit=20)
            samples.append((time.perf_counter() - started) * 1000)
        samples.sort()
        results[name] = {
            "p50": statistics.median(samples),
            "p95": samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))],
            "n": len(samples),
        }
    results["recommendations"] = Recommendation.objects.count()
    return results


def _child(flag: str, env, *extra: str) -> dict:
    out = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "bench.supervision", flag, *extra],
        env=env,
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _table(count: int, plans: int, runs: dict) -> str:
    header = f"{'scenario':<42}"
    for db in runs:
        header += f" | {db + ' p50':>13} {db + ' p95':>13} {'×bare':>6} {'n':>3}"
    lines = [
        f"Recommendations: {count:,} in {plans:,} plans (p50/p95 in ms; ×bare = p95 / bare p95)",
        header,
        "-" * len(header),
    ]
    for name in [name for name, _, _ in SCENARIOS] + [name for name, _ in UNCACHED]:
        line = f"{name:<42}"
        for result in runs.values():
            bare = result["bare Django view"]["p95"]
            p50, p95 = result[name]["p50"], result[name]["p95"]
            flag = "*" if p95 > TARGET_P95_MS else " "
            line += f" | {p50:>13.1f} {p95:>12.1f}{flag} {p95 / bare:>6.1f} {result[name]['n']:>3}"
        lines.append(line)
    lines.append(f"* p95 above the {TARGET_P95_MS} ms target")
    lines.append("uncached: the dashboard's grouped scan alone, as after a step renews it")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=50_000)
    parser.add_argument("--plans", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--budget", type=float, default=30)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--pg-port", type=int, default=54351)
    parser.add_argument("--generate-here", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--measure-here", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate_here:
        print(json.dumps(_generate_here(args.count, args.plans, args.seed)))
        return
    if args.measure_here:
        print(json.dumps(_measure_here(args.repeat, args.budget)))
        return
    runs = {}
    for database in args.databases.split(","):
        print(f"== {database}: {args.count:,} recommendations", file=sys.stderr)
        data_dir = Path(tempfile.mkdtemp(prefix="phoihop-bench-sv-"))
        try:
            if database == "postgresql":
                with base.Postgres(args.pg_port) as url:
                    runs[database] = _run_one(base._environment(data_dir, url), args)
            else:
                runs[database] = _run_one(base._environment(data_dir), args)
        finally:
            shutil.rmtree(data_dir, ignore_errors=True)
    print(_table(args.count, args.plans, runs))


def _run_one(env, args) -> dict:
    base._run([*base.PHOIHOP, "migrate", "--noinput", "-v0"], env)
    base._run([*base.PHOIHOP, "demo", "load"], env, stdout=subprocess.DEVNULL)
    made = _child(
        "--generate-here",
        env,
        "--count",
        str(args.count),
        "--plans",
        str(args.plans),
        "--seed",
        str(args.seed),
    )
    print(f"   generated in {made['seconds']:.1f} s", file=sys.stderr)
    return _child("--measure-here", env, "--repeat", str(args.repeat), "--budget", str(args.budget))


if __name__ == "__main__":
    main()
