"""``phoihop roles sync``: bring the roles table in line with ``access/roles.toml``.

It lives in ``accounts`` because it acts as the system account, and ``access`` sits below
``accounts`` in the layering (docs/decisions/0009-kernel-layering.md).
"""

from django.core.management.base import BaseCommand

from phoihop.access.roles import roles_sync
from phoihop.accounts.services import system_actor


class Command(BaseCommand):
    help = "Đồng bộ vai trò từ roles.toml / sync roles from roles.toml"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("sync")

    def handle(self, *args, **options):
        roles = roles_sync(actor=system_actor())
        self.stdout.write(f"Đã đồng bộ {len(roles)} vai trò.")
