"""``phoihop elections tabulate FILE.json``: count one constituency as the election law says.

FILE is one constituency::

    {"assembly": "na"|"provincial_council"|"commune_council",
     "round": "first"|"additional"|"revote", "seats": N,
     "candidates": [{"name", "born": "YYYY-MM-DD"}],
     "polling_areas": [{"voters_on_list", "voted", "ballots_issued", "ballots_collected",
                        "valid", "invalid", "votes": {"<name>": n}}]}

Prints ``{"outcome", "elected", "unfilled_seats", "additional_election", "turnout", "votes", …}``
and exits 0. A file that is not such a constituency, or protocols that do not add up, print every
problem in Vietnamese on stderr (nothing on stdout) and exit 1.
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from phoihop.elections.tabulation import (
    InconsistentProtocols,
    InputError,
    parse_constituency,
    tabulate,
)


class Command(BaseCommand):
    help = "Bầu cử: kiểm tra biên bản kiểm phiếu và xác định kết quả bầu cử của một đơn vị bầu cử."
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="LỆNH")
        tabulate_parser = actions.add_parser(
            "tabulate", help="Xác định kết quả bầu cử từ tệp JSON của một đơn vị bầu cử."
        )
        tabulate_parser.add_argument(
            "file", help="Tệp .json: một đơn vị bầu cử và các biên bản kiểm phiếu"
        )

    def handle(self, *args, **options):
        path = options["file"]
        try:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
        except FileNotFoundError:
            raise CommandError(f"Không tìm thấy tệp “{path}”.") from None
        except OSError as error:
            raise CommandError(f"Không đọc được tệp “{path}”: {error.strerror}.") from None
        except UnicodeDecodeError:
            raise CommandError(f"Tệp “{path}” không phải văn bản UTF-8.") from None
        except json.JSONDecodeError as error:
            raise CommandError(
                f"Tệp “{path}” không phải JSON hợp lệ (dòng {error.lineno})."
            ) from None
        try:
            constituency = parse_constituency(data)
            result = tabulate(constituency)
        except InputError as error:
            self._fail("Tệp không đúng định dạng đơn vị bầu cử:", error.problems)
        except InconsistentProtocols as error:
            self._fail(
                f"Biên bản kiểm phiếu không nhất quán ({len(error.problems)} lỗi); "
                "chưa xác định kết quả:",
                [str(p) for p in error.problems],
            )
        self.stdout.write(json.dumps(result.as_json(constituency), ensure_ascii=False, indent=2))

    def _fail(self, heading: str, problems) -> None:
        self.stderr.write(heading)
        for problem in problems:
            self.stderr.write(f"- {problem}")
        sys.exit(1)
