"""Each document of letter handling rendered to DOCX: its structure (headings, bases, Articles,
signature block, Nơi nhận), who is named, and that a draft uses no number until it is issued."""

import io
from datetime import date

import pytest
from docx import Document as Docx

from phoihop.casework.selectors import step_list
from phoihop.documents.letter_forms import (
    DIALOGUE_SIGNERS,
    FILING_NOTE,
    FORM_LABELS,
    HEAD_SIGNS,
    SIGNED_IN_PERSON,
)
from phoihop.documents.models import Document, NumberSeries
from phoihop.documents.services import (
    ADDRESSEE,
    ADDRESSEE_ADDRESS,
    document_docx,
    document_mentions_addressee,
    document_number,
    signatory_set,
)
from phoihop.letters.addressee import letter_addressee
from phoihop.letters.services import (
    letter_accept,
    letter_conclude,
    letter_dialogue,
    letter_extend,
    letter_file_away,
    letter_forward,
    letter_guide,
    letter_refuse,
    letter_report_issue,
    letter_resume,
    letter_return,
    letter_suspend,
    letter_withdraw,
)
from phoihop.letters.statistics import letter_statistics
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


# Each form: the letter it is about (kind), whether it names the sender (to the sender), the
# heading under the national title, and whether it decides (bases, authority line, Articles).
NATIONAL = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
DECIDES = {"QUYẾT ĐỊNH"}


