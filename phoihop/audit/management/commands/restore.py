"""``phoihop restore <bản sao lưu>``: restore the databases, compare, verify the audit log."""

from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from phoihop.audit.backup import BackupError, audit_key_is_known, backup_read, backup_restore


class Command(BaseCommand):
    help = "Khôi phục cơ sở dữ liệu từ bản sao lưu / restore the databases from a backup"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("backup", type=Path, help="thư mục bản sao lưu (có manifest.json)")
        parser.add_argument(
            "--yes", action="store_true", help="ghi đè dữ liệu hiện có mà không hỏi lại"
        )
        parser.add_argument(
            "--no-verify", action="store_true", help="không chạy `audit verify` sau khi khôi phục"
        )

    def handle(self, *args: Any, backup: Path, yes: bool, no_verify: bool, **options: Any) -> None:
        try:
            manifest = backup_read(backup)
        except BackupError as error:
            raise CommandError(str(error)) from None
        if not audit_key_is_known(manifest.get("keys", {}).get("audit_key", "")):
            self.stderr.write(
                "Cảnh báo: khóa nhật ký lúc sao lưu không phải khóa hiện tại hay một khóa đã thay;"
                " `audit verify` sẽ báo lỗi cho tới khi đặt đúng PHOIHOP_AUDIT_KEY hoặc "
                "PHOIHOP_AUDIT_RETIRED_KEYS."
            )
        if not yes:
            answer = input(
                "Khôi phục sẽ GHI ĐÈ toàn bộ dữ liệu hiện có bằng bản sao lưu lúc "
                f"{manifest.get('created_at')}. Gõ 'dong y' để tiếp tục: "
            )
            if answer.strip().lower() not in {"dong y", "đồng ý"}:
                raise CommandError("Đã hủy khôi phục.")
        try:
            differences = backup_restore(directory=backup)
        except BackupError as error:
            raise CommandError(str(error)) from None
        for alias, lines in differences.items():
            if lines:
                raise CommandError(
                    f"Cơ sở dữ liệu {alias} sau khôi phục khác bản sao lưu:\n  "
                    + "\n  ".join(lines)
                )
            tables = len(manifest["databases"][alias]["tables"])
            self.stdout.write(f"{alias}: đã khôi phục, {tables} bảng khớp số dòng và mã kiểm tra.")
        if not no_verify:
            call_command("audit", "verify", stdout=self.stdout)
