"""``phoihop deadline`` through Django's command machinery (calendar from the database)."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from phoihop.deadlines.tests.examples import ELECTION_EXAMPLES, RULEBOOK_EXAMPLES

pytestmark = pytest.mark.django_db
REPO = Path(__file__).resolve().parents[3]


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("deadline", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("rule_id", "start", "flags", "due"), RULEBOOK_EXAMPLES + ELECTION_EXAMPLES
)
def test_deadline_command_prints_only_the_due_date(rule_id, start, flags, due):
    out, err = run(rule_id, start.isoformat(), *flags)

    assert out == f"{due.isoformat()}\n"
    assert err == ""


def test_deadline_command_notes_a_fallback_year_on_stderr_only():
    out, err = run("KN-04", "2026-12-20")

    assert out.strip().startswith("2027-")
    assert len(out.strip()) == 10
    assert "2027" in err
    assert "chưa có lịch nghỉ chính thức" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("XX-99", "2026-01-05"), "Không có quy tắc thời hạn 'XX-99'"),
        (("KN-04", "20-03-2026"), "Ngày không hợp lệ"),
        (("KN-04", "2026-02-30"), "Ngày không hợp lệ"),
        (("KN-03", "2026-06-08", "--complex"), "không có biến thể 'phức tạp'"),
        (("KN-04",), "Cần mã quy tắc và ngày"),
    ],
)
def test_deadline_command_rejects_bad_input_in_vietnamese(args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)


def test_deadline_command_list_shows_every_rule_with_its_citation():
    out, _ = run("--list")

    lines = out.strip().splitlines()
    assert any(line.startswith("KN-04\t") and "Luật Khiếu nại 2011" in line for line in lines)
    assert any(line.startswith("TX-04\t") and "NQLT 72/2025" in line for line in lines)


@pytest.mark.parametrize("args", [("XX-99", "2026-01-05"), ("KN-04", "ngay-mai")])
def test_deadline_command_exits_non_zero_with_message_on_stderr(args):
    # Both errors are found before the calendar is read, so a fresh process needs no database.
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "phoihop.settings.test"}
    proc = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-m", "phoihop", "deadline", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert proc.returncode != 0
    assert proc.stdout == ""
    assert "CommandError" not in proc.stderr
    assert ("Không có quy tắc" in proc.stderr) or ("Ngày không hợp lệ" in proc.stderr)
