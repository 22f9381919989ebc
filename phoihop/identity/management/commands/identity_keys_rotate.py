"""``phoihop identity_keys_rotate``: re-seal the identity vault with the newest key (audited)."""

from typing import Any

from django.core.management.base import BaseCommand

from phoihop.identity.services import identity_keys_rotate


class Command(BaseCommand):
    help = (
        "Mã hóa lại kho danh tính bằng khóa đầu tiên của PHOIHOP_IDENTITY_KEYS / re-seal the "
        "identity vault with the newest key"
    )

    def handle(self, *args: Any, **options: Any) -> None:
        # The command's own event has no account: ``identity`` sits below ``accounts``.
        count = identity_keys_rotate(actor=None)
        self.stdout.write(
            f"Đã mã hóa lại {count} dòng của kho danh tính. Có thể bỏ khóa cũ khỏi "
            "PHOIHOP_IDENTITY_KEYS sau khi đã sao lưu kho (docs/deployment.md)."
        )
