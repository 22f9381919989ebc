"""Comments on one draft at volume: merging in the background, and the provision pages, on
SQLite and PostgreSQL, beside a bare view.

    .venv/bin/python -m bench.lawmaking --count 100000            # both databases
    .venv/bin/python -m bench.lawmaking --databases sqlite

For each database: a fresh data directory (PostgreSQL: a throw-away server, as
``bench.letters`` starts it), ``migrate``, ``demo load``, then *count* comments on the demo
draft law's consultation written through the comment service in batches (so each counts at
once in the opinion of its exact wording): a third in three campaigns of near-identical
letters, the rest spread over the provisions with varied wording. Then a merge run as the
worker runs it, its progress sampled; then the pages requested in-process through the whole
middleware stack as a signed-in demo account. Prints p50/p95 in ms and the ratio to the bare
view, then the plans of the busiest provision page's reads (also written to
``var/bench-lawmaking-explain-<database>.txt``). Timings vary with the machine: they are
reported, never asserted.
"""

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import letters as base

ROOT = base.ROOT
TARGET_P95_MS = 150
USER = "dbqh.lanhdao"
_TEXT = """đề nghị quy định rõ hơn về mức thu phí đối tượng miễn giảm thời hạn nộp
cơ quan thu trách nhiệm kiểm tra xử lý vi phạm công khai minh bạch
người dân doanh nghiệp vận tải hộ nghèo vùng sâu vùng xa xe máy ô tô
tải trọng bảo trì đường bộ ngân sách địa phương"""
WORDS = _TEXT.split()


def _consultation():
    from phoihop.lawmaking.models import Consultation

    return Consultation.objects.filter(kind="delegation").order_by("id").first()


def _generate_here(count: int, seed: int) -> dict:
    """Runs in a child process with the database's settings."""
    import django

    django.setup()
    from django.utils import timezone

    from phoihop.accounts.services import system_actor
    from phoihop.lawmaking.demo import campaign_texts
    from phoihop.lawmaking.services import CommentInput, comments_enter

    rng = random.Random(seed)
    c = _consultation()
    provisions = list(c.version.provisions.all())
    articles = [p for p in provisions if p.level == "article"]
    actor, today = system_actor(), timezone.localdate()
    campaigns = [(articles[4], "disagree"), (articles[5], "wording"), (articles[6], "agree")]
    rows = []
    for i in range(count):
        if i % 3 == 0:
            provision, position = campaigns[i % 9 // 3]
            text = campaign_texts(1, seed=i)[0]
        else:
            provision = rng.choice(provisions)
            position = rng.choice(["agree", "disagree", "wording"])
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 25)))
        rows.append(CommentInput(text, position, provision, received_on=today))
    started = time.monotonic()
    for start in range(0, len(rows), 5000):
        comments_enter(actor=actor, consultation=c, comments=rows[start : start + 5000], on=today)
    return {"seconds": time.monotonic() - started, "comments": c.comments.count()}


def _merge_here() -> dict:
    import threading

    import django

    django.setup()
    from django.db import connection

    from phoihop.accounts.services import system_actor
    from phoihop.lawmaking.models import MergeRun, Opinion
    from phoihop.lawmaking.services import merge_execute

    c = _consultation()
    before = Opinion.objects.filter(consultation=c).count()
    run = MergeRun.objects.create(consultation=c, started_by=system_actor())
    samples: list[str] = []
    done = threading.Event()

    def watch() -> None:  # what the page's progress bar reads, from another connection
        while not done.wait(2):
            r = MergeRun.objects.get(pk=run.pk)
            samples.append(f"{r.progress}/{r.total}")
        connection.close()

    watcher = threading.Thread(target=watch)
    watcher.start()
    started = time.monotonic()
    merge_execute(run_id=run.pk)
    seconds = time.monotonic() - started
    done.set()
    watcher.join()
    run.refresh_from_db()
    return {
        "seconds": seconds,
        "opinions_before": before,
        "opinions_after": Opinion.objects.filter(consultation=c).count(),
        "merged": run.merged,
        "progress_samples": samples[:10],
    }


def _scenarios() -> list[tuple[str, str, str]]:
    c = _consultation()
    draft, version = c.draft.public_id, c.version.number
    top = c.opinions.order_by("-count").first()
    busiest = c.version.provisions.get(lineage=top.lineage).eid
    return [
        ("bare Django view", USER, "/bench/bare/"),
        (
            "provision page, busiest",
            USER,
            f"/gop-y-du-thao/du-thao/{draft}/du-thao-{version}/{busiest}/",
        ),
        (
            "provision page, a clause",
            USER,
            f"/gop-y-du-thao/du-thao/{draft}/du-thao-{version}/dieu-4-khoan-1/",
        ),
        (
            "provision page, page 5",
            USER,
            f"/gop-y-du-thao/du-thao/{draft}/du-thao-{version}/dieu-3/?page=5",
        ),
        ("consultation page (heat map)", USER, f"/gop-y-du-thao/dot/{c.public_id}/"),
        ("draft page, dự thảo 2", USER, f"/gop-y-du-thao/du-thao/{draft}/"),
    ]


