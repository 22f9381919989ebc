"""Sheet tabs as Excel accepts them, in Vietnamese as written."""

import io

from openpyxl import load_workbook

from phoihop.documents.sheets import ListSheet, list_workbook, sheet_name


def test_a_tab_keeps_its_vietnamese_and_loses_what_excel_forbids():
    assert sheet_name("Tổng hợp ý kiến") == "Tổng hợp ý kiến"
    assert sheet_name("Kỳ 1/2026: [dự thảo] *?") == "Kỳ 1 2026 dự thảo"
    assert sheet_name("'") == "Trang"
    long = sheet_name("Tổng hợp kết quả giải quyết kiến nghị của cử tri năm 2026")
    assert len(long) <= 31 and long == "Tổng hợp kết quả giải quyết"


def test_tabs_are_unique_in_a_workbook_whatever_the_case():
    book = load_workbook(
        io.BytesIO(
            list_workbook(
                [ListSheet("Ý kiến"), ListSheet("ý kiến"), ListSheet("Ý KIẾN" + " x" * 20)]
            )
        )
    )
    assert book.sheetnames[:2] == ["Ý kiến", "ý kiến (2)"]
    assert len(book.sheetnames[2]) <= 31 and len(set(map(str.casefold, book.sheetnames))) == 3
