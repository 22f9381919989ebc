"""Reports to a session as draft documents in the NĐ 30 layout: the implementation of the
resolutions adopted before it (tasks, owners, due dates, progress, overdue marks) and the
standing committee's decisions between sessions (GK-01)."""

import io
from datetime import date
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from docx import Document as Docx

from phoihop.accounts.services import system_actor
from phoihop.council import reports, selectors, services
from phoihop.council.models import Resolution
from phoihop.council.tests import factories as f
from phoihop.documents.services import document_docx, document_number
from phoihop.testing import grant, make_user, signed_in_client


def _implemented(tree):
    actor = system_actor()
    resolution = services._resolution_adopt(
        actor=actor,
        organization=tree.own,
        kind=Resolution.Kind.COUNCIL,
        title="Về chính sách hỗ trợ học phí năm học 2026–2027",
        adopted_on=date(2026, 7, 10),
    )
    late, done, _ahead = services.resolution_tasks_set(
        actor=actor,
        resolution=resolution,
        on=date(2026, 7, 15),
        tasks=[
            services.TaskInput(tree.other, "Ban hành kế hoạch thực hiện", date(2026, 9, 30)),
            services.TaskInput(tree.other, "Bố trí kinh phí", date(2026, 10, 31)),
            services.TaskInput(tree.other, "Sơ kết một năm", date(2027, 7, 31)),
        ],
    )
    services.task_report(actor=actor, task=done, on=date(2026, 10, 20), note="Đã cấp", done=True)
    services.task_accept(actor=actor, task=done, on=date(2026, 10, 25), accepted=True)
    services.task_report(actor=actor, task=late, on=date(2026, 9, 1), note="Đang lấy ý kiến sở")
    services._resolution_adopt(
        actor=actor,
        organization=tree.own,
        kind=Resolution.Kind.COUNCIL,
        title="Về đặt tên đường",
        adopted_on=date(2026, 7, 10),
    )
    return resolution


def _lines(document):
    doc = Docx(io.BytesIO(document_docx(document)))
    return doc, [p.text for p in doc.paragraphs]


def test_the_implementation_report_lists_each_task_with_its_owner_due_date_and_overdue_mark(tree):
    _implemented(tree)
    session = f.make_session(tree)
    rows, counts = reports.implementation_rows(session, date(2026, 12, 7))
    assert counts == {"resolutions": 2, "tasks": 3, "done": 1, "overdue": 1}
    assert [r[6] for r in rows] == [
        "QUÁ HẠN 68 ngày",
        "Hoàn thành",
        "Đang thực hiện, trong hạn",
        "Chưa giao",
    ]
    assert rows[0][1] == "01/NQ-HDND: Về chính sách hỗ trợ học phí năm học 2026–2027"
    assert rows[1][1] == "01/NQ-HDND"  # the title once per resolution
    assert rows[0][3] == "UBND tỉnh" and rows[0][4] == "30/09/2026"
    assert rows[0][5] == "Đang lấy ý kiến sở"


def test_the_implementation_report_docx_reads_as_the_signer_expects(tree):
    _implemented(tree)
    session = f.make_session(tree)
    with mock.patch("django.utils.timezone.localdate", return_value=date(2026, 12, 7)):
        draft = reports.implementation_report_prepare(actor=system_actor(), session=session)
    assert draft.is_draft and draft.number is None
    doc, body = _lines(draft)
    assert "DỰ THẢO" in doc.sections[0].first_page_header.paragraphs[0].text
    document = document_number(actor=system_actor(), document=draft, on=date(2026, 12, 7))
    doc, body = _lines(document)
    header = [p.text for cell in doc.tables[0].rows[0].cells for p in cell.paragraphs]
    assert f"Số: {document.symbol}" in header and "HĐND TỈNH" in header
    assert document.symbol.endswith("/BC-HDND")
    assert "BÁO CÁO" in body
    headings = ["I. TÌNH HÌNH THỰC HIỆN", "II. TỒN TẠI, HẠN CHẾ", "III. KIẾN NGHỊ"]
    assert [b for b in body if b in headings] == headings
    assert any(
        "3 nhiệm vụ: 1 nhiệm vụ đã hoàn thành" in b and "1 nhiệm vụ quá hạn" in b for b in body
    )
    tasks = doc.tables[1]
    assert [c.text for c in tasks.rows[0].cells] == reports.TASK_HEADER
    assert tasks.rows[1].cells[6].text.startswith("QUÁ HẠN")
    left, right = doc.tables[-1].rows[0].cells
    recipients = [p.text for p in left.paragraphs]
    assert recipients[0] == "Nơi nhận:" and "- UBND tỉnh;" in recipients
    assert recipients[-1] == "- Lưu: VT, hồ sơ."
    assert [p.text for p in right.paragraphs if p.text] == ["TM. THƯỜNG TRỰC HĐND", "CHỦ TỊCH"]


def test_the_decisions_between_sessions_are_reported_to_the_next_session(tree):
    actor = system_actor()
    previous = f.make_session(tree, opens_on=date(2026, 7, 8), number=4)
    services._resolution_adopt(
        actor=actor,
        organization=tree.own,
        kind=Resolution.Kind.STANDING,
        title="Điều chỉnh kế hoạch đầu tư công",
        adopted_on=date(2026, 9, 10),
    )
    services._resolution_adopt(
        actor=actor,
        organization=tree.own,
        kind=Resolution.Kind.STANDING,
        title="Trước kỳ họp trước",
        adopted_on=date(2026, 7, 1),
    )
    session = f.make_session(tree)
    assert previous.opens_on < session.opens_on
    decisions = selectors.decisions_for_session(viewer=actor, session=session)
    document = reports.decisions_report_prepare(actor=actor, session=session, decisions=decisions)
    doc, body = _lines(document)
    table = doc.tables[1]
    assert [c.text for c in table.rows[1].cells][2:] == [
        "Điều chỉnh kế hoạch đầu tư công",
        "10/09/2026",
        "Thường trực HĐND quyết định",
    ]
    assert len(table.rows) == 2 and any("quyết định 1 vấn đề" in b for b in body)


def test_only_the_council_staff_prepare_the_reports(tree):
    session = f.make_session(tree)
    outsider = make_user("ubnd.cv")
    grant(outsider, "specialist", tree.other)
    with pytest.raises(PermissionDenied):
        reports.implementation_report_prepare(actor=outsider, session=session)
    staff = make_user("hdnd.cv")
    grant(staff, "specialist", tree.own)
    response = signed_in_client(staff).post(
        reverse("council:session_impl", args=[session.public_id])
    )
    assert response.status_code == 302 and "/van-ban/" in response["Location"]
