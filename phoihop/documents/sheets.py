"""Tables as XLSX, plain data in and bytes out, every cell written formula-safe
(``phoihop.security.spreadsheets``), so that no export turns someone's text into a formula.

- :class:`FormSheet` / :func:`form_workbook`: a prescribed report or register: a title, the
  period, the reporting unit, the form's reference, a header row with the form's column
  numbers under it, sized columns and a frozen header, ready to print or to send on.
- :class:`ListSheet` / :func:`list_workbook`: a plain list or export: optional lines above
  (the first in bold, as its title), a bold header row, the rows and the column widths.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from django.utils.functional import Promise
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from phoihop.security.spreadsheets import write_text

_S = TypeVar("_S", "FormSheet", "ListSheet")

_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


@dataclass(frozen=True)
class FormSheet:
    """One table: *header* names the columns, *rows* hold the values (numbers or text)."""

    name: str  # the sheet's tab (at most 31 characters)
    title: str
    form: str  # "Theo mẫu … Thông tư 02/2021/TT-TTCP"
    unit: str
    start: date
    end: date
    header: Sequence[str]
    rows: Sequence[Sequence[object]]
    widths: Sequence[int] = field(default_factory=tuple)
    total: Sequence[object] | None = None


def _form_sheet(sheet: Worksheet, spec: FormSheet) -> None:
    columns = len(spec.header)
    last = get_column_letter(columns)
    lines = [
        (spec.title.upper(), Font(bold=True, size=13)),
        (f"Kỳ báo cáo: từ ngày {spec.start:%d/%m/%Y} đến ngày {spec.end:%d/%m/%Y}", Font(size=11)),
        (f"Đơn vị báo cáo: {spec.unit}", Font(size=11)),
        (spec.form, Font(italic=True, size=10)),
    ]
    for row, (text, font) in enumerate(lines, start=1):
        cell = write_text(sheet.cell(row=row, column=1), text)
        cell.font = font
        cell.alignment = Alignment(horizontal="center")
        sheet.merge_cells(f"A{row}:{last}{row}")
    header_row = len(lines) + 2
    for column, name in enumerate(spec.header, start=1):
        cell = write_text(sheet.cell(row=header_row, column=column), name)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        cell.border = _BOX
        number = sheet.cell(row=header_row + 1, column=column, value=f"({column})")
        number.font = Font(italic=True, size=9)
        number.alignment = Alignment(horizontal="center")
        number.border = _BOX
    body = [*spec.rows, *([spec.total] if spec.total is not None else [])]
    for offset, values in enumerate(body, start=header_row + 2):
        for column, value in enumerate(values, start=1):
            cell = write_text(sheet.cell(row=offset, column=column), value)
            cell.border = _BOX
            cell.alignment = Alignment(wrap_text=isinstance(value, str), vertical="top")
            if spec.total is not None and offset == header_row + 1 + len(body):
                cell.font = Font(bold=True)
    sheet.row_dimensions[header_row].height = 60
    for column in range(1, columns + 1):
        width = spec.widths[column - 1] if column <= len(spec.widths) else 12
        sheet.column_dimensions[get_column_letter(column)].width = width
    # The header and the first column stay in view while scrolling.
    sheet.freeze_panes = sheet.cell(row=header_row + 2, column=2)
    sheet.print_title_rows = f"{header_row}:{header_row + 1}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1


# What Excel allows in a sheet's tab: at most 31 characters, none of : \\ / ? * [ ], not
# starting or ending with an apostrophe, and no two tabs alike (compared without case).
SHEET_NAME_MAX = 31
_SHEET_FORBIDDEN = re.compile(r"[:\\/?*\[\]]")


def sheet_name(name: str, taken: Sequence[str] = ()) -> str:
    """*name* as Excel accepts it for a tab, in Vietnamese as written (NFC): forbidden
    characters dropped, cut to 31 characters at a word where it can be, and made unique among
    *taken* with " (2)", " (3)"…; "Trang" when nothing is left."""
    clean = " ".join(_SHEET_FORBIDDEN.sub(" ", unicodedata.normalize("NFC", name)).split())
    clean = clean.strip("'").strip() or "Trang"

    def cut(text: str, limit: int) -> str:
        if len(text) <= limit:
            return text
        head = text[:limit]
        return (head.rsplit(" ", 1)[0] if " " in head else head).rstrip(" ,;-–'")

    used = {t.casefold() for t in taken}
    candidate, number = cut(clean, SHEET_NAME_MAX), 1
    while candidate.casefold() in used:
        number += 1
        suffix = f" ({number})"
        candidate = cut(clean, SHEET_NAME_MAX - len(suffix)) + suffix
    return candidate


def _workbook(sheets: Sequence[_S], write: Callable[[Worksheet, _S], None]) -> bytes:
    book = Workbook()
    names: list[str] = []
    for index, spec in enumerate(sheets):
        sheet = book.active if index == 0 else book.create_sheet()
        sheet.title = sheet_name(spec.name, names)
        names.append(sheet.title)
        write(sheet, spec)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def form_workbook(sheets: Sequence[FormSheet]) -> bytes:
    """The tables as one workbook, a sheet each, in order."""
    return _workbook(sheets, _form_sheet)


@dataclass(frozen=True)
class ListSheet:
    """One plain table. *above*: lines before the header (the first one bold); *header*: the
    column names (bold; none for a sheet of free lines); *widths*: from column A on, ``None``
    leaves a column as it is. An empty row in *above* or *rows* is an empty line."""

    name: str  # the sheet's tab (at most 31 characters)
    header: Sequence[object] = ()
    rows: Iterable[Sequence[object]] = ()
    widths: Sequence[float | None] = ()
    above: Sequence[Sequence[object]] = ()


def _write_row(sheet: Worksheet, row: int, values: Sequence[object], *, bold: bool = False) -> None:
    for column, value in enumerate(values, start=1):
        if isinstance(value, Promise):
            value = str(value)  # a lazily translated label
        cell = write_text(sheet.cell(row=row, column=column), value)
        if bold:
            cell.font = Font(bold=True)


def _list_sheet(sheet: Worksheet, spec: ListSheet) -> None:
    row = 1
    for index, values in enumerate(spec.above):
        _write_row(sheet, row, values, bold=index == 0)
        row += 1
    if spec.header:
        _write_row(sheet, row, spec.header, bold=True)
        row += 1
    for values in spec.rows:
        _write_row(sheet, row, values)
        row += 1
    for column, width in enumerate(spec.widths, start=1):
        if width is not None:
            sheet.column_dimensions[get_column_letter(column)].width = width


def list_workbook(sheets: Sequence[ListSheet]) -> bytes:
    """The tables as one workbook, a sheet each, in order."""
    return _workbook(sheets, _list_sheet)