def _every_document(tree, head) -> list[Document]:
    """One document of every form of letter handling, made through the services."""
    system = make_superuser()
    signatory_set(
        actor=system,
        organization=tree.other,
        form="*",
        lines=["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        name="Lê Minh Tuấn",
    )
    signatory_set(
        actor=system,
        organization=tree.other,
        form="complaint_decision",
        lines=["CHỦ TỊCH"],
        name="Nguyễn Hoàng Nam",
    )
    day = date(2026, 6, 10)

    def complaint():
        return register(tree.other, actor=head, kind="complaint", content=COMPLAINT)

    def denunciation():
        return register(
            tree.other,
            actor=head,
            kind="denunciation",
            content="Tố cáo Phó Chủ tịch UBND xã Mộc nhận tiền để hợp thức hóa đất lấn chiếm.",
        )

    def petition():
        return register(
            tree.other, actor=head, kind="petition", content="Kiến nghị sửa chữa cầu treo thôn 3."
        )

    letter_forward(actor=head, letter=complaint(), to_organization=tree.own, on=day)
    letter_guide(
        actor=head, letter=petition(), on=day, note="", competent_organization=tree.other_unit
    )
    letter_return(actor=head, letter=complaint(), on=day, note="Đơn chưa ký tên.")
    letter_file_away(actor=head, letter=petition(), on=day, note="Trùng đơn đã trả lời.")
    letter_refuse(actor=head, letter=complaint(), on=day, note="Quá thời hiệu khiếu nại.")

    case = letter_accept(actor=head, letter=complaint(), on=day)
    letter_dialogue(actor=head, letter=case, on=date(2026, 6, 20), minutes="Hai bên thống nhất.")
    letter_suspend(
        actor=head,
        letter=case,
        on=date(2026, 6, 22),
        reason="Chờ giám định.",
        ground="awaiting_expertise",
    )
    letter_resume(actor=head, letter=case, on=date(2026, 6, 25))
    letter_conclude(
        actor=head,
        letter=case,
        on=date(2026, 7, 1),
        summary="Giữ nguyên Quyết định số 12/QĐ-UBND.",
        verification_result="Giá bồi thường đúng bảng giá.",
        legal_basis="Luật Đất đai năm 2024.",
        conclusion="Khiếu nại là sai.",
    )
    accused = letter_accept(actor=head, letter=denunciation(), on=day, is_complex=True)
    letter_extend(actor=head, letter=accused, days=15, reason="Xác minh tại hai xã.", on=day)
    letter_conclude(actor=head, letter=accused, on=date(2026, 7, 1), summary="Tố cáo đúng.")
    withdrawn = letter_accept(actor=head, letter=denunciation(), on=day)
    letter_withdraw(
        actor=head, letter=withdrawn, on=date(2026, 6, 15), partial=False, withdrawn_content="Rút"
    )
    answered = letter_accept(actor=head, letter=petition(), on=day)
    letter_conclude(actor=head, letter=answered, on=date(2026, 6, 30), summary="Sẽ sửa cầu.")
    dropped = letter_accept(actor=head, letter=petition(), on=day)
    letter_withdraw(
        actor=head, letter=dropped, on=date(2026, 6, 15), partial=False, withdrawn_content="Rút"
    )
    stats = letter_statistics(
        viewer=head,
        start=date(2026, 1, 1),
        end=date(2026, 6, 30),
        today=day,
        organization=tree.other,
    )
    letter_report_issue(actor=head, organization=tree.other, stats=stats, on=day)
    return list(Document.objects.filter(organization=tree.other).order_by("id"))


def _letter_of(document):
    from phoihop.letters.models import Letter

    return Letter.objects.filter(pk=document.target_id).first() if document.target_id else None


def test_every_form_renders_to_docx_in_the_state_format(tree, head):
    documents = _every_document(tree, head)
    forms = {d.body["form"] for d in documents}
    assert forms == set(FORM_LABELS), forms ^ set(FORM_LABELS)
    for document in documents:
        form, letter = document.body["form"], _letter_of(document)
        docx, text = (
            _render(document, letter, head)
            if letter
            else (lambda d: (d, _text(d)))(Docx(io.BytesIO(document_docx(document))))
        )
        lines = [p.text for p in docx.paragraphs]
        header = _text_of_table(docx.tables[0])
        assert all(part in header for part in NATIONAL), form
        assert "UBND TỈNH" in header.upper() or "ỦY BAN NHÂN DÂN" in header.upper(), form
        # the heading: the kind of document, then its summary (a công văn: "V/v" under the number)
        if document.doc_type == Document.Type.OFFICIAL_LETTER:
            assert "\nV/v " in header, form
        else:
            assert document.get_doc_type_display().upper() in lines, form
        body = document.body or {}
        for basis in body.get("bases", []):
            filled = basis.replace(ADDRESSEE, NAME).replace(ADDRESSEE_ADDRESS, MARKERS["address"])
            assert filled in lines, (form, basis)
        if document.doc_type == Document.Type.DECISION:
            assert body.get("bases") and body.get("articles") and body.get("authority_line"), form
            assert body["authority_line"].upper() in lines, form
            assert "QUYẾT ĐỊNH:" in lines, form
        for n, _ in enumerate(body.get("articles", []), start=1):
            assert any(p.startswith(f"Điều {n}. ") for p in lines), (form, n)
        recipients, signature = _signature_block(docx)
        first, *rest = recipients.split("\n")
        assert first == "Nơi nhận:", form
        assert rest[-1] == "- Lưu: VT, hồ sơ.", form
        assert all(line.startswith("- ") and line.endswith(";") for line in rest[:-1]), rest
        signer = signature.split("\n")
        assert signer[0] == body["signer_lines"][0] and document.signer_name in signer, form
        if form in HEAD_SIGNS:  # the head's decision: never signed for the collective body
            assert not signer[0].startswith("TM."), (form, signer)
        if form in SIGNED_IN_PERSON:  # a record: signed by those who took part, in person
            assert tuple(body["signer_lines"]) == SIGNED_IN_PERSON[form], (form, signer)
            participants = _text_of_table(docx.tables[-2])
            for role, note in DIALOGUE_SIGNERS:
                assert role in participants and note in participants, (form, participants)
        # the citizen's real name where the document goes to them, never a denouncer's
        if letter is None or letter.kind == "denunciation":
            assert NAME not in text, form
        elif document_mentions_addressee(document):
            assert NAME in text and "«người gửi»" not in text, form
        if form == FILING_NOTE:  # an internal record
            assert NAME not in text


def _text_of_table(table) -> str:
    return "\n".join(p.text for cell in table._cells for p in cell.paragraphs)


def test_the_letters_report_is_not_sent_to_the_body_that_issues_it(tree):
    """The report goes to the standing committee, the delegation and the Front; issued by one
    of them, it lists the other two and keeps its own copy under "Lưu"."""
    from phoihop.testing import body_make

    delegation = body_make(
        "doan-dbqh", "Đoàn đại biểu Quốc hội tỉnh Thử Nghiệm", "na_delegation", tree.province
    )
    head = make_user("truong.doan")
    grant(head, "leader", delegation)
    day = date(2026, 7, 6)
    stats = letter_statistics(
        viewer=head,
        start=date(2026, 1, 1),
        end=date(2026, 6, 30),
        today=day,
        organization=delegation,
    )
    document = letter_report_issue(actor=head, organization=delegation, stats=stats, on=day)
    docx = Docx(io.BytesIO(document_docx(document)))
    recipients = [p.text for p in docx.tables[-1].rows[0].cells[0].paragraphs]
    assert recipients == [
        "Nơi nhận:",
        "- Thường trực HĐND tỉnh;",
        "- Ban Thường trực UBMTTQ tỉnh;",
        "- Lưu: VT, hồ sơ.",
    ]


def test_a_reply_quotes_the_letter_naming_the_sender_not_the_redaction_marker(tree, head):
    """The stored content carries the redaction marker (Luật TC Đ56 k2); a document addressed
    to the sender says their name and address there instead, filled in only for a reader
    allowed to see them, and leaves out the rest (the phone number)."""
    from phoihop.identity.redaction import REDACTED

    content = (
        f"Tôi là {NAME}, trú tại {MARKERS['address']}, điện thoại {MARKERS['phone']}. "
        "Kiến nghị sửa chữa cầu treo thôn 3."
    )
    petition = register(tree.other, actor=head, kind="petition", content=content)
    assert petition.content.count(REDACTED) == 3
    letter_accept(actor=head, letter=petition, on=date(2026, 6, 10))
    letter_conclude(
        actor=head, letter=petition, on=date(2026, 6, 30), summary="Cầu được sửa trong quý III."
    )
    answer = _last_document(petition)
    stored = " ".join(answer.body["paragraphs"])
    assert REDACTED not in stored and NAME not in stored  # never stored, only placeholders
    # (the commune, kept by the redaction as the place of the matter, stays as written)
    assert "Tôi là «người gửi», trú tại «địa chỉ người gửi», phường Mộc. Kiến" in stored
    _, text = _render(answer, petition, head)
    # The address names the ward already: it is not named twice.
    assert f"Tôi là {NAME}, trú tại {MARKERS['address']}. Kiến" in text
    assert REDACTED not in text and MARKERS["phone"] not in text
    # A reader not allowed to see the sender gets blanks, never the name.
    outsider = make_user("nguoi.ngoai")
    _, text = _render(answer, petition, outsider)
    assert NAME not in text and REDACTED not in text and "Tôi là ……………………" in text


def test_a_denunciation_sent_on_keeps_the_marker_and_never_names_the_denouncer(tree, head):
    from phoihop.identity.redaction import REDACTED

    letter = register(
        tree.other,
        actor=head,
        kind="denunciation",
        content=f"Tôi là {NAME}, tố cáo cán bộ địa chính xã Mộc nhận tiền.",
    )
    letter_forward(actor=head, letter=letter, to_organization=tree.own, on=date(2026, 6, 12))
    slip = _last_document(letter)
    _, text = _render(slip, letter, head)
    assert f"Tôi là {REDACTED}, tố cáo" in text and NAME not in text
