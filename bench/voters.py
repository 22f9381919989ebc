# ruff: noqa: S603 — runs this repository's own commands and the PostgreSQL binaries
"""Voter petitions at session scale: 5,000 petitions from 300 meetings, on SQLite and PostgreSQL.

    .venv/bin/python -m bench.voters                         # both databases
    .venv/bin/python -m bench.voters --databases sqlite --petitions 5000 --meetings 300

For each database: a fresh data directory, ``migrate``, ``demo load``; then, in one child
process, 300 meetings of the demo's next session and 5,000 synthetic petitions (bench.corpus)
are written, the consolidation job runs (timed: what the background worker does), and the
review page (first screen, then page 10) and the officials' accept / split / merge are
measured in-process through the whole middleware stack as the delegation's leader, beside a
bare Django view. Prints p50/p95 in ms. Targets (issue): first screen < 300 ms, a decision
< 200 ms. Timings vary with the machine: they are reported, never asserted.
"""

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.letters import ROOT, Postgres, _environment, _run

PHOIHOP = [str(ROOT / ".venv" / "bin" / "phoihop")]


def _p(samples: list[float]) -> dict:
    samples = sorted(samples)
    return {
        "p50": statistics.median(samples),
        "p95": samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))],
        "n": len(samples),
    }


def _populate(petitions: int, meetings: int) -> tuple:
    """The next session's meetings and petitions, then one consolidation run (timed)."""
    from datetime import timedelta

    from django.utils import timezone

    from bench.corpus import generate
    from phoihop.accounts.services import system_actor
    from phoihop.organizations.models import AdminUnit
    from phoihop.voters import services
    from phoihop.voters.imports import Row
    from phoihop.voters.models import ConsolidatedPetition, ConsolidationRun, Session

    actor = system_actor()
    session = Session.objects.get(name__startswith="Kỳ họp thứ Hai")
    communes = list(AdminUnit.objects.filter(level="commune", valid_to__isnull=True))
    corpus = generate(petitions)
    started = time.perf_counter()
    for m in range(meetings):
        points = [communes[m % len(communes)], communes[(m + 1) % len(communes)]]
        meeting = services.meeting_plan(
            actor=actor,
            organization=session.organization,
            session=session,
            kind="before",
            title=f"Tiếp xúc cử tri số {m + 1}",
            held_on=timezone.localdate() + timedelta(days=10),
            points=[services.PointInput(c, f"Hội trường {c.name}") for c in points],
        )
        chunk = corpus[m * len(corpus) // meetings : (m + 1) * len(corpus) // meetings]
        rows = [Row(n, p.text, points[n % 2].name) for n, p in enumerate(chunk, start=1)]
        services.petitions_record(actor=actor, rows=rows, session=session, meeting=meeting)
    results = {"petitions": session.petitions.count(), "write_s": time.perf_counter() - started}

    run = ConsolidationRun.objects.create(session=session, started_by=actor)
    started = time.perf_counter()
    services.consolidation_execute(run_id=run.pk)
    results["consolidation_s"] = time.perf_counter() - started
    results["groups"] = ConsolidatedPetition.objects.filter(session=session).count()
    return session, results


def _measure_here(petitions: int, meetings: int, repeat: int) -> dict:
    import django

    django.setup()
    from django.test import Client, override_settings
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from phoihop.accounts.models import User
    from phoihop.voters.models import ConsolidatedPetition

    session, results = _populate(petitions, meetings)

    user = User.objects.get(username="dbqh.lanhdao")
    client = Client()
    client.force_login(user)
    client_session = client.session
    client_session["otp_device_id"] = TOTPDevice.objects.get(user=user).persistent_id
    client_session.save()
    review = f"/cu-tri/ky-hop/{session.public_id}/tong-hop/"

    def timed(call) -> float:
        started = time.perf_counter()
        response = call()
        if response.status_code not in (200, 302):
            raise RuntimeError(f"HTTP {response.status_code}")
        return (time.perf_counter() - started) * 1000

    with override_settings(ROOT_URLCONF="bench.urls", ALLOWED_HOSTS=["*"], DEBUG=False):
        for name, path in (
            ("bare Django view", "/bench/bare/"),
            ("review, first screen", review),
            ("review, page 10", review + "?page=10"),
        ):
            client.get(path)
            results[name] = _p([timed(lambda p=path: client.get(p)) for _ in range(repeat)])
        big = list(
            ConsolidatedPetition.objects.filter(session=session, status="proposed")
            .order_by("-id")
            .prefetch_related("petitions")
        )
        multi = [g for g in big if g.petitions.count() > 2]
        singles = [g for g in big if g.petitions.count() == 1]
        url = "/cu-tri/kien-nghi/{}/{}/"
        results["accept"] = _p(
            [
                timed(lambda g=g: client.post(url.format(g.public_id, "duyet"), {"next": "review"}))
                for g in big[:repeat]
            ]
        )
        results["split"] = _p(
            [
                timed(
                    lambda g=g: client.post(
                        url.format(g.public_id, "tach"),
                        {"petitions": [g.petitions.last().pk], "next": "review"},
                    )
                )
                for g in multi[:repeat]
            ]
        )
        results["merge"] = _p(
            [
                timed(
                    lambda a=a, b=b: client.post(
                        url.format(a.public_id, "gop"), {"other": str(b.public_id)}
                    )
                )
                for a, b in zip(singles[0:repeat], singles[repeat : 2 * repeat], strict=False)
            ]
        )
    return results


def _measure(env, petitions: int, meetings: int, repeat: int) -> dict:
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.voters",
            "--measure-here",
            "--petitions",
            str(petitions),
            "--meetings",
            str(meetings),
            "--repeat",
            str(repeat),
        ],
        env=env,
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--petitions", type=int, default=5000)
    parser.add_argument("--meetings", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--pg-port", type=int, default=54361)
    parser.add_argument("--measure-here", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure_here:
        print(json.dumps(_measure_here(args.petitions, args.meetings, args.repeat)))
        return
    runs = {}
    for db in args.databases.split(","):
        with tempfile.TemporaryDirectory(prefix="phoihop-bench-voters.") as data:
            if db == "postgresql":
                with Postgres(args.pg_port) as url:
                    env = _environment(Path(data), url)
                    _run([*PHOIHOP, "migrate", "--noinput", "-v0"], env)
                    _run([*PHOIHOP, "demo", "load"], env, stdout=subprocess.DEVNULL)
                    runs[db] = _measure(env, args.petitions, args.meetings, args.repeat)
            else:
                env = _environment(Path(data))
                _run([*PHOIHOP, "migrate", "--noinput", "-v0"], env)
                _run([*PHOIHOP, "demo", "load"], env, stdout=subprocess.DEVNULL)
                runs[db] = _measure(env, args.petitions, args.meetings, args.repeat)
    for db, result in runs.items():
        print(
            f"{db}: {result['petitions']} petitions written in {result['write_s']:.1f} s; "
            f"consolidation {result['consolidation_s']:.1f} s → {result['groups']} groups"
        )
        for name in (
            "bare Django view",
            "review, first screen",
            "review, page 10",
            "accept",
            "split",
            "merge",
        ):
            r = result[name]
            print(f"  {name:<22} p50 {r['p50']:7.1f} ms  p95 {r['p95']:7.1f} ms  n={r['n']}")


if __name__ == "__main__":
    main()
