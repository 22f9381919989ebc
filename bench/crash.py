"""``kill -9`` of the web tier during 1,000 concurrent portal submissions, then the count.

    make bench-crash           # starts deploy/local-stack.sh, runs, counts, stops it
    .venv/bin/python -m bench.crash --citizens 1000 --kill-after 300

Each of the 1,000 citizens is a thread with its own browser session: it opens the form (its
idempotency key), all of them send at once, and each retries — same form, same key — on any
failure (refused connection, reset, timeout, 5xx) until it gets a receipt. When --kill-after
receipts have come back, gunicorn's master and all its workers get SIGKILL together; the web
tier is started again after --down seconds (``deploy/local-stack.sh restart-web``).

Then, from the clients and from PostgreSQL (both databases):
- lost: an acknowledged receipt whose submission is not stored (or stored under another code);
- duplicated: more than one letter (or submission) for one idempotency key;
- partial: a submission without its letter, a letter without its vault entry, its
  ``letter.registered``, ``identity.stored`` or ``public.letter.submitted`` audit event, or a
  stored submission that no client was acknowledged for and that has no letter;
- followable: every acknowledged citizen's status page (tracking code + token) finds the letter.
Vault entries written before a letter whose transaction died with the worker are counted
apart (``vault orphans``): sealed ciphertext that nothing points at. Exit status 1 if lost,
duplicated, partial or unfollowable is not 0.
"""

import argparse
import os
import signal
import subprocess
import threading
import time
import uuid
from pathlib import Path

import psycopg

from bench.load import STACK_SCRIPT, stack_env
from bench.portal import Citizen, Receipt


class Run:
    def __init__(self, base: str, citizens: int, kill_after: int, deadline: float) -> None:
        self.base = base
        self.citizens = citizens
        self.kill_after = kill_after
        self.deadline = deadline
        self.lock = threading.Lock()
        self.receipts: dict[str, Receipt] = {}
        self.keys: list[str] = []
        self.attempts = 0
        self.failures = 0
        self.acknowledged_event = threading.Event()
        self.ready = threading.Barrier(citizens + 1)

    def citizen(self, n: int) -> None:
        client = Citizen(self.base, timeout=90)
        key = uuid.uuid4()
        with self.lock:
            self.keys.append(str(key))
        form = None
        for _ in range(20):
            try:
                form = client.letter_form()
                break
            except Exception:  # the server is busy before the start: try again
                time.sleep(1)
        self.ready.wait()
        if form is None:
            return
        csrf, organizations = form
        organization = organizations[n % len(organizations)]
        pause = 0.5
        while time.monotonic() < self.deadline:
            with self.lock:
                self.attempts += 1
            try:
                receipt = client.submit(csrf, organization, key, f"Công dân số {n}")
            except Exception:
                receipt = None
            if receipt is not None:
                with self.lock:
                    self.receipts[str(key)] = receipt
                    if len(self.receipts) >= self.kill_after:
                        self.acknowledged_event.set()
                return
            with self.lock:
                self.failures += 1
            time.sleep(pause)
            pause = min(pause * 2, 8)

    def follow(self) -> tuple[int, int]:
        ok = missing_token = 0
        for receipt in self.receipts.values():
            if not receipt.token:
                missing_token += 1
                continue
            ok += Citizen(self.base, timeout=30).status(receipt.tracking_code, receipt.token)
        return ok, missing_token


