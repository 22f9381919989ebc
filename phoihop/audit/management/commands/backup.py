"""``phoihop backup``: copy every database with its engine's own tool (docs/backup.md)."""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from phoihop.audit.backup import BackupError, backup_create, table_checksums


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu (SQLite: backup API; PostgreSQL: pg_dump) / back up the databases"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dir", type=Path, default=None, help="thư mục chứa bản sao lưu (PHOIHOP_BACKUP_DIR)"
        )
        parser.add_argument(
            "--checksums",
            action="store_true",
            help="chỉ in số dòng và mã kiểm tra của từng bảng (JSON), không sao lưu",
        )

    def handle(self, *args: Any, dir: Path | None, checksums: bool, **options: Any) -> None:
        if checksums:
            self.stdout.write(json.dumps(table_checksums(), ensure_ascii=False, sort_keys=True))
            return
        try:
            path = backup_create(directory=dir)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Đã sao lưu vào {path}")
        self.stdout.write(
            "Nhớ: khóa nhật ký (PHOIHOP_AUDIT_KEY) và khóa kho danh tính (PHOIHOP_IDENTITY_KEYS)"
            " không nằm trong bản sao lưu; giữ chúng ở nơi khác (docs/backup.md)."
        )
