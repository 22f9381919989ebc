"""The summary tables of Thông tư 02/2021/TT-TTCP for a period: what each column counts, the
workbook's layout, the preview page, and the narrative report that takes no number until issued."""

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from phoihop.documents.models import Document, NumberSeries
from phoihop.letters.reports import period_report, period_report_xlsx
from phoihop.letters.services import (
    letter_accept,
    letter_conclude,
    letter_forward,
    letter_guide,
)
from phoihop.letters.tests.factories import register
from phoihop.reception.services import CitizenInput, ItemInput, visit_answer, visit_register
from phoihop.testing import grant, signed_in_client

START, END = date(2026, 6, 1), date(2026, 6, 30)


def _column(table, name):
    return table.total[table.columns.index(name)]


@pytest.fixture
def period(tree, leader):
    """Letters and visits around June 2026 in the tree's own body."""
    grant(leader, "clerk", tree.own)
    # Carried over: received in May, still waiting at the start of June, forwarded in June.
    old = register(tree.own, actor=leader, kind="petition", on=date(2026, 5, 20))
    letter_forward(actor=leader, letter=old, to_organization=tree.other, on=date(2026, 6, 3))
    # Received in June: a complaint accepted and decided, a denunciation accepted and left
    # past its due date, a petition guided in July (after the period: not yet handled).
    complaint = register(tree.own, actor=leader, kind="complaint", on=date(2026, 6, 2))
    letter_accept(actor=leader, letter=complaint, on=date(2026, 6, 4))
    letter_conclude(
        actor=leader,
        letter=complaint,
        on=date(2026, 6, 25),
        summary="Giữ nguyên quyết định.",
        verification_result="Đúng trình tự.",
        legal_basis="Luật Đất đai 2024.",
        conclusion="Khiếu nại sai.",
    )
    denunciation = register(
        tree.own, actor=leader, kind="denunciation", on=date(2026, 5, 4), content="Tố cáo ông A."
    )
    letter_accept(actor=leader, letter=denunciation, on=date(2026, 5, 6))
    late = register(tree.own, actor=leader, kind="petition", on=date(2026, 6, 10))
    letter_guide(
        actor=leader, letter=late, on=date(2026, 7, 2), note="", competent_organization=tree.other
    )
    # Outside the period entirely.
    register(tree.own, actor=leader, on=date(2026, 7, 15))
    # A mass visit of six with two contents, answered in June; a leader's visit not answered.
    group = visit_register(
        actor=leader,
        organization=tree.own,
        visited_on=date(2026, 6, 8),
        received_by=leader,
        citizens=[CitizenInput(full_name="Lê Văn Tư", address="xã Mộc", is_representative=True)],
        items=[ItemInput(content="Khiếu nại giá đền bù."), ItemInput(content="Kiến nghị đường.")],
        headcount=6,
    )
    visit_answer(actor=leader, visit=group, answered_on=date(2026, 6, 12), answer="Đã thụ lý.")
    visit_register(
        actor=leader,
        organization=tree.own,
        visited_on=date(2026, 6, 15),
        received_by=leader,
        kind="scheduled",
        citizens=[CitizenInput(full_name="Trần Thị Năm", address="xã Mộc")],
        items=[ItemInput(content="Phản ánh ô nhiễm.")],
    )
    return tree


