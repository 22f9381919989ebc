"""``phoihop deadline RULE START [--complex] [--especially-complex] [--remote]``.

Prints the due date as YYYY-MM-DD and nothing else on stdout; notes go to stderr.
``phoihop deadline --list`` lists the rules with their citations.
"""

import re
import sys
from datetime import date

from django.core.management.base import BaseCommand, CommandError

from phoihop.deadlines import engine
from phoihop.deadlines.engine.rules import DAY_TYPE_LABELS, VARIANT_LABELS

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DIRECTION_LABELS = {engine.Direction.AFTER: "sau", engine.Direction.BEFORE: "trước"}


def parse_date(value: str) -> date:
    try:
        if not _ISO_DATE.match(value):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(
            f"Ngày không hợp lệ: '{value}'. Hãy nhập theo dạng YYYY-MM-DD."
        ) from None


def describe_rule(rule: engine.Rule) -> str:
    counts = ", ".join(
        f"{VARIANT_LABELS.get(v, v)} {n}"
        for v, n in rule.counts.items()  # type: ignore[call-overload]
    )
    return (
        f"{rule.id}\t{rule.title} — {counts} {DAY_TYPE_LABELS[rule.day_type]} "
        f"{_DIRECTION_LABELS[rule.direction]} {rule.trigger} — {rule.citation} "
        f"[độ tin cậy {rule.confidence}]"
    )


class Command(BaseCommand):
    help = "Tính hạn theo quy tắc (ví dụ: phoihop deadline KN-04 2026-03-20 --complex)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("rule", nargs="?", help="mã quy tắc, ví dụ KN-04")
        parser.add_argument("start", nargs="?", help="ngày sự kiện, dạng YYYY-MM-DD")
        parser.add_argument("--complex", action="store_true", help="vụ việc phức tạp")
        parser.add_argument(
            "--especially-complex", action="store_true", help="vụ việc đặc biệt phức tạp"
        )
        parser.add_argument("--remote", action="store_true", help="vùng sâu, vùng xa")
        parser.add_argument("--list", action="store_true", help="liệt kê các quy tắc")

    def run_from_argv(self, argv) -> None:
        self._from_command_line = True
        super().run_from_argv(argv)

    def execute(self, *args, **options):
        # On the command line print only the Vietnamese message (no exception class name).
        try:
            return super().execute(*args, **options)
        except CommandError as exc:
            if not getattr(self, "_from_command_line", False):
                raise
            self.stderr.write(str(exc))
            sys.exit(exc.returncode)

    def handle(self, *args, **options) -> None:
        if options["list"]:
            for rule in engine.current_rules():
                self.stdout.write(describe_rule(rule))
            return
        if not options["rule"] or not options["start"]:
            raise CommandError("Cần mã quy tắc và ngày, ví dụ: phoihop deadline KN-04 2026-03-20.")
        start = parse_date(options["start"])
        try:
            result = engine.compute_due(
                options["rule"],
                start,
                complex=options["complex"],
                especially_complex=options["especially_complex"],
                remote=options["remote"],
            )
        except engine.DeadlineEngineError as exc:
            raise CommandError(str(exc)) from exc
        if result.uses_fallback:
            years = ", ".join(str(y) for y in result.fallback_years)
            self.stderr.write(
                f"Lưu ý: năm {years} chưa có lịch nghỉ chính thức; hạn tạm tính theo "
                "Bộ luật Lao động 2019 Điều 111–112."
            )
        self.stdout.write(result.due.isoformat())
