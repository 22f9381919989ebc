"""Benchmark: tabulating a national general election (100,000 polling areas) with the core.

Run: ``make bench-elections`` (or ``.venv/bin/python -m bench.elections [--areas N] [--seed S]``).

The shape follows the 2026 National Assembly election: 182 constituencies, 500 seats (2–3 per
constituency), about five candidates for three seats, polling areas of 300 to 1,300 voters
(about 80 million voters in all). Protocols are generated consistent (every valid ballot keeps
as many names as seats), so every area goes through every check; then a second run with one
area in a hundred broken measures the error path (every error of every area collected).

Figures, no assertions: the stages timed are building the JSON of the command line, reading it
back (:func:`parse_constituency`), checking every protocol and counting (:func:`tabulate`).
The goal is under 10 s for 100,000 areas on one core.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import resource
import time
from dataclasses import replace

from phoihop.elections.tabulation import (
    InconsistentProtocols,
    Outcome,
    parse_constituency,
    tabulate,
)

CONSTITUENCIES = 182
SEATS = 500


def seats_per_constituency(count: int, seats: int) -> list[int]:
    """Spread the seats: every constituency 2, then 3 until the seats run out."""
    plan = [2] * count
    for index in range(seats - 2 * count):
        plan[index % count] += 1
    return plan


def generate_constituency(rng: random.Random, index: int, seats: int, areas: int) -> dict:
    count = seats + 2
    candidates = [
        {
            "name": f"Ứng cử viên {index}-{i}",
            "born": datetime.date(
                1960 + rng.randrange(35), 1 + rng.randrange(12), 1 + rng.randrange(28)
            ).isoformat(),
        }
        for i in range(count)
    ]
    # Popularity: shares that sum to the seats, none above 0.95 (a ballot names each at most once).
    while True:
        weights = [rng.random() + 0.2 for _ in range(count)]
        total = sum(weights)
        shares = [seats * w / total for w in weights]
        if max(shares) < 0.95:
            break
    polling_areas = []
    for _ in range(areas):
        voters = rng.randrange(300, 1300)
        voted = voters - rng.randrange(0, voters // 10 + 1)
        invalid = rng.randrange(0, voted // 50 + 1)
        valid = voted - invalid
        votes = [min(valid, int(valid * s)) for s in shares]
        # Every valid ballot keeps exactly `seats` names: top the total up to valid × seats.
        missing = valid * seats - sum(votes)
        i = 0
        while missing > 0:
            room = valid - votes[i % count]
            step = min(room, missing)
            votes[i % count] += step
            missing -= step
            i += 1
        polling_areas.append(
            {
                "voters_on_list": voters,
                "voted": voted,
                "ballots_issued": voted,
                "ballots_collected": voted,
                "valid": valid,
                "invalid": invalid,
                "votes": {c["name"]: v for c, v in zip(candidates, votes, strict=True)},
            }
        )
    return {
        "assembly": "na",
        "round": "first",
        "seats": seats,
        "candidates": candidates,
        "polling_areas": polling_areas,
    }


def generate(areas: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    plan = seats_per_constituency(CONSTITUENCIES, SEATS)
    per = [
        areas // CONSTITUENCIES + (1 if i < areas % CONSTITUENCIES else 0)
        for i in range(CONSTITUENCIES)
    ]
    return [generate_constituency(rng, i, plan[i], per[i]) for i in range(CONSTITUENCIES)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--areas", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()

    started = time.perf_counter()
    data = generate(args.areas, args.seed)
    generated = time.perf_counter() - started

    started = time.perf_counter()
    texts = [json.dumps(c, ensure_ascii=False) for c in data]
    dumped = time.perf_counter() - started

    started = time.perf_counter()
    constituencies = [parse_constituency(json.loads(t)) for t in texts]
    parsed = time.perf_counter() - started

    started = time.perf_counter()
    results = [tabulate(c) for c in constituencies]
    counted = time.perf_counter() - started

    elected = sum(len(r.elected) for r in results)
    revotes = sum(r.outcome is Outcome.REVOTE for r in results)
    additional = sum(r.additional_election for r in results)
    areas = sum(len(c.protocols) for c in constituencies)
    voters = sum(r.totals.voters_on_list for r in results)

    # Error path: one area in a hundred with more voters than the list.
    broken = []
    for c in constituencies:
        protocols = tuple(
            replace(p, voted=p.voters_on_list + 1) if i % 100 == 0 else p
            for i, p in enumerate(c.protocols)
        )
        broken.append(replace(c, protocols=protocols))
    started = time.perf_counter()
    errors = 0
    for c in broken:
        try:
            tabulate(c)
        except InconsistentProtocols as error:
            errors += len(error.problems)
    failing = time.perf_counter() - started

    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"Khu vực bỏ phiếu / polling areas: {areas:,}")
    print(f"Đơn vị bầu cử / constituencies: {len(constituencies)}; cử tri / voters: {voters:,}")
    print(f"Sinh dữ liệu / generate:            {generated:7.2f} s")
    print(f"Ghi JSON / dump JSON:               {dumped:7.2f} s")
    print(f"Đọc JSON + dựng / parse:            {parsed:7.2f} s")
    print(f"Kiểm tra + kiểm phiếu / check+count:{counted:7.2f} s")
    print(
        f"Đọc + kiểm phiếu / parse+count:     {parsed + counted:7.2f} s  (mục tiêu / goal < 10 s)"
    )
    print(f"Có lỗi / with errors (1%):          {failing:7.2f} s, {errors:,} lỗi / errors listed")
    print(f"Trúng cử / elected: {elected}/{SEATS}; bầu cử lại / re-votes: {revotes}")
    print(f"Cần bầu cử thêm / additional elections needed: {additional}")
    print(f"Bộ nhớ đỉnh / peak RSS: {peak_mib:,.0f} MiB")


if __name__ == "__main__":
    main()