def test_each_table_counts_what_stood_at_the_end_of_the_period(period, leader):
    report = period_report(viewer=leader, start=START, end=END, unit="UBND tỉnh")
    reception, handling, complaints, denunciations = report.tables

    assert _column(reception, "Tiếp thường xuyên: lượt") == 1
    assert _column(reception, "Tiếp thường xuyên: người") == 6
    assert _column(reception, "Lãnh đạo tiếp định kỳ, đột xuất: lượt") == 1
    assert _column(reception, "Đoàn đông người: số đoàn") == 1
    assert _column(reception, "Nội dung chưa phân loại") == 3  # visit letters not classified yet
    assert _column(reception, "Đã trả lời công dân") == 1
    assert _column(reception, "Chưa trả lời") == 1

    # The May petition; the denunciation was handled (accepted) in May.
    assert _column(handling, "Kỳ trước chuyển sang") == 1
    assert _column(handling, "Đơn tố cáo") == 0
    assert _column(handling, "Tiếp nhận trong kỳ") == 5  # 2 by post, 3 from the visits
    assert _column(handling, "Chuyển đơn") == 1
    assert _column(handling, "Hướng dẫn") == 0  # guided in July
    assert _column(handling, "Thụ lý, xem xét (thuộc thẩm quyền)") == 1  # the complaint
    assert _column(handling, "Chưa xử lý") == 4  # the July-guided petition and the visit letters

    assert _column(complaints, "Thụ lý trong kỳ") == 1
    assert _column(complaints, "Khiếu nại lần đầu") == 1
    assert _column(complaints, "Đã giải quyết (có quyết định, kết luận)") == 1
    assert _column(complaints, "Đang giải quyết") == 0

    assert _column(denunciations, "Kỳ trước chuyển sang") == 1
    assert _column(denunciations, "Đang giải quyết") == 1
    assert _column(denunciations, "Trong đó quá hạn") == 1  # 30 days from 06/05 ran out in June


def test_workbook_has_title_period_unit_widths_and_a_frozen_header(period, leader):
    report = period_report(viewer=leader, start=START, end=END, unit="Ủy ban nhân dân tỉnh")
    book = load_workbook(io.BytesIO(period_report_xlsx(report)))
    assert book.sheetnames == [
        "Tiếp công dân",
        "Xử lý đơn",
        "Giải quyết khiếu nại",
        "Giải quyết tố cáo",
    ]
    sheet = book["Xử lý đơn"]
    assert sheet["A1"].value == "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN"
    assert sheet["A2"].value == "Kỳ báo cáo: từ ngày 01/06/2026 đến ngày 30/06/2026"
    assert sheet["A3"].value == "Đơn vị báo cáo: Ủy ban nhân dân tỉnh"
    assert "Thông tư số 02/2021/TT-TTCP" in sheet["A4"].value
    assert [c.value for c in sheet[6]][:3] == [
        "Đơn vị",
        "Kỳ trước chuyển sang",
        "Tiếp nhận trong kỳ",
    ]
    assert sheet["B7"].value == "(2)"  # the form's column numbers
    assert sheet.freeze_panes == "B8"
    assert sheet.column_dimensions["A"].width == 28 and sheet.column_dimensions["B"].width == 14
    last = sheet.max_row
    assert sheet.cell(last, 1).value == "Tổng cộng" and sheet.cell(last, 3).value == 5


def test_preview_page_downloads_and_a_report_numbered_only_at_issue(period, leader, tree):
    client = signed_in_client(leader)
    query = f"start=01/06/2026&end=30/06/2026&organization={tree.own.public_id}"
    page = client.get(f"/don/thong-ke/?{query}").content.decode()
    assert "Tổng hợp kết quả tiếp công dân" in page and "Tổng hợp kết quả giải quyết tố cáo" in page
    assert f"Đơn vị báo cáo: {tree.own.name}" in page
    assert 'role="img"' in page and "Tổng cộng" in page
    xlsx = client.get(f"/don/thong-ke/?{query}&format=tt02")
    assert xlsx["Content-Disposition"].endswith(
        "filename*=utf-8''Bi%E1%BB%83u%20t%E1%BB%95ng%20h%E1%BB%A3p%2001-06-2026%20%C4%91%E1%BA%BFn%2030-06-2026.xlsx"
    )
    assert load_workbook(io.BytesIO(xlsx.content))["Tiếp công dân"]["A3"].value.endswith(
        tree.own.name
    )
    bad = client.get("/don/thong-ke/?start=30/06/2026&end=01/06/2026").content.decode()
    assert "Kỳ báo cáo chưa hợp lệ" in bad
    assert not NumberSeries.objects.filter(organization=tree.own, series="van-ban").exists()
    response = client.post(
        "/don/thong-ke/bao-cao/",
        {"start": "01/06/2026", "end": "30/06/2026", "organization": str(tree.own.public_id)},
    )
    assert response.status_code == 302
    report = Document.objects.get(doc_type=Document.Type.REPORT)
    assert report.is_draft and report.number is None
    assert any(p.startswith("Tổng hợp kết quả tiếp công dân:") for p in report.body["paragraphs"])
    assert not NumberSeries.objects.filter(organization=tree.own, series="van-ban").exists()