def _kill_web(stack: Path) -> list[int]:
    master = int((stack / "gunicorn.pid").read_text().strip())
    children = subprocess.run(  # noqa: S603
        ["pgrep", "-P", str(master)],  # noqa: S607
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    pids = [master, *(int(pid) for pid in children)]
    for pid in pids:
        os.kill(pid, signal.SIGKILL)
    return pids


def _count(env: dict, keys: list[str], receipts: dict[str, Receipt], since) -> dict:
    counts = {}
    with psycopg.connect(env["DATABASE_URL"]) as db:
        rows = db.execute(
            "SELECT idempotency_key::text, tracking_code, id, letter_public_id "
            "FROM public_submission WHERE idempotency_key::text = ANY(%s)",
            [keys],
        ).fetchall()
        stored = {key: (code, sid, letter) for key, code, sid, letter in rows}
        counts["stored submissions"] = len(rows)
        counts["lost"] = sum(
            1 for key, r in receipts.items() if stored.get(key, (None,))[0] != r.tracking_code
        )
        letters = db.execute(
            "SELECT idempotency_key, id, public_id, sender_id FROM letters_letter "
            "WHERE idempotency_key = ANY(%s)",
            [keys],
        ).fetchall()
        per_key: dict[str, int] = {}
        for key, *_ in letters:
            per_key[key] = per_key.get(key, 0) + 1
        counts["duplicated"] = sum(n - 1 for n in per_key.values() if n > 1)
        letter_ids = {str(lid) for _, lid, _, _ in letters}
        letter_public = {str(pid) for _, _, pid, _ in letters}
        senders = {sender for *_, sender in letters if sender is not None}
        events = db.execute(
            "SELECT event, target_type, target_id::text FROM audit_auditevent "
            "WHERE event IN ('letter.registered', 'identity.stored', 'public.letter.submitted') "
            "AND occurred_at >= %s",
            [since],
        ).fetchall()
    audited = {(event, target_type, target) for event, target_type, target in events}
    with psycopg.connect(env["IDENTITY_DATABASE_URL"]) as vault:
        vault_ids = {
            row[0]
            for row in vault.execute(
                "SELECT id FROM identity_identity WHERE created_at >= %s", [since]
            ).fetchall()
        }
    partial = []
    for key, (_code, sid, letter_public_id) in stored.items():
        if str(letter_public_id) not in letter_public:
            partial.append(f"submission {key} without its letter")
        if ("public.letter.submitted", "public.submission", str(sid)) not in audited:
            partial.append(f"submission {key} without its audit event")
    for key, lid, _pid, sender in letters:
        if sender is None or sender not in vault_ids:
            partial.append(f"letter {lid} without its vault entry")
        if ("letter.registered", "letters.letter", str(lid)) not in audited:
            partial.append(f"letter {lid} without letter.registered")
        if sender is not None and ("identity.stored", "identity.identity", str(sender)) not in (
            audited
        ):
            partial.append(f"letter {lid} without identity.stored")
        if key not in stored:
            partial.append(f"letter {lid} without its submission")
    counts["partial"] = len(partial)
    counts["partial examples"] = partial[:5]
    counts["vault orphans"] = len(vault_ids - senders)
    counts["letters"] = len(letter_ids)
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--citizens", type=int, default=1000)
    parser.add_argument("--kill-after", type=int, default=300)
    parser.add_argument("--down", type=float, default=3.0, help="seconds before the restart")
    parser.add_argument("--seconds", type=float, default=600, help="bound of the whole run")
    default_stack = os.environ.get("STACK", "/tmp/phoihop-stack-crash")  # noqa: S108
    parser.add_argument("--stack", default=default_stack)
    parser.add_argument("--keep", action="store_true", help="leave the stack running")
    args = parser.parse_args()
    stack = Path(args.stack)
    run_env = {**os.environ, "STACK": str(stack), "PHOIHOP_STACK_BENCH": "1"}
    started_here = not (stack / "stack.env").exists()
    if started_here:
        subprocess.run([str(STACK_SCRIPT), "start"], env=run_env, check=True)  # noqa: S603
    try:
        env = stack_env(stack)
        base = f"http://127.0.0.1:{env['WEB_PORT']}"
        with psycopg.connect(env["DATABASE_URL"]) as db:
            since = db.execute("SELECT now()").fetchone()[0]
        run = Run(base, args.citizens, args.kill_after, time.monotonic() + args.seconds)
        threads = [
            threading.Thread(target=run.citizen, args=(n,), daemon=True)
            for n in range(args.citizens)
        ]
        for thread in threads:
            thread.start()
        run.ready.wait()
        began = time.monotonic()
        print(f"{args.citizens} citizens sending at once to {base} (gunicorn, 4 workers)")
        killed_at = None
        if run.acknowledged_event.wait(timeout=args.seconds):
            pids = _kill_web(stack)
            killed_at = time.monotonic() - began
            with run.lock:
                acknowledged = len(run.receipts)
            print(
                f"kill -9 of gunicorn master and {len(pids) - 1} workers at {killed_at:.1f} s "
                f"({acknowledged} receipts so far)"
            )
            time.sleep(args.down)
            subprocess.run(  # noqa: S603
                [str(STACK_SCRIPT), "restart-web"], env=run_env, check=True
            )
            print(f"restarted at {time.monotonic() - began:.1f} s")
        for thread in threads:
            thread.join(timeout=max(1, run.deadline - time.monotonic()))
        elapsed = time.monotonic() - began
        followed, without_token = run.follow()
        counts = _count(env, run.keys, run.receipts, since)
        print(
            f"submissions: {args.citizens}; acknowledged {len(run.receipts)} in {elapsed:.1f} s; "
            f"attempts {run.attempts} (failed and retried {run.failures})"
        )
        print(
            f"stored {counts['stored submissions']} submissions, {counts['letters']} letters; "
            f"lost {counts['lost']}, duplicated {counts['duplicated']}, "
            f"partial {counts['partial']}, vault orphans {counts['vault orphans']}"
        )
        for example in counts["partial examples"]:
            print(f"  partial: {example}")
        print(
            f"followable: {followed} of {len(run.receipts)} acknowledged citizens' status pages "
            f"answer; receipts without a token: {without_token}"
        )
        bad = (
            counts["lost"]
            + counts["duplicated"]
            + counts["partial"]
            + (len(run.receipts) - followed)
            + (args.citizens - len(run.receipts))
        )
        print("result:", "PASS" if bad == 0 and killed_at is not None else "FAIL")
        return 0 if bad == 0 and killed_at is not None else 1
    finally:
        if started_here and not args.keep:
            subprocess.run([str(STACK_SCRIPT), "stop"], env=run_env, check=False)  # noqa: S603


if __name__ == "__main__":
    raise SystemExit(main())
