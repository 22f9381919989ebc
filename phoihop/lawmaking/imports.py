"""Reading a campaign file of comments: XLSX (the downloadable template), CSV, or plain text
(one comment a line). Every row is checked before anything is recorded: the rows in error are
listed, each with its line number and reason in Vietnamese, and the file is refused whole.

Columns, by their title (case and diacritics ignored; the template's titles first):

========================  =============  ===========================================
Title                     Short name     Content
========================  =============  ===========================================
Nội dung góp ý            noi_dung       the comment (required)
Điều, khoản, điểm         dieu_khoan     the provision, as cited (``Khoản 1 Điều 5``);
                                         empty: the form's choice
Ý kiến                    y_kien         Tán thành / Không tán thành / Đề nghị sửa đổi,
                                         bổ sung; empty: the form's choice
Đề xuất sửa thành         de_xuat_sua    the wording proposed
Họ và tên                 ho_ten         the commenter's name (not required)
Cơ quan, đơn vị           co_quan        the commenter's body (not required)
Đối tượng                 doi_tuong      Người dân / Cơ quan, tổ chức / Chuyên gia… ;
                                         empty: người dân
========================  =============  ===========================================
"""

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field

from phoihop.lawmaking.models import CommenterKind, Position, Provision
from phoihop.lawmaking.services import CommentInput
from phoihop.text.normalize import fold

# (key, template title, other titles accepted), in the template's order.
COLUMNS = [
    ("noi_dung", "Nội dung góp ý", ("noi dung", "noi_dung", "y kien gop y")),
    ("dieu_khoan", "Điều, khoản, điểm", ("dieu khoan", "dieu_khoan", "quy dinh")),
    ("y_kien", "Ý kiến", ("y_kien", "y kien", "tan thanh hay khong")),
    ("de_xuat_sua", "Đề xuất sửa thành", ("de xuat sua", "de_xuat_sua", "de nghi sua")),
    ("ho_ten", "Họ và tên", ("ho ten", "ho_ten", "nguoi gop y")),
    ("co_quan", "Cơ quan, đơn vị", ("co quan", "co_quan", "don vi")),
    ("doi_tuong", "Đối tượng", ("doi_tuong", "doi tuong gop y")),
]
EXAMPLE = [
    "Đề nghị miễn phí cho xe máy của hộ nghèo.",
    "Khoản 1 Điều 5",
    "Đề nghị sửa đổi, bổ sung",
    "Xe máy của hộ nghèo, hộ cận nghèo được miễn phí.",
    "Nguyễn Văn A",
    "",
    "Người dân",
]
MAX_ERRORS = 20


def _key(value: object) -> str:
    return " ".join(fold(str(value or "")).replace(",", " ").split())


_TITLES = {}
for _k, _title, _others in COLUMNS:
    for _name in (_title, _k, *_others):
        _TITLES[_key(_name)] = _k


@dataclass
class Result:
    rows: list[CommentInput] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    error_rows: int = 0

    def error(self, message: str) -> None:
        self.error_rows += 1
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(message)


