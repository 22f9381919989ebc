"""Reading petitions from a meeting's minutes (XLSX or DOCX table) or a pasted list.

Every row is checked before anything is recorded: one bad row refuses the whole file and the
message names the row and the reason, in Vietnamese.

Columns (by header, case and diacritics ignored): ``Nội dung`` (required), ``Xã, phường``
(required unless the meeting has a single contact point), ``Đại biểu tiếp nhận``, ``Cử tri``,
``Loại`` (``ý kiến`` or ``kiến nghị``; empty: kiến nghị).
A pasted list has one petition per line: ``nội dung | xã, phường | đại biểu tiếp nhận``; a
line that starts with ``Ý kiến:`` is an opinion (decision 0163).
"""

import io
from dataclasses import dataclass

from phoihop.voters.engine import fold
from phoihop.voters.errors import ImportRowError

MAX_ROWS = 2000


@dataclass(frozen=True)
class Row:
    number: int
    text: str
    commune: str = ""
    received_by: str = ""
    voter: str = ""
    kind: str = "petition"


_HEADERS = {
    "text": ("noi dung", "noi dung kien nghi", "kien nghi"),
    "commune": ("xa, phuong", "xa phuong", "xa", "dia ban", "xa/phuong"),
    "received_by": ("dai bieu tiep nhan", "dai bieu"),
    "voter": ("cu tri", "cu tri neu", "nguoi neu"),
    "kind": ("loai", "y kien hay kien nghi", "phan loai"),
}

# How a "Loại" cell or a pasted line's prefix names the kind (folded).
KINDS = {"": "petition", "kien nghi": "petition", "y kien": "opinion"}


def kind_of(value: str, number: int) -> str:
    """The kind a "Loại" cell names; anything else refuses the row."""
    kind = KINDS.get(" ".join(fold(value).split()).rstrip(":"))
    if kind is None:
        raise ImportRowError(
            f"Dòng {number}: cột «Loại» phải là «ý kiến» hoặc «kiến nghị», không phải «{value}».",
            code="kind",
        )
    return kind


def _columns(header: list[str]) -> dict[str, int]:
    folded = [fold(str(h or "")).strip().rstrip(":") for h in header]
    found = {}
    for key, names in _HEADERS.items():
        for index, name in enumerate(folded):
            if name in names:
                found[key] = index
                break
    if "text" not in found:
        raise ImportRowError("Dòng 1: không thấy cột «Nội dung» trong tiêu đề bảng.", code="header")
    return found


def _header_at(table: list[list[str]]) -> int:
    """The row holding the column titles: minutes often open with a title and a date."""
    for index, cells in enumerate(table[:20]):
        try:
            _columns(cells)
        except ImportRowError:
            continue
        return index
    raise ImportRowError("Không thấy dòng tiêu đề có cột «Nội dung».", code="header")


def _rows(table: list[list[str]], first_number: int) -> list[Row]:
    if not table:
        raise ImportRowError("Tệp không có bảng kiến nghị nào.", code="empty")
    start = _header_at(table)
    columns = _columns(table[start])
    rows = []
    for offset, cells in enumerate(table[start + 1 :], start=start + 1):

        def cell(key: str, cells=cells) -> str:
            index = columns.get(key)
            if index is None or index >= len(cells) or cells[index] is None:
                return ""
            return str(cells[index]).strip()

        if not any(str(c or "").strip() for c in cells):
            continue
        number = first_number + offset
        text = cell("text")
        if not text:
            raise ImportRowError(f"Dòng {number}: thiếu nội dung kiến nghị.", code="text")
        rows.append(
            Row(
                number,
                text,
                cell("commune"),
                cell("received_by"),
                cell("voter"),
                kind_of(cell("kind"), number),
            )
        )
    if len(rows) > MAX_ROWS:
        raise ImportRowError(f"Tệp có quá {MAX_ROWS} kiến nghị; hãy chia nhỏ.", code="size")
    return rows


def read_xlsx(content: bytes) -> list[Row]:
    from openpyxl import load_workbook

    try:
        sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).worksheets[0]
    except Exception as exc:
        raise ImportRowError("Không đọc được tệp Excel (.xlsx).", code="file") from exc
    return _rows([list(r) for r in sheet.iter_rows(values_only=True)], 1)


def read_docx(content: bytes) -> list[Row]:
    from docx import Document

    try:
        document = Document(io.BytesIO(content))
    except Exception as exc:
        raise ImportRowError("Không đọc được tệp Word (.docx).", code="file") from exc
    for table in document.tables:
        cells = [[c.text.strip() for c in row.cells] for row in table.rows]
        try:
            _columns(cells[0]) if cells else None
        except ImportRowError:
            continue
        return _rows(cells, 1)
    raise ImportRowError(
        "Biên bản không có bảng kiến nghị (cần một bảng có cột «Nội dung»).", code="table"
    )


def read_upload(name: str, content: bytes) -> list[Row]:
    lowered = name.lower()
    if lowered.endswith(".xlsx"):
        return read_xlsx(content)
    if lowered.endswith(".docx"):
        return read_docx(content)
    raise ImportRowError("Chỉ nhận tệp .xlsx hoặc .docx.", code="type")


def read_pasted(text: str) -> list[Row]:
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        parts = [p.strip() for p in line.split("|")]
        body = parts[0].lstrip("-•*0123456789.) ").strip()
        kind = "petition"
        head, colon, rest = body.partition(":")
        if colon and KINDS.get(" ".join(fold(head).split())) is not None:
            kind, body = KINDS[" ".join(fold(head).split())], rest.strip()
        if not body:
            raise ImportRowError(f"Dòng {number}: thiếu nội dung kiến nghị.", code="text")
        rows.append(
            Row(
                number,
                body,
                parts[1] if len(parts) > 1 else "",
                parts[2] if len(parts) > 2 else "",
                kind=kind,
            )
        )
    if not rows:
        raise ImportRowError("Danh sách trống.", code="empty")
    return rows
