"""``phoihop generate_letters --count 1000000 --years 4 --seed 1``: a realistic letter volume."""

import time
from datetime import date

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from phoihop.volume.generator import Plan, generate_letters


class Command(BaseCommand):
    help = "Sinh nhanh một khối lượng lớn đơn (để đo hiệu năng). Chỉ dùng cho dữ liệu thử."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=100_000)
        parser.add_argument("--years", type=int, default=4)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--batch", type=int, default=5000)
        parser.add_argument("--today", type=date.fromisoformat, default=None)
        parser.add_argument(
            "--force", action="store_true", help="chạy cả khi không ở chế độ trình diễn"
        )

    def handle(self, *args, **options):
        if not (settings.PHOIHOP_DEMO or options["force"]):
            raise CommandError("Chỉ chạy trên cơ sở dữ liệu thử (PHOIHOP_DEMO=1) hoặc với --force.")
        started = time.monotonic()

        def progress(done: int) -> None:
            rate = done / max(time.monotonic() - started, 1e-6)
            self.stdout.write(f"  {done:>9,} đơn  ({rate:,.0f} đơn/giây)", ending="\r")
            self.stdout.flush()

        plan = Plan(
            count=options["count"],
            years=options["years"],
            seed=options["seed"],
            today=options["today"] or timezone.localdate(),
            batch=options["batch"],
            progress=progress,
        )
        try:
            by_status = generate_letters(plan)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        elapsed = time.monotonic() - started
        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(f"Đã sinh {plan.count:,} đơn trong {elapsed:,.1f} giây.")
        )
        for status, count in sorted(by_status.items()):
            self.stdout.write(f"  {status:<10} {count:>9,}")
