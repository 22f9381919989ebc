"""Writing people's text into XLSX workbooks without turning it into formulas.

openpyxl stores any string that starts with ``=`` as a formula, so a citizen's
``=HYPERLINK("http://…","Bấm vào đây")`` became a live link in the letters export; and a cell
that starts with ``+``, ``-`` or ``@`` is read as a formula when someone edits it in Excel or
saves the sheet as CSV. Such strings are written as text, with Excel's "quote prefix" (the
hidden apostrophe) so that they stay text after editing.
"""

from typing import Any

from openpyxl.cell.cell import Cell

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def is_formula_like(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def write_text(cell: Cell, value: Any) -> Cell:
    """Put *value* in *cell*; a formula-like string stays a string."""
    cell.value = value
    if is_formula_like(value):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def assert_no_formulas(workbook_bytes: bytes) -> None:
    """For tests: raise if any cell of the workbook is stored as a formula."""
    import io

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(workbook_bytes))
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    raise AssertionError(f"{sheet.title}!{cell.coordinate} is a formula")
