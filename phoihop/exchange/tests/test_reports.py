"""Periodic reports (NĐ 09/2019 Đ12–Đ13; RULEBOOK BCO-02…BCO-08, W6): the data window and due
date from the engine, figures from every tracked kind, the draft document numbered only when
issued, the DOCX in the NĐ 30 layout, the XLSX and the charts."""

import io
from datetime import date

import pytest
from django.urls import reverse
from docx import Document as Docx
from openpyxl import load_workbook

from phoihop.accounts.services import system_actor
from phoihop.core.errors import ApplicationError
from phoihop.deadlines import engine
from phoihop.documents.services import document_docx, document_number
from phoihop.exchange import reports, services
from phoihop.exchange.tests import factories as f
from phoihop.testing import dead_links, download_name, grant, make_user, signed_in_client

Q4 = ("quarter", 2026, 4)  # 15/09/2026 – 14/12/2026, due Fri 25/12/2026


def _data(tree):
    """In the window: a copy received and closed; before it: one still open, overdue."""
    inside = f.copy_of(f.send(tree, purpose="information", symbol="20/UBND"))
    services.delivery_register(actor=system_actor(), delivery=inside, on=date(2026, 11, 20))
    f.send(tree, on=date(2026, 9, 14), symbol="9/UBND", due=date(2026, 10, 1))
    f.send(tree, on=date(2026, 9, 15), symbol="10/UBND", sender=tree.own, to=tree.other)


def test_w6_the_window_and_due_date_come_from_the_engine(tree):
    _data(tree)
    period = engine.report_period(*Q4)
    report = reports.compile_report(viewer=system_actor(), organization=tree.own, period=period)
    assert (period.starts_on, period.cut_off, period.due) == (
        date(2026, 9, 15),
        date(2026, 12, 14),
        date(2026, 12, 25),
    )
    (row,) = report.rows
    assert row.label == "Văn bản đến từ cơ quan phối hợp"
    # received in the window: the copy of 20/11 only (14/09 is the previous window's last day)
    assert (row.received, row.closed, row.open, row.overdue) == (1, 1, 1, 1)
    # the council sent one document on the window's first day
    assert (report.sent, report.sent_late) == (1, 0)
    other = reports.compile_report(viewer=system_actor(), organization=tree.other, period=period)
    assert [r.received for r in other.rows] == [1]  # the copy the People's Committee received


def test_a_report_is_prepared_as_a_draft_numbered_only_at_issue(tree):
    _data(tree)
    report = services.periodic_report_prepare(
        actor=system_actor(), organization=tree.own, kind="quarter", year=2026, index=4
    )
    assert report.document.is_draft and report.document.number is None
    assert report.due_on == date(2026, 12, 25) and "09/2019" in report.citation
    again = services.periodic_report_prepare(
        actor=system_actor(), organization=tree.own, kind="quarter", year=2026, index=4
    )
    assert again.pk == report.pk and again.document.is_draft
    document = document_number(actor=system_actor(), document=again.document, on=date(2026, 12, 7))
    assert document.number == 1 and document.symbol.startswith("01/BC-")
    with pytest.raises(ApplicationError, match="đã ban hành"):
        services.periodic_report_prepare(
            actor=system_actor(), organization=tree.own, kind="quarter", year=2026, index=4
        )
    with pytest.raises(ApplicationError):
        services.periodic_report_prepare(
            actor=system_actor(), organization=tree.own, kind="quarter", year=2026, index=5
        )


def _docx_lines(content: bytes) -> list[str]:
    doc = Docx(io.BytesIO(content))
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                lines += [p.text for p in cell.paragraphs]
    return [line for line in lines if line.strip()]


