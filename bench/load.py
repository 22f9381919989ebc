"""Load on the deployed stack: ≥ 100 concurrent citizens mixing reads and writes.

    make bench-load            # starts deploy/local-stack.sh, measures, stops it
    .venv/bin/python -m bench.load --users 100 --seconds 30

The stack is production's: PostgreSQL (main database and the vault's own), Redis, gunicorn with
4 workers, a Huey worker (deploy/local-stack.sh). Two phases in the same run, each with the same
number of concurrent users (threads, one cookie jar each) for the same time:

1. the floor: every user requests a bare Django view (``/bench/bare/``, bench/urls.py);
2. the mix: each user repeats one of — a public page (45 %), the status page of a letter sent
   earlier in the run (30 %), a new portal submission (form + POST + receipt, 25 %).

Prints requests per second, p50/p95/max per operation, errors (non-2xx, timeouts), and the ratio of
the mix's p95 to the floor's. The client runs on the same 2 cores as the stack, so the figures
are a floor for the server, not its ceiling.
"""

import argparse
import os
import random
import statistics
import subprocess
import threading
import time
import uuid
from collections import defaultdict
from pathlib import Path

from bench.portal import Citizen

ROOT = Path(__file__).resolve().parent.parent
STACK_SCRIPT = ROOT / "deploy" / "local-stack.sh"
PAGES = ["/", "/cong-dan/", "/cong-dan/lich-tiep-cong-dan/", "/cong-dan/gui-don/"]


def stack_env(stack: Path) -> dict:
    env = {}
    for line in (stack / "stack.env").read_text().splitlines():
        key, _, value = line.partition("=")
        env[key] = value
    return env


class Recorder:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.requests = 0

    def timed(self, op: str, call, requests: int = 1):
        started = time.perf_counter()
        try:
            ok = call()
        except Exception:  # a timeout or a reset is an error of the run
            ok = False
        elapsed = (time.perf_counter() - started) * 1000
        with self.lock:
            self.times[op].append(elapsed)
            self.requests += requests
            if not ok:
                self.errors[op] += 1
        return ok


def _p(values: list[float], q: float) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def _run_phase(base: str, users: int, seconds: float, work) -> tuple[Recorder, float]:
    recorder = Recorder()
    deadline = time.monotonic() + seconds
    start = threading.Barrier(users + 1)

    def user(n: int) -> None:
        citizen = Citizen(base, timeout=30)
        rng = random.Random(n)
        start.wait()
        while time.monotonic() < deadline:
            work(citizen, rng, recorder)

    threads = [threading.Thread(target=user, args=(n,), daemon=True) for n in range(users)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.monotonic()
    for thread in threads:
        thread.join(timeout=seconds + 60)
    return recorder, time.monotonic() - began


def _bare(citizen: Citizen, rng: random.Random, rec: Recorder) -> None:
    rec.timed("bare view", lambda: citizen.get("/bench/bare/").status == 200)


class Mix:
    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []
        self.lock = threading.Lock()

    def __call__(self, citizen: Citizen, rng: random.Random, rec: Recorder) -> None:
        roll = rng.random()
        if roll < 0.45 or (roll < 0.75 and not self.sent):
            path = rng.choice(PAGES)
            rec.timed("public page", lambda: citizen.get(path).status == 200)
        elif roll < 0.75:
            with self.lock:
                code, token = rng.choice(self.sent)
            rec.timed("status page", lambda: citizen.status(code, token), requests=2)
        else:
            rec.timed("submission", lambda: self._submit(citizen, rng), requests=3)

    def _submit(self, citizen: Citizen, rng: random.Random) -> bool:
        csrf, organizations = citizen.letter_form()
        receipt = citizen.submit(csrf, rng.choice(organizations), uuid.uuid4(), "Trần Thị Tải")
        if receipt is None or not receipt.token:
            return False
        with self.lock:
            self.sent.append((receipt.tracking_code, receipt.token))
        return True


def _report(name: str, rec: Recorder, elapsed: float) -> list[str]:
    lines = []
    total = sum(len(v) for v in rec.times.values())
    errors = sum(rec.errors.values())
    lines.append(
        f"{name}: {rec.requests / elapsed:,.1f} HTTP requests/s, {total / elapsed:,.1f} "
        f"operations/s, {total:,} operations in {elapsed:.1f} s, {errors} errors"
    )
    for op, values in sorted(rec.times.items()):
        lines.append(
            f"  {op:<12} n={len(values):>6,}  p50 {_p(values, 50):7.1f} ms  "
            f"p95 {_p(values, 95):7.1f} ms  max {max(values):7.1f} ms  errors {rec.errors[op]}"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=30)
    default_stack = os.environ.get("STACK", "/tmp/phoihop-stack-load")  # noqa: S108
    parser.add_argument("--stack", default=default_stack)
    parser.add_argument("--keep", action="store_true", help="leave the stack running")
    args = parser.parse_args()
    stack = Path(args.stack)
    env = {**os.environ, "STACK": str(stack), "PHOIHOP_STACK_BENCH": "1"}
    started_here = not (stack / "stack.env").exists()
    if started_here:
        subprocess.run([str(STACK_SCRIPT), "start"], env=env, check=True)  # noqa: S603
    try:
        base = f"http://127.0.0.1:{stack_env(stack)['WEB_PORT']}"
        print(f"stack {base}: PostgreSQL, Redis, gunicorn 4 workers; {args.users} users")
        floor, floor_elapsed = _run_phase(base, args.users, args.seconds, _bare)
        mix, mix_elapsed = _run_phase(base, args.users, args.seconds, Mix())
        lines = _report("bare Django view", floor, floor_elapsed)
        lines += _report("mixed portal load", mix, mix_elapsed)
        floor_p95 = _p(floor.times["bare view"], 95)
        mix_all = [t for values in mix.times.values() for t in values]
        lines.append(
            f"ratio: mix p95 {_p(mix_all, 95):.1f} ms / bare p95 {floor_p95:.1f} ms = "
            f"{_p(mix_all, 95) / floor_p95:.1f}×; throughput (HTTP requests/s) "
            f"{(mix.requests / mix_elapsed) / (floor.requests / floor_elapsed):.2f}× "
            "the bare view's"
        )
        print("\n".join(lines))
    finally:
        if started_here and not args.keep:
            subprocess.run([str(STACK_SCRIPT), "stop"], env=env, check=False)  # noqa: S603


if __name__ == "__main__":
    main()
