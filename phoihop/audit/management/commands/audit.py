"""``phoihop audit verify``: check the audit log's hash chain."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from phoihop.audit.selectors import audit_chain_verify


class Command(BaseCommand):
    help = "Kiểm tra tính toàn vẹn của nhật ký (chuỗi băm) / verify the audit log's hash chain"

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("verify", help="kiểm tra chuỗi băm / verify the hash chain")

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        report = audit_chain_verify()
        if not report.ok:
            raise CommandError(
                f"Nhật ký bị can thiệp tại sự kiện #{report.first_bad_id}: {report.reason} "
                f"(đã kiểm tra đúng {report.checked} sự kiện trước đó)."
            )
        self.stdout.write(f"Nhật ký toàn vẹn: {report.checked} sự kiện, chuỗi băm khớp.")
