"""Each document of letter handling rendered to DOCX: its structure (headings, bases, Articles,
signature block, Nơi nhận), who is named, and that a draft uses no number until it is issued."""

import io
from datetime import date

import pytest
from docx import Document as Docx

from phoihop.casework.selectors import step_list
from phoihop.documents.models import Document, NumberSeries
from phoihop.documents.services import document_docx, document_number, signatory_set
from phoihop.letters.addressee import letter_addressee
from phoihop.letters.services import (
    letter_accept,
    letter_conclude,
    letter_forward,
    letter_guide,
    letter_return,
)
from phoihop.letters.tests.factories import MARKERS, register
from phoihop.testing import grant, make_user

NAME = MARKERS["full_name"]
COMPLAINT = (
    "Tôi khiếu nại Quyết định thu hồi đất số 12/QĐ-UBND vì giá bồi thường thấp hơn giá thị "
    "trường, không tính đủ cây trồng trên đất, đề nghị xem xét lại toàn bộ phương án bồi "
    "thường, hỗ trợ và tái định cư cho các hộ dân thôn 3 bị ảnh hưởng bởi dự án mở rộng "
    "đường tỉnh 816 đoạn qua xã Mộc, vì phương án chưa được công khai lấy ý kiến người dân."
)


@pytest.fixture
def head(tree):
    """A leader of the People's Committee who may also read identities."""
    user = make_user("ct-ubnd")
    grant(user, "leader", tree.other)
    grant(user, "identity_clearance", tree.other)
    return user


def _text(docx) -> str:
    parts = [p.text for p in docx.paragraphs]
    for table in docx.tables:
        for cell in table._cells:
            parts += [p.text for p in cell.paragraphs]
    return "\n".join(parts)


def _render(document, letter, viewer):
    data = document_docx(document, addressee=letter_addressee(document, letter, viewer))
    docx = Docx(io.BytesIO(data))
    return docx, _text(docx)


def _last_document(letter) -> Document:
    return step_list(item=letter).exclude(document=None).last().document


def _signature_block(docx) -> tuple[str, str]:
    left, right = docx.tables[-1].rows[0].cells
    return "\n".join(p.text for p in left.paragraphs), "\n".join(p.text for p in right.paragraphs)


def test_complaint_documents_name_the_complainant_and_follow_the_forms(tree, head):
    # given the chairman's signature recorded for the body's complaint decisions
    signatory_set(
        actor=make_superuser(),
        organization=tree.other,
        form="complaint_decision",
        lines=["CHỦ TỊCH"],
        name="Nguyễn Hoàng Nam",
    )
    letter = register(tree.other, actor=head, kind="complaint", content=COMPLAINT)

    # the notice of acceptance, addressed to the complainant
    letter_accept(actor=head, letter=letter, on=date(2026, 6, 10))
    notice = _last_document(letter)
    assert notice.is_draft and notice.number is None and notice.symbol == ""
    docx, text = _render(notice, letter, head)
    assert "THÔNG BÁO" in text and "Về việc thụ lý giải quyết khiếu nại lần đầu" in text
    assert f"Kính gửi: {NAME}" in text
    assert COMPLAINT in text  # the whole content, never cut mid-word
    assert "Số:       /TB-UBND" in text  # a draft shows no number
    recipients, _ = _signature_block(docx)
    assert f"- {NAME} (người gửi đơn);" in recipients
    assert recipients.strip().endswith("- Lưu: VT, hồ sơ.")

    # the decision: authority line, bases, Articles, the chairman signs in person
    letter_conclude(
        actor=head,
        letter=letter,
        on=date(2026, 7, 1),
        summary="Sửa đổi Quyết định số 12/QĐ-UBND về giá bồi thường.",
        verification_result="Giá bồi thường áp dụng bảng giá năm trước.",
        legal_basis="Luật Đất đai năm 2024, Điều 91.",
        conclusion="Khiếu nại là đúng một phần.",
    )
    decision = _last_document(letter)
    docx, text = _render(decision, letter, head)
    lines = [p.text for p in docx.paragraphs]
    assert "QUYẾT ĐỊNH" in lines
    assert "CHỦ TỊCH UBND TỈNH" in lines  # authority line under the title
    assert any(p.startswith("Căn cứ Luật Khiếu nại ngày 11 tháng 11 năm 2011;") for p in lines)
    assert any("Nghị định số 124/2020/NĐ-CP" in p for p in lines)
    assert "QUYẾT ĐỊNH:" in lines
    for n in (1, 2, 3):
        assert any(p.startswith(f"Điều {n}. ") for p in lines)
    # the contents Luật KN Đ31 requires, before the Articles
    contents = lines[: lines.index("QUYẾT ĐỊNH:")]
    for expected in (
        f"1. Người khiếu nại: {NAME}",
        "3. Kết quả xác minh nội dung khiếu nại: Giá bồi thường áp dụng bảng giá năm trước.",
        "4. Căn cứ pháp luật để giải quyết khiếu nại: Luật Đất đai năm 2024, Điều 91.",
        "5. Kết luận nội dung khiếu nại: Khiếu nại là đúng một phần.",
    ):
        assert any(p.startswith(expected) for p in contents), expected
    assert "Điều 1. Sửa đổi Quyết định số 12/QĐ-UBND về giá bồi thường." in lines
    assert any(p.startswith("Điều 2. ") and "khiếu nại lần hai" in p for p in lines)
    assert f"Xét đơn khiếu nại ngày 08/06/2026 của {NAME}" in text
    assert f"Về việc giải quyết khiếu nại của {NAME} (lần đầu)" in text
    recipients, signature = _signature_block(docx)
    assert signature.split("\n")[0] == "CHỦ TỊCH" and "Nguyễn Hoàng Nam" in signature
    assert f"- {NAME} (người khiếu nại);" in recipients

    # the number is taken at issue only
    assert not NumberSeries.objects.filter(organization=tree.other, series="van-ban").exists()
    issued = document_number(actor=head, document=decision, on=date(2026, 7, 2))
    assert issued.symbol == "01/QĐ-UBND"
    _, text = _render(issued, letter, head)
    assert "Số: 01/QĐ-UBND" in text


