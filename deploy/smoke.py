"""Smoke test of a served phoihop (deploy/local-stack.sh): signs nothing in.

    .venv/bin/python deploy/smoke.py http://127.0.0.1:PORT [--database-url postgres://…]

Checks that /, /cong-dan/ and /api/schema answer, that a portal submission is answered with a
receipt, that the receipt page answers, that the status page finds the letter and (with
--database-url) that the submission and its letter are stored. Exit status 1 on any failure.
"""

import argparse
import sys
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.portal import Citizen


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    failures = []

    def check(name: str, ok: bool) -> None:
        print(f"{'ok  ' if ok else 'FAIL'} {name}")
        if not ok:
            failures.append(name)

    citizen = Citizen(args.base)
    for path in ("/", "/cong-dan/", "/api/schema"):
        page = citizen.get(path)
        check(f"GET {path} → {page.status}", page.status == 200)
    csrf, organizations = citizen.letter_form()
    check("portal form lists recipients", bool(organizations))
    receipt = citizen.submit(csrf, organizations[0], uuid.uuid4(), "Nguyễn Văn Khói")
    check("portal submission answered with a receipt and a token", bool(receipt and receipt.token))
    if receipt:
        page = citizen.get(f"/cong-dan/gui-don/da-nhan/{receipt.tracking_code}/")
        check(f"receipt page {receipt.tracking_code} → {page.status}", page.status == 200)
        check("status page finds the letter", citizen.status(receipt.tracking_code, receipt.token))
        if args.database_url:
            import psycopg

            with psycopg.connect(args.database_url) as db:
                row = db.execute(
                    "SELECT s.letter_public_id, l.id FROM public_submission s "
                    "LEFT JOIN letters_letter l ON l.public_id = s.letter_public_id "
                    "WHERE s.tracking_code = %s",
                    [receipt.tracking_code],
                ).fetchone()
            check("submission and its letter are in the database", bool(row and row[1]))
    print("smoke:", "FAILED " + ", ".join(failures) if failures else "all checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
