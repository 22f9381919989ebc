"""The public resolution search at volume, on SQLite and PostgreSQL, beside a bare view.

    .venv/bin/python -m bench.council --count 100000        # both databases
    .venv/bin/python -m bench.council --databases sqlite

For each database: a fresh data directory (PostgreSQL: a throw-away server, as
``bench.letters`` starts it), ``migrate``, ``demo load``, then *count* published resolutions and
decisions between sessions written in bulk (titles drawn from a list of subjects, folded search
text as the service writes it). The pages are requested in-process through the whole middleware
stack. Prints p50/p95 in ms and the ratio to the bare view. Timings vary with the machine: they
are reported, never asserted.
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

TARGET_P95_MS = 150

# (name, account or None for an anonymous visitor, path). The public pages are measured as
# citizens open them, without signing in; two rows show the cost of an official's session.
SCENARIOS = [
    ("bare Django view", None, "/bench/bare/"),
    ("public resolutions, newest", None, "/cong-khai/nghi-quyet/"),
    ("search 'dat trong lua'", None, "/cong-khai/nghi-quyet/?q=dat+trong+lua"),
    ("search 'học phí' 2026", None, "/cong-khai/nghi-quyet/?q=h%E1%BB%8Dc+ph%C3%AD&year=2026"),
    ("search 'quy định' 2018", None, "/cong-khai/nghi-quyet/?q=quy+dinh&year=2018"),
    ("decisions between sessions", None, "/cong-khai/nghi-quyet/?kind=standing"),
    ("decisions, search 'phi' p.3", None, "/cong-khai/nghi-quyet/?q=phi&kind=standing&trang=3"),
    ("search, page 50", None, "/cong-khai/nghi-quyet/?q=quy+dinh&trang=50"),
    ("search, no match", None, "/cong-khai/nghi-quyet/?q=xyzw+khong+co"),
    ("one resolution", None, "/cong-khai/nghi-quyet/{public_id}/"),
    ("API search", None, "/api/council-resolutions?q=dat+trong+lua&limit=25"),
    ("API list, offset 5000", None, "/api/council-resolutions?offset=5000&limit=25"),
    ("Atom feed of resolutions", None, "/cong-khai/nghi-quyet/nghi-quyet.atom"),
    ("bare view, signed in", "hdnd.lanhdao", "/bench/bare/"),
    ("resolutions, signed in", "hdnd.lanhdao", "/cong-khai/nghi-quyet/?q=dat+trong+lua"),
]
SUBJECTS = [
    "mức hỗ trợ phát triển đất trồng lúa",
    "mức thu học phí các cơ sở giáo dục công lập",
    "giá dịch vụ xe ra vào bến",
    "phí tham quan khu di tích",
    "chính sách hỗ trợ học sinh vùng khó khăn",
    "dự toán ngân sách địa phương",
    "kế hoạch đầu tư công trung hạn",
    "mức chi tiếp khách",
    "hỗ trợ khắc phục hậu quả thiên tai",
    "đặt tên đường, phố",
]


def _generate_here(count: int, seed: int) -> dict:
    """Runs in a child process with the database's settings: bulk-writes the volume, and the
    search index rows as ``resolution_publish`` writes them (the FTS triggers follow)."""
    import django

    django.setup()
    from django.db import connection, transaction

    from phoihop.council.models import Resolution
    from phoihop.council.selectors import search_entry
    from phoihop.organizations.models import Organization
    from phoihop.text.models import SearchDocument
    from phoihop.text.normalize import search_key

    rng = random.Random(seed)
    council = Organization.objects.get(code="tt-hdnd")
    today = date.today()  # noqa: DTZ011 — the bench's own clock
    started = time.monotonic()
    # Published in date order, as they would have been.
    adopted_days = sorted((rng.randint(10, 3650) for _ in range(count)), reverse=True)
    with transaction.atomic():
        batch = []
        for i, days in enumerate(adopted_days):
            kind = "standing" if i % 5 == 0 else "council"
            subject = rng.choice(SUBJECTS)
            adopted = today - timedelta(days=days)
            symbol = f"{i + 1:02d}/{adopted.year}/NQ-{'TT' if kind == 'standing' else ''}HĐND"
            batch.append(
                Resolution(
                    organization=council,
                    reference=f"B-{i:06d}",
                    kind=kind,
                    status="published",
                    year=adopted.year,
                    number=i + 1,
                    symbol=symbol,
                    title=f"Nghị quyết quy định {subject} (lần {i})",
                    adopted_on=adopted,
                    published_on=adopted + timedelta(days=3),
                )
            )
            if len(batch) == 5000 or i == count - 1:
                made = Resolution.objects.bulk_create(batch)
                if made[0].pk is None:  # SQLite before 3.35 returns no ids
                    made = list(Resolution.objects.order_by("-id")[: len(made)])[::-1]
                entries = [(r, *search_entry(r)) for r in made]
                SearchDocument.objects.bulk_create(
                    SearchDocument(
                        kind=Resolution.SEARCH_KIND,
                        object_id=str(r.pk),
                        title=title,
                        body=body,
                        search_title=search_key(title),
                        search_body=search_key(body),
                    )
                    for r, title, body in entries
                )
                batch = []
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # as the nightly job (SQLite) and autovacuum (PostgreSQL) do
    return {"seconds": time.monotonic() - started, "resolutions": count}


def _measure_here(repeat: int, budget: float) -> dict:
    import django

    django.setup()
    from phoihop.council.models import Resolution

    one = Resolution.objects.filter(status="published").order_by("-id").first()
    base.SCENARIOS[:] = [(n, u, p.format(public_id=one.public_id)) for n, u, p in SCENARIOS]
    results = base._measure_here(repeat, budget)
    results["resolutions"] = Resolution.objects.count()
    return results


def _child(flag: str, env, *extra: str) -> dict:
    out = subprocess.run(  # noqa: S603
        [sys.executable, "-m", "bench.council", flag, *extra],
        env=env,
        check=True,
        cwd=base.ROOT,
        stdout=subprocess.PIPE,  # the child's errors go straight to the terminal
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _run_one(env, args) -> dict:
    base._run([*base.PHOIHOP, "migrate", "--noinput", "-v0"], env)
    base._run([*base.PHOIHOP, "demo", "load"], env, stdout=subprocess.DEVNULL)
    made = _child("--generate-here", env, "--count", str(args.count), "--seed", str(args.seed))
    print(f"   generated in {made['seconds']:.1f} s", file=sys.stderr)
    result = _child(
        "--measure-here", env, "--repeat", str(args.repeat), "--budget", str(args.budget)
    )
    print(f"   {json.dumps(result)}", file=sys.stderr)  # kept even if a later database fails
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--budget", type=float, default=30)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--pg-port", type=int, default=54352)
    parser.add_argument("--json", help="also write the results to this file")
    parser.add_argument("--generate-here", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--measure-here", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.generate_here:
        print(json.dumps(_generate_here(args.count, args.seed)))
        return
    if args.measure_here:
        print(json.dumps(_measure_here(args.repeat, args.budget)))
        return
    runs = {}
    for database in args.databases.split(","):
        print(f"== {database}: {args.count:,} resolutions", file=sys.stderr)
        data_dir = Path(tempfile.mkdtemp(prefix="phoihop-bench-council-"))
        try:
            if database == "postgresql":
                with base.Postgres(args.pg_port) as url:
                    runs[database] = _run_one(base._environment(data_dir, url), args)
            else:
                runs[database] = _run_one(base._environment(data_dir), args)
        finally:
            shutil.rmtree(data_dir, ignore_errors=True)
    if args.json:
        Path(args.json).write_text(json.dumps(runs, indent=1))
    base.SCENARIOS[:] = SCENARIOS
    table = base._table(args.count, runs).splitlines()
    table[0] = f"Published resolutions and decisions: {args.count:,} (p50/p95 in ms; ×bare)"
    print("\n".join(table))


if __name__ == "__main__":
    main()
