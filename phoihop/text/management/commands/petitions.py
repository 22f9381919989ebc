"""``phoihop petitions consolidate FILE.jsonl``: group voter petitions by issue.

Reads JSON lines with at least ``id`` and ``text`` (optional ``meeting``, ``commune``,
``channel``) and writes one JSON line per petition, in input order, to stdout:
``{"id", "group", "field", "level", "agency", "group_size", "group_cohesion", "evidence"}``;
``evidence`` names the member the petition joined through, the score and what they share,
and flags a weakly attached member. Petitions sharing ``group`` raise one issue. With
``--explain`` each group and each member's evidence go to stderr. ``--must-link`` and
``--cannot-link`` take officials' decisions as ``ID1,ID2`` (repeatable).
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
            "--explain", action="store_true", help="In nhóm và bằng chứng từng kiến nghị ra stderr"
        )
        consolidate_parser.add_argument(
            "--must-link",
            action="append",
            default=[],
            metavar="ID1,ID2",
            help="Hai kiến nghị cán bộ đã xác định là cùng một vấn đề",
        )
        consolidate_parser.add_argument(
            "--cannot-link",
            action="append",
            default=[],
            metavar="ID1,ID2",
            help="Hai kiến nghị cán bộ đã xác định là khác vấn đề",
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
        known = {p.id for p in petitions}
        decisions: dict[str, list[tuple[str, str]]] = {}
        for option in ("must_link", "cannot_link"):
            pairs: list[tuple[str, str]] = []
            for value in options[option]:
                parts = [part.strip() for part in value.split(",")]
                if len(parts) != 2 or not set(parts) <= known:
                    raise CommandError(f"Cặp “{value}” không phải hai mã kiến nghị có trong tệp.")
                pairs.append((parts[0], parts[1]))
            decisions[option] = pairs
        result = consolidate(
            petitions, must_link=decisions["must_link"], cannot_link=decisions["cannot_link"]
        )
        lines = [json.dumps(row, ensure_ascii=False) for row in result.rows()]
        self.stdout.write("\n".join(lines))
        if options["explain"]:
            for group in result.groups:
                self.stderr.write(f"{group.key} ({len(group.members)}): {group.explanation()}")
                if len(group.members) == 1:
                    continue
                for member in group.members:
                    evidence = result.evidence[member]
                    via = evidence.joined_via or "—"
                    weak = " [gắn yếu]" if evidence.weak else ""
                    self.stderr.write(
                        f"  {result.petitions[member].id} ← {via} ({evidence.score:.2f}){weak}: "
                        + ", ".join(evidence.shared)
                    )
