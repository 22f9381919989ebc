"""``phoihop api_token USERNAME --purpose P [--scope read|write] [--days N]``: issue a token as the
system account (an operator on the server; no TOTP step-up). Prints the key once."""

from django.core.management.base import BaseCommand, CommandError

from phoihop.accounts.models import User
from phoihop.accounts.services import system_actor
from phoihop.api.services import ApiTokenError, api_token_issue


class Command(BaseCommand):
    help = "Cấp khóa API cho một tài khoản cán bộ (in khóa một lần)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--purpose", required=True)
        parser.add_argument("--scope", default="read", choices=["read", "write"])
        parser.add_argument("--days", type=int, default=30)

    def handle(self, *args, **options):
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"Không có tài khoản {options['username']!r}.")
        try:
            issued = api_token_issue(
                actor=system_actor(),
                user=user,
                purpose=options["purpose"],
                scope=options["scope"],
                days=options["days"],
            )
        except ApiTokenError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(issued.key)