def test_a_reader_without_the_right_sees_a_blank_not_the_name(tree, head):
    letter = register(tree.other, actor=head, kind="complaint", content=COMPLAINT)
    letter_return(actor=head, letter=letter, on=date(2026, 6, 12), note="Đơn chưa ký tên.")
    notice = _last_document(letter)
    outsider = make_user("nguoi-ngoai")
    _, text = _render(notice, letter, outsider)
    assert NAME not in text and "……" in text
    _, text = _render(notice, letter, head)
    assert f"Kính gửi: {NAME}" in text and "Lý do: Đơn chưa ký tên." in text


def test_denunciation_documents_never_name_the_denouncer_to_others(tree, head):
    denunciation = register(
        tree.own,
        kind="denunciation",
        content="Tố cáo Phó Chủ tịch UBND xã Mộc nhận tiền để hợp thức hóa đất lấn chiếm.",
    )
    letter_forward(
        actor=make_superuser(), letter=denunciation, to_organization=tree.other, on=date(2026, 6, 9)
    )
    slip = _last_document(denunciation)
    docx, text = _render(slip, denunciation, make_superuser())
    assert "PHIẾU CHUYỂN" in text and "Về việc chuyển đơn" in text
    assert NAME not in text and MARKERS["address"] not in text
    assert "giữ bí mật" in text
    recipients, _ = _signature_block(docx)
    assert "- UBND tỉnh;" in recipients and "người gửi" not in recipients

    accused_case = register(
        tree.other,
        actor=head,
        kind="denunciation",
        content="Tố cáo Phó Chủ tịch UBND xã Mộc nhận tiền để hợp thức hóa đất lấn chiếm.",
    )
    letter_accept(actor=head, letter=accused_case, on=date(2026, 6, 10))
    letter_conclude(
        actor=head, letter=accused_case, on=date(2026, 7, 1), summary="Tố cáo đúng một phần."
    )
    conclusion = _last_document(accused_case)
    docx, text = _render(conclusion, accused_case, head)  # even for a cleared reader
    lines = [p.text for p in docx.paragraphs]
    assert "KẾT LUẬN" in lines and "Nội dung tố cáo" in lines
    assert any(p.startswith("Căn cứ Luật Tố cáo ngày 12 tháng 6 năm 2018;") for p in lines)
    assert NAME not in text
    _, signature = _signature_block(docx)
    assert signature.split("\n")[0] == "CHỦ TỊCH"


def test_forwarding_slip_and_guidance_of_a_petition_name_the_sender(tree, head):
    petition = register(
        tree.other, actor=head, kind="petition", content="Kiến nghị sửa chữa cầu treo thôn 3."
    )
    letter_guide(
        actor=head,
        letter=petition,
        on=date(2026, 6, 12),
        note="",
        competent_organization=tree.other_unit,
    )
    guidance = _last_document(petition)
    docx, text = _render(guidance, petition, head)
    assert "HƯỚNG DẪN" in text and f"Kính gửi: {NAME}" in text
    assert "gửi đơn đến Sở Xây dựng" in text
    _, signature = _signature_block(docx)
    assert signature.split("\n")[:2] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]

    other = register(tree.other, actor=head, kind="petition", content="Kiến nghị làm đường.")
    letter_forward(actor=head, letter=other, to_organization=tree.own, on=date(2026, 6, 12))
    slip = _last_document(other)
    docx, text = _render(slip, other, head)
    assert f"nhận được đơn của {NAME}" in text
    recipients, _ = _signature_block(docx)
    assert "- HĐND tỉnh;" in recipients and f"- {NAME} (người gửi đơn) (để biết);" in recipients


def test_petition_answer_is_an_official_letter_to_the_sender(tree, head):
    petition = register(
        tree.other, actor=head, kind="petition", content="Kiến nghị sửa chữa cầu treo thôn 3."
    )
    letter_accept(actor=head, letter=petition, on=date(2026, 6, 10))
    letter_conclude(
        actor=head, letter=petition, on=date(2026, 6, 30), summary="Cầu được sửa trong quý III."
    )
    answer = _last_document(petition)
    assert answer.doc_type == Document.Type.OFFICIAL_LETTER
    _, text = _render(answer, petition, head)
    assert f"Kính gửi: {NAME}" in text and "Cầu được sửa trong quý III." in text
    assert "V/v trả lời đơn kiến nghị" in text


def make_superuser():
    from phoihop.accounts.services import system_actor

    return system_actor()