def test_the_report_docx_has_the_decree_30_structure(tree):
    _data(tree)
    report = services.periodic_report_prepare(
        actor=system_actor(), organization=tree.own, kind="quarter", year=2026, index=4
    )
    document = document_number(actor=system_actor(), document=report.document, on=date(2026, 12, 7))
    doc = Docx(io.BytesIO(document_docx(document)))
    lines = _docx_lines(document_docx(document))
    header = [p.text for cell in doc.tables[0].rows[0].cells for p in cell.paragraphs]
    assert "HĐND TỈNH" in header and f"Số: {document.symbol}" in header
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header
    body = [p.text for p in doc.paragraphs]
    assert "BÁO CÁO" in body and "Kết quả công tác phối hợp quý IV/2026" in body
    headings = ["I. KẾT QUẢ THỰC HIỆN", "II. ĐÁNH GIÁ CHUNG", "III. NHIỆM VỤ KỲ TỚI"]
    assert [b for b in body if b in headings] == headings
    assert any("từ ngày 15/09/2026 đến ngày 14/12/2026" in b for b in body)
    # The legal basis spelled out as a document writes it, no rulebook shorthand.
    period = next(b for b in body if "kỳ số liệu theo" in b)
    assert (
        "kỳ số liệu theo khoản 1 đến khoản 4 Điều 12 và khoản 1 Điều 13 Nghị định "
        "09/2019/NĐ-CP)" in period
    )
    assert " Đ12" not in period and " k1" not in period
    figures = doc.tables[1]
    assert [c.text for c in figures.rows[0].cells] == list(reports.HEADER)
    assert [c.text for c in figures.rows[-1].cells][1:] == ["Tổng cộng", "1", "1", "1", "1"]
    left, right = doc.tables[-1].rows[0].cells
    assert [p.text for p in left.paragraphs][:3] == [
        "Nơi nhận:",
        "- UBND tỉnh;",
        "- Lưu: VT, hồ sơ.",
    ]
    signature = [p.text for p in right.paragraphs if p.text]
    assert signature == ["TM. HỘI ĐỒNG NHÂN DÂN", "CHỦ TỊCH"]  # the authority line, then the title
    assert "DỰ THẢO" not in lines


def test_the_report_page_shows_figures_charts_and_exports_xlsx(tree):
    _data(tree)
    user = make_user("cv.hdnd")
    grant(user, "specialist", tree.own)
    client = signed_in_client(user)
    query = f"?organization={tree.own.pk}&kind=quarter&year=2026&index=4"
    page = client.get(reverse("exchange:reports") + query).content.decode()
    assert "quý IV/2026" in page and "25/12/2026" in page and page.count("<svg") == 3
    assert "Tiếp nhận trong kỳ (quý IV/2026)" in page
    response = client.get(reverse("exchange:report_xlsx") + query)
    assert download_name(response) == "Báo cáo quý IV-2026.xlsx"
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [c.value for c in sheet[6]] == list(reports.HEADER)
    assert [c.value for c in sheet[8]][1:] == ["Văn bản đến từ cơ quan phối hợp", 1, 1, 1, 1]
    response = client.post(
        reverse("exchange:report_prepare"),
        {"organization": tree.own.pk, "kind": "quarter", "year": 2026, "index": 4},
    )
    from phoihop.exchange.models import PeriodicReport

    prepared = PeriodicReport.objects.get(organization=tree.own)
    assert response["Location"] == reverse("documents:detail", args=[prepared.document.public_id])
    assert client.get(response["Location"]).status_code == 200  # the preview, before a number
    # another body's staff may not prepare this body's report
    outsider = make_user("cv.ubnd")
    grant(outsider, "specialist", tree.other)
    response = signed_in_client(outsider).post(
        reverse("exchange:report_prepare"),
        {"organization": tree.own.pk, "kind": "quarter", "year": 2026, "index": 4},
    )
    assert response.status_code == 302 and response["Location"].endswith(
        reverse("exchange:reports")
    )


@pytest.mark.parametrize("role", ["clerk", "supervisor"])
def test_a_reader_of_a_report_is_offered_no_link_that_answers_404(tree, role):
    report = services.periodic_report_prepare(
        actor=system_actor(), organization=tree.own, kind="quarter", year=2026, index=4
    )
    reader = make_user("doc.bao.cao")
    grant(reader, role, tree.own)
    client = signed_in_client(reader)

    assert dead_links(client, reverse("exchange:report_detail", args=[report.public_id])) == []
    assert dead_links(client, reverse("exchange:home")) == []