class Reader:
    """Turns a table (a header row, then rows) into comment inputs for one draft version."""

    def __init__(
        self, *, citations: dict[int, str], provisions: dict[int, Provision], provision, position
    ) -> None:
        self.by_citation = {_key(c): pk for pk, c in citations.items()}
        self.provisions = provisions
        self.provision, self.position = provision, position
        self.positions = {_key(label): value for value, label in Position.choices}
        self.positions.update({_key(v): v for v in Position.values})
        self.kinds = {_key(label): value for value, label in CommenterKind.choices}
        self.kinds.update({_key(v): v for v in CommenterKind.values})
        self.kinds.update({"nguoi dan": "citizen", "co quan": "agency", "to chuc": "agency"})

    def read_table(self, table: Iterable[list], max_rows: int) -> Result:
        result = Result()
        rows = iter(table)
        header = next(rows, None)
        columns = {
            _TITLES[_key(title)]: i
            for i, title in enumerate(header or [])
            if _key(title) in _TITLES
        }
        if "noi_dung" not in columns:
            result.error("Dòng 1: không thấy cột «Nội dung góp ý» (xem tệp mẫu).")
            return result
        for number, cells in enumerate(rows, 2):

            def cell(key: str, cells=cells) -> str:
                index = columns.get(key)
                if index is None or index >= len(cells) or cells[index] is None:
                    return ""
                return str(cells[index]).strip()

            if not any(str(c or "").strip() for c in cells):
                continue
            if len(result.rows) + result.error_rows >= max_rows:
                result.error(f"Tệp có quá {max_rows} dòng; hãy chia nhỏ.")
                break
            self._row(result, number, cell)
        if not result.rows and not result.errors:
            result.error("Tệp không có ý kiến nào.")
        return result

    def read_lines(self, text: str) -> Result:
        result = Result()
        result.rows = [
            CommentInput(text=line.strip(), position=self.position, provision=self.provision)
            for line in text.splitlines()
            if line.strip()
        ]
        if not result.rows:
            result.error("Tệp không có ý kiến nào.")
        return result

    def _row(self, result: Result, number: int, cell) -> None:
        problems = []
        body = cell("noi_dung")
        if not body:
            problems.append("thiếu nội dung góp ý")
        elif len(body) > 5000:
            problems.append("nội dung dài quá 5.000 ký tự")
        target = self.provision
        where = cell("dieu_khoan")
        if where:
            pk = self.by_citation.get(_key(where))
            if pk is None:
                problems.append(f"không thấy «{where}» trong dự thảo")
            else:
                target = self.provisions[pk]
        stated = cell("y_kien")
        position = self.positions.get(_key(stated)) if stated else self.position
        if position is None:
            problems.append(
                f"ý kiến «{stated}» không hợp lệ (Tán thành, Không tán thành, "
                "Đề nghị sửa đổi, bổ sung)"
            )
        stated_kind = cell("doi_tuong")
        kind = self.kinds.get(_key(stated_kind)) if stated_kind else CommenterKind.CITIZEN
        if kind is None:
            problems.append(f"đối tượng «{stated_kind}» không hợp lệ")
        if problems:
            result.error(f"Dòng {number}: " + "; ".join(problems) + ".")
            return
        result.rows.append(
            CommentInput(
                text=body,
                position=position,
                provision=target,
                commenter_kind=kind,
                commenter_name=cell("ho_ten")[:200],
                organisation=cell("co_quan")[:200],
                proposed_wording=cell("de_xuat_sua"),
            )
        )


def xlsx_table(content: bytes) -> list[list]:
    """The first sheet's rows (values, not formulas).

    Raises:
        ValueError: not a readable XLSX workbook.
    """
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    except Exception as exc:  # openpyxl raises many kinds on a broken file
        raise ValueError("Không đọc được tệp Excel (.xlsx).") from exc


def csv_table(text: str) -> list[list]:
    return list(csv.reader(io.StringIO(text)))


def is_table(first_line: str) -> bool:
    """A CSV whose first line names the comment column (else: one comment a line)."""
    cells = csv_table(first_line)
    return bool(cells) and any(_TITLES.get(_key(c)) == "noi_dung" for c in cells[0])


def template_xlsx(citations: Iterable[str]) -> bytes:
    """The campaign template: the columns with one example row, and a second sheet listing the
    draft's provisions as they are to be cited, and the values the choice columns take."""
    from phoihop.documents.sheets import ListSheet, list_workbook

    positions = [str(label) for _, label in Position.choices]
    kinds = [str(label) for _, label in CommenterKind.choices]
    cites = list(citations)
    guide = [
        [
            cites[i] if i < len(cites) else "",
            positions[i] if i < len(positions) else "",
            kinds[i] if i < len(kinds) else "",
        ]
        for i in range(max(len(cites), len(positions), len(kinds)))
    ]
    return list_workbook(
        [
            ListSheet(
                "Ý kiến",
                header=[title for _, title, _ in COLUMNS],
                rows=[EXAMPLE],
                widths=(60, 22, 24, 50, 24, 28, 20),
            ),
            ListSheet(
                "Hướng dẫn",
                header=["Điều, khoản, điểm (ghi đúng như dưới đây)", "Ý kiến", "Đối tượng"],
                rows=guide,
                widths=(40, 28, 28),
            ),
        ]
    )
