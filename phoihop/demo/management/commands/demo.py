"""``phoihop demo load`` (once) and ``phoihop demo accounts`` (print the demo sign-ins)."""

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from phoihop.accounts.models import User
from phoihop.demo.loader import demo_is_loaded, demo_load, demo_totp_key


class Command(BaseCommand):
    help = "Tỉnh trình diễn Hòa Lĩnh / the demo province"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("load", help="nạp dữ liệu trình diễn (một lần) / load once")
        sub.add_parser("accounts", help="in các tài khoản trình diễn / print demo accounts")

    def handle(self, *args, action: str, **options):
        if action == "load":
            if demo_is_loaded():
                self.stdout.write(
                    "Dữ liệu trình diễn đã có sẵn — bỏ qua. / Demo data already loaded."
                )
                return
            counts = demo_load()
            self.stdout.write(
                "Đã nạp tỉnh trình diễn Hòa Lĩnh / demo province loaded: "
                + ", ".join(f"{k}={v}" for k, v in counts.items())
            )
            return
        if not settings.PHOIHOP_DEMO:
            raise CommandError("Chỉ dùng ở chế độ trình diễn (PHOIHOP_DEMO=1).")
        self._print_accounts()

    def _print_accounts(self) -> None:
        import base64

        users = User.objects.filter(is_demo=True).order_by("username")
        self.stdout.write(
            "\nTài khoản trình diễn / demo accounts — mật khẩu / password: demo-phoihop-2026"
        )
        self.stdout.write(
            "Mã 6 số hiện tại xem ở trang đăng nhập; hoặc thêm khóa TOTP (base32) "
            "vào ứng dụng xác thực / current codes are on the sign-in page, or add "
            "the TOTP secret to an authenticator app:\n"
        )
        for user in users:
            secret = base64.b32encode(bytes.fromhex(demo_totp_key(user.username))).decode()
            self.stdout.write(f"  {user.username:<22} {user.full_name:<24} TOTP {secret}")
        port = os.environ.get("PHOIHOP_PORT", "8000")
        self.stdout.write(f"\nMở / open http://127.0.0.1:{port}\n")