def _explain() -> str:
    """The plans of the busiest provision page's reads, as this database runs them."""
    from django.db import connection

    from phoihop.lawmaking import selectors

    c = _consultation()
    lineage = c.opinions.order_by("-count").first().lineage
    ids = [c.pk]
    reads = {
        "opinions, page 1": selectors.provision_opinions(c.draft, lineage, ids)[:20],
        "opinions, count": selectors.provision_opinions(c.draft, lineage, ids)
        .order_by()
        .values("pk"),
        "tallies of the provision": c.tallies.filter(lineage=lineage),
        "heat map (tallies of the draft)": c.tallies.exclude(lineage=None),
    }
    lines = []
    prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN ANALYZE "
    with connection.cursor() as cursor:
        for name, qs in reads.items():
            sql, params = qs.query.sql_with_params()
            if name.endswith("count"):
                sql = f"SELECT COUNT(*) FROM ({sql}) AS q"  # noqa: S608 - the ORM's own SQL
            cursor.execute(prefix + sql, params)
            lines += [f"-- {name}", *(" ".join(map(str, row)) for row in cursor.fetchall())]
    return "\n".join(lines)


def _measure_here(repeat: int, budget: float) -> dict:
    import django

    django.setup()
    from django.db import connection

    base.SCENARIOS[:] = _scenarios()
    results = base._measure_here(repeat, budget)
    results["scenarios"] = base.SCENARIOS
    results["explain"] = _explain()
    out = ROOT / "var" / f"bench-lawmaking-explain-{connection.vendor}.txt"
    out.parent.mkdir(exist_ok=True)
    out.write_text(results["explain"] + "\n", encoding="utf-8")
    return results


def _child(flag: str, env, *extra: str) -> dict:
    out = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "bench.lawmaking", flag, *extra],
        env=env,
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _table(count: int, runs: dict) -> str:
    first = next(iter(runs.values()))
    header = f"{'scenario':<32}"
    for db in runs:
        header += f" | {db + ' p50':>13} {db + ' p95':>13} {'×bare':>6} {'n':>3}"
    lines = [f"Comments on one draft: {count:,} (p50/p95 in ms; ×bare = p95 / bare p95)"]
    for db, result in runs.items():
        m = result["merge"]
        lines.append(
            f"{db}: written in {result['generated']['seconds']:.0f} s; merge {m['seconds']:.0f} s, "
            f"{m['opinions_before']:,} → {m['opinions_after']:,} opinions; progress seen "
            f"{', '.join(m['progress_samples'][:5])}"
        )
    lines += [header, "-" * len(header)]
    for name, _, _ in first["scenarios"]:
        line = f"{name:<32}"
        for result in runs.values():
            bare = result["bare Django view"]["p95"]
            p50, p95 = result[name]["p50"], result[name]["p95"]
            flag = "*" if p95 > TARGET_P95_MS else " "
            line += f" | {p50:>13.1f} {p95:>12.1f}{flag} {p95 / bare:>6.1f} {result[name]['n']:>3}"
        lines.append(line)
    lines.append(f"* p95 above the {TARGET_P95_MS} ms target")
    for db, result in runs.items():
        lines += [
            f"== {db}: plans of the busiest provision page's reads",
            result.get("explain", ""),
        ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--budget", type=float, default=30)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--pg-port", type=int, default=54353)
    parser.add_argument("--generate-here", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--merge-here", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--measure-here", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate_here:
        print(json.dumps(_generate_here(args.count, args.seed)))
        return
    if args.merge_here:
        print(json.dumps(_merge_here()))
        return
    if args.measure_here:
        print(json.dumps(_measure_here(args.repeat, args.budget)))
        return
    runs = {}
    for database in args.databases.split(","):
        print(f"== {database}: {args.count:,} comments", file=sys.stderr)
        data_dir = Path(tempfile.mkdtemp(prefix="phoihop-bench-law-"))
        try:
            if database == "postgresql":
                with base.Postgres(args.pg_port) as url:
                    runs[database] = _run_one(base._environment(data_dir, url), args)
            else:
                runs[database] = _run_one(base._environment(data_dir), args)
        finally:
            shutil.rmtree(data_dir, ignore_errors=True)
    print(_table(args.count, runs))


def _run_one(env, args) -> dict:
    base._run([*base.PHOIHOP, "migrate", "--noinput", "-v0"], env)
    base._run([*base.PHOIHOP, "demo", "load"], env, stdout=subprocess.DEVNULL)
    made = _child("--generate-here", env, "--count", str(args.count), "--seed", str(args.seed))
    print(f"   generated in {made['seconds']:.1f} s", file=sys.stderr)
    merge = _child("--merge-here", env)
    print(f"   merged in {merge['seconds']:.1f} s", file=sys.stderr)
    result = _child(
        "--measure-here", env, "--repeat", str(args.repeat), "--budget", str(args.budget)
    )
    return {**result, "generated": made, "merge": merge}


if __name__ == "__main__":
    main()
