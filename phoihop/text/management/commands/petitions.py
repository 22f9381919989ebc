"""``phoihop petitions consolidate FILE.jsonl``: group voter petitions by issue.

Reads JSON lines with at least ``id`` and ``text`` (optional ``meeting``, ``commune``,
``channel``) and writes one JSON line per petition, in input order, to stdout:
``{"id", "group", "field", "level", "agency"}``. Petitions sharing ``group`` raise one issue.
With ``--explain`` the groups and their shared evidence go to stderr.
Bad input stops with a Vietnamese message on stderr and nothing on stdout.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from phoihop.text.consolidate import PetitionInputError, consolidate, read_petitions


class Command(BaseCommand):
    help = "Tổng hợp kiến nghị cử tri: gộp các kiến nghị cùng nội dung, gợi ý lĩnh vực và cơ quan."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="LỆNH")
        consolidate_parser = actions.add_parser(
            "consolidate", help="Gộp kiến nghị từ tệp JSON lines, in kết quả ra stdout."
        )
        consolidate_parser.add_argument("file", help="Tệp .jsonl, mỗi dòng một kiến nghị")
        consolidate_parser.add_argument(
            "--explain", action="store_true", help="In nhóm và bằng chứng chung ra stderr"
        )

    def handle(self, *args, **options):
        path = options["file"]
        try:
            with open(path, encoding="utf-8") as handle:
                petitions = read_petitions(handle)
        except FileNotFoundError:
            raise CommandError(f"Không tìm thấy tệp “{path}”.") from None
        except OSError as error:
            raise CommandError(f"Không đọc được tệp “{path}”: {error.strerror}.") from None
        except UnicodeDecodeError:
            raise CommandError(f"Tệp “{path}” không phải văn bản UTF-8.") from None
        except PetitionInputError as error:
            raise CommandError(str(error)) from None
        result = consolidate(petitions)
        lines = [json.dumps(row, ensure_ascii=False) for row in result.rows()]
        self.stdout.write("\n".join(lines))
        if options["explain"]:
            for group in result.groups:
                ids = ", ".join(result.petitions[m].id for m in group.members)
                self.stderr.write(
                    f"{group.key} ({len(group.members)}): {ids} — {group.explanation()}"
                )
