"""``phoihop audit verify | checkpoint | seal | rotate-key``: check and anchor the audit log."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from phoihop.audit.checkpoints import (
    CheckpointMismatchError,
    CheckpointRollbackError,
    checkpoint_write,
)
from phoihop.audit.keys import AuditKeyMissingError, audit_key_rotate_file
from phoihop.audit.selectors import audit_verify
from phoihop.audit.services import (
    AuditKeyRotationError,
    audit_key_rotate,
    audit_record,
    audit_seal_unsealed,
)


class Command(BaseCommand):
    help = "Kiểm tra và neo giữ nhật ký / verify and anchor the audit log"

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        verify = sub.add_parser(
            "verify", help="kiểm tra trigger, chuỗi HMAC, mốc kiểm tra và niêm phong dữ liệu"
        )
        verify.add_argument(
            "--checkpoint",
            action="append",
            default=[],
            type=Path,
            help="thêm một tệp mốc để đối chiếu (bản của bên chứng kiến, thư điện tử đã lưu)",
        )
        verify.add_argument(
            "--no-seals", action="store_true", help="bỏ qua đối chiếu các bảng được niêm phong"
        )
        checkpoint = sub.add_parser(
            "checkpoint", help="ghi một mốc kiểm tra ra ngoài cơ sở dữ liệu"
        )
        checkpoint.add_argument(
            "--accept-rollback",
            default="",
            metavar="LÝ_DO",
            help="chấp nhận nhật ký ngắn hơn mốc trước (sau khi khôi phục bản sao lưu cũ)",
        )
        sub.add_parser("seal", help="niêm phong các dòng có từ trước khi có niêm phong")
        rotate = sub.add_parser(
            "rotate-key",
            help="chuyển chuỗi sang khóa hiện tại (khóa cũ vào danh sách khóa đã thay), ghi mốc",
        )
        rotate.add_argument(
            "--generate",
            action="store_true",
            help="tạo khóa mới trong PHOIHOP_AUDIT_KEY_FILE, chuyển khóa cũ sang tệp khóa đã thay",
        )

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        try:
            getattr(self, "_" + action.replace("-", "_"))(**options)
        except AuditKeyMissingError as error:
            raise CommandError(str(error)) from None

    def _verify(self, *, checkpoint: list[Path], no_seals: bool, **options: Any) -> None:
        report = audit_verify(checkpoint_files=checkpoint, seals=not no_seals)
        if not report.ok:
            lines = [
                f"  - {p.message}" + (f" (sự kiện #{p.event_id})" if p.event_id else "")
                for p in report.problems
            ]
            first = next((p.event_id for p in report.problems if p.event_id), None)
            where = f" tại sự kiện #{first}" if first else ""
            raise CommandError(
                f"Nhật ký bị can thiệp{where} ({len(report.problems)} vấn đề; đã kiểm tra đúng "
                f"{report.checked} sự kiện):\n" + "\n".join(lines)
            )
        mark = (
            f"khớp mốc #{report.checkpoint['sequence']} lúc {report.checkpoint['at']}"
            if report.checkpoint
            else "chưa có mốc kiểm tra"
        )
        legacy = f" ({report.legacy} sự kiện cũ không khóa, được neo)" if report.legacy else ""
        self.stdout.write(
            f"Nhật ký toàn vẹn: {report.checked} sự kiện{legacy}, chuỗi HMAC khớp, trigger đủ,"
            f" {mark}, {report.sealed_rows} dòng dữ liệu khớp niêm phong."
        )

    def _checkpoint(self, *, accept_rollback: str, **options: Any) -> None:
        try:
            if accept_rollback:
                # No account: ``audit`` sits below ``accounts`` and cannot name the system user;
                # an event without actor is the command's own.
                with transaction.atomic():
                    audit_record(
                        actor=None,
                        event="audit.rollback_accepted",
                        data={"reason": accept_rollback},
                    )
            line = checkpoint_write(rollback_reason=accept_rollback)
        except (CheckpointRollbackError, CheckpointMismatchError) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Đã ghi mốc kiểm tra #{line['sequence']} ({line['head'][:16]}…).")

    def _rotate_key(self, *, generate: bool, **options: Any) -> None:
        if generate:
            try:
                old, new = audit_key_rotate_file()
            except (AuditKeyMissingError, OSError) as error:
                raise CommandError(str(error)) from None
            self.stdout.write(f"Đã tạo khóa mới {new}; khóa cũ {old} chuyển sang tệp khóa đã thay.")
        try:
            with transaction.atomic():
                event = audit_key_rotate(actor=None)
            line = checkpoint_write()
        except (AuditKeyRotationError, CheckpointRollbackError, CheckpointMismatchError) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Chuỗi nhật ký chuyển từ khóa {event.data['from']} sang {event.data['to']} tại sự"
            f" kiện #{event.sequence}; đã ghi mốc #{line['sequence']} (khóa {line['key']})."
        )

    def _seal(self, **options: Any) -> None:
        counts = audit_seal_unsealed(actor=None)
        for label, count in counts.items():
            self.stdout.write(f"{label}: niêm phong {count} dòng.")
