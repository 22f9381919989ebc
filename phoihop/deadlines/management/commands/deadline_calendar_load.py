"""``phoihop deadline_calendar_load [FILE ...]``: enter official years from TOML files.

Without FILE, loads every ``phoihop/deadlines/data/calendar_*.toml``. A year already entered is
replaced by the file's days.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from phoihop.deadlines.engine.errors import CalendarDataError
from phoihop.deadlines.models import CalendarDay, CalendarYear
from phoihop.deadlines.seed import calendar_load


class Command(BaseCommand):
    help = "Nạp lịch nghỉ chính thức của các năm từ tệp TOML."

    def add_arguments(self, parser) -> None:
        parser.add_argument("files", nargs="*", type=Path)

    def handle(self, *args, files: list[Path], **options) -> None:
        try:
            with transaction.atomic():
                written = calendar_load(CalendarYear, CalendarDay, files or None)
        except (CalendarDataError, KeyError, ValueError) as exc:
            raise CommandError(f"Không nạp được lịch: {exc}") from exc
        self.stdout.write(f"Đã nạp {written} ngày.")
