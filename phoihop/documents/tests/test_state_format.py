import io
from datetime import date

from docx import Document as Docx

from phoihop.accounts.services import system_actor
from phoihop.documents.models import Document
from phoihop.documents.services import document_docx, document_issue
from phoihop.documents.state_format import (
    date_line,
    doc_symbol,
    letter_summary,
    recipient_lines,
    spelled_citation,
)


def test_symbol_and_date_line_follow_decree_30():
    assert doc_symbol(5, "BC", "HĐND") == "05/BC-HĐND"
    assert doc_symbol(15, "BC", "HĐND") == "15/BC-HĐND"
    assert doc_symbol(123, "", "UBND", "VP") == "123/UBND-VP"
    assert date_line("Lạng Sơn", date(2026, 2, 5)) == "Lạng Sơn, ngày 05 tháng 02 năm 2026"
    assert date_line("Lạng Sơn", date(2026, 11, 26)) == "Lạng Sơn, ngày 26 tháng 11 năm 2026"


def test_document_issue_numbers_per_body_and_year(tree):
    def issue(on, organization=tree.own):
        return document_issue(
            actor=system_actor(),
            organization=organization,
            doc_type=Document.Type.REPORT,
            title="Báo cáo",
            issued_on=on,
        )

    assert issue(date(2026, 3, 1)).symbol == "01/BC-HDND"
    assert issue(date(2026, 4, 1)).symbol == "02/BC-HDND"
    assert issue(date(2026, 4, 1), tree.other).symbol == "01/BC-UBND"
    assert issue(date(2027, 1, 2)).symbol == "01/BC-HDND"


def test_docx_has_a4_margins_times_new_roman_title_and_number(tree):
    document = document_issue(
        actor=system_actor(),
        organization=tree.own,
        doc_type=Document.Type.REPORT,
        title="Công tác giải quyết đơn",
        issued_on=date(2026, 2, 5),
        paragraphs=["Nội dung."],
        tables=[{"caption": "Theo loại", "header": ["Loại", "Số đơn"], "rows": [["Tố cáo", "3"]]}],
        signer_authority="TM.",
        signer_title="Thường trực HĐND",
    )
    docx = Docx(io.BytesIO(document_docx(document)))
    section = docx.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.left_margin.mm) == 30 and round(section.right_margin.mm) == 15
    assert round(section.top_margin.mm) == 20 and section.different_first_page_header_footer
    header = docx.tables[0].rows[0].cells
    right = " ".join(p.text for p in header[1].paragraphs)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right
    assert "Độc lập - Tự do - Hạnh phúc" in right
    assert "Thử Nghiệm, ngày 05 tháng 02 năm 2026" in right
    assert "Số: 01/BC-HDND" in " ".join(p.text for p in header[0].paragraphs)
    fonts = {r.font.name for p in docx.paragraphs for r in p.runs if r.text}
    assert fonts == {"Times New Roman"}
    assert any(p.text == "BÁO CÁO" for p in docx.paragraphs)


def test_recipients_end_with_one_file_copy_whatever_the_caller_passes():
    lines = recipient_lines(["Như trên;", "Sở Tài chính", "Lưu: VT."])

    assert lines == ["- Như trên;", "- Sở Tài chính;", "- Lưu: VT, hồ sơ."]


def _issue(tree, doc_type=Document.Type.REPORT, title="Báo cáo", **fields):
    return document_issue(
        actor=system_actor(),
        organization=tree.own,
        doc_type=doc_type,
        title=title,
        issued_on=date(2026, 2, 5),
        **fields,
    )


def test_a_cong_van_has_its_summary_under_the_number_and_kinh_gui_centred(tree):
    """NĐ 30/2020 Phụ lục I, mục II.5b: "V/v" and the summary centred under the number, in the
    issuer's column; "Kính gửi:" centred above the body, not indented as a paragraph of it."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = _issue(
        tree,
        Document.Type.OFFICIAL_LETTER,
        "đề nghị xem xét, giải quyết đơn",
        paragraphs=["Kính gửi: Ủy ban nhân dân tỉnh.", "Nội dung."],
    )
    docx = Docx(io.BytesIO(document_docx(document)))
    left = [p for p in docx.tables[0].rows[0].cells[0].paragraphs if p.text]
    assert [p.text for p in left][-2:] == ["Số: 01/HDND-VP", "V/v đề nghị xem xét, giải quyết đơn"]
    assert left[-1].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert all(r.font.size.pt in (12, 13) and not r.font.bold for r in left[-1].runs)
    assert not any(p.text.startswith("V/v") for p in docx.paragraphs)
    addressed = next(p for p in docx.paragraphs if p.text.startswith("Kính gửi:"))
    assert addressed.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert not addressed.paragraph_format.first_line_indent


def test_a_cong_van_summary_says_ve_viec_once():
    assert letter_summary("Về việc đề nghị giải quyết đơn") == "đề nghị giải quyết đơn"
    assert letter_summary("V/v góp ý dự thảo") == "góp ý dự thảo"
    assert letter_summary("góp ý dự thảo về việc làm") == "góp ý dự thảo về việc làm"


def _signature(document) -> list[str]:
    docx = Docx(io.BytesIO(document_docx(document)))
    right = docx.tables[-1].rows[0].cells[1]
    return [p.text for p in right.paragraphs if p.text]


def test_a_deputy_signs_for_the_head_on_lines_of_their_own(tree):
    """NĐ 30/2020 Đ13: "TM. …", then "KT. CHỦ TỊCH" above the deputy's position, one a line."""
    document = _issue(
        tree, signer_title="TM. THƯỜNG TRỰC HĐND — PHÓ CHỦ TỊCH", signer_name="Trần Minh Đức"
    )
    assert _signature(document) == [
        "TM. THƯỜNG TRỰC HĐND",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Trần Minh Đức",
    ]


def test_a_document_without_a_named_signer_takes_the_bodys_signing_rule(tree):
    from phoihop.documents.services import signatory_set

    def issue(**signer):
        return _issue(tree, **signer)

    # No rule recorded: the law's block for a council, not the body's bare name.
    assert _signature(issue()) == ["TM. HỘI ĐỒNG NHÂN DÂN", "CHỦ TỊCH"]
    # A position alone is the last line of that block.
    assert _signature(issue(signer_title="Phó Chủ tịch", signer_name="Lê Văn B")) == [
        "TM. HỘI ĐỒNG NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Lê Văn B",
    ]
    signatory_set(
        actor=system_actor(),
        organization=tree.own,
        form="*",
        lines=["TM. HỘI ĐỒNG NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        name="Trần Thị Thu Hà",
    )
    assert _signature(issue()) == [
        "TM. HỘI ĐỒNG NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Trần Thị Thu Hà",
    ]


def test_citations_are_spelled_out_in_a_document():
    assert (
        spelled_citation("Luật 64/2025/QH15 Đ30 k1 a") == "điểm a khoản 1 Điều 30 Luật 64/2025/QH15"
    )
    assert spelled_citation("Luật Bầu cử Đ80") == "Điều 80 Luật Bầu cử"
    assert spelled_citation("Luật Tố cáo Đ47 k1; Nghị định 31/2019/NĐ-CP Đ5") == (
        "khoản 1 Điều 47 Luật Tố cáo; Điều 5 Nghị định 31/2019/NĐ-CP"
    )
    assert spelled_citation("Thông tư 05/2021/TT-TTCP") == "Thông tư 05/2021/TT-TTCP"


def test_nhu_tren_stands_only_for_addressees_named_above():
    assert recipient_lines(["Như trên;", "Sở Tài chính"], addressed=False) == [
        "- Sở Tài chính;",
        "- Lưu: VT, hồ sơ.",
    ]
    assert recipient_lines(["Như trên"])[0] == "- Như trên;"


def test_the_header_grid_is_as_wide_as_its_cells(tree):
    """The national title (≈ 85 mm at 12.5 pt bold) fits its 95 mm column on one line in any
    reader: the table grid carries the columns' widths, not an even split."""
    header = Docx(io.BytesIO(document_docx(_issue(tree)))).tables[0]
    grid = [round(column.width.mm) for column in header.columns]
    cells = [round(cell.width.mm) for cell in header.rows[0].cells]
    assert grid == cells == [70, 95]


def test_the_issuer_is_not_among_its_own_recipients_however_its_name_is_written():
    from phoihop.documents.state_format import body_key

    lines = recipient_lines(
        ["Hội đồng bầu cử quốc gia", "Thường trực HĐND tỉnh", "Lưu: VT."],
        issuer="Thường trực Hội đồng nhân dân tỉnh Hòa Lĩnh",
    )
    assert lines == ["- Hội đồng bầu cử quốc gia;", "- Lưu: VT, hồ sơ."]
    same = [
        ("Ban Thường trực UBMTTQ tỉnh", "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh"),
        ("Đoàn ĐBQH tỉnh (để biết)", "Đoàn đại biểu Quốc hội tỉnh Hòa Lĩnh"),
        ("UBND tỉnh;", "Uỷ ban nhân dân tỉnh Hòa Lĩnh"),
    ]
    for written, name in same:
        assert body_key(written) == body_key(name), written
    # Another body with a like name is still sent its copy.
    different = [
        ("HĐND tỉnh", "Thường trực HĐND tỉnh"),
        ("UBND xã Suối Đá", "Ủy ban nhân dân tỉnh Hòa Lĩnh"),
        ("Ban Thường vụ Tỉnh ủy", "Ban Thường trực UBMTTQ tỉnh"),
    ]
    for written, name in different:
        assert body_key(written) != body_key(name), written


def test_every_document_kind_leaves_its_issuer_out_of_nơi_nhận(tree):
    """The rule is the layout's: a stored document of any kind that names its issuer among
    its recipients prints it only as the file copy."""
    document = _issue(
        tree,
        Document.Type.REPORT,
        "Công tác giải quyết đơn",
        paragraphs=["Nội dung."],
        recipients=["Hội đồng nhân dân tỉnh Thử Nghiệm;", "UBND tỉnh;"],
    )
    docx = Docx(io.BytesIO(document_docx(document)))
    recipients = [p.text for p in docx.tables[-1].rows[0].cells[0].paragraphs]
    assert recipients == ["Nơi nhận:", "- UBND tỉnh;", "- Lưu: VT, hồ sơ."]


def test_several_addressees_each_on_a_line_aligned_after_kính_gửi(tree):
    from docx.shared import Mm

    from phoihop.documents.state_format import addressed_to, addressee_lines

    paragraph = addressed_to(["Sở Xây dựng", "Sở Tài chính;", "UBND xã Suối Đá"])
    assert paragraph == "Kính gửi: Sở Xây dựng; Sở Tài chính; UBND xã Suối Đá."
    assert addressee_lines(paragraph) == [
        "- Sở Xây dựng;",
        "- Sở Tài chính;",
        "- UBND xã Suối Đá.",
    ]
    assert addressee_lines("Kính gửi: Sở Xây dựng.") == ["Sở Xây dựng."]
    document = _issue(
        tree,
        Document.Type.OFFICIAL_LETTER,
        "đề nghị báo cáo",
        paragraphs=[paragraph, "Đề nghị các cơ quan báo cáo."],
        recipients=["Như trên"],
    )
    docx = Docx(io.BytesIO(document_docx(document)))
    [block] = [p for p in docx.paragraphs if p.text.startswith("Kính gửi:")]
    # One paragraph: "Kính gửi:", a tab to the column, the addressees broken onto lines.
    assert block.text == "Kính gửi:\t- Sở Xây dựng;\n- Sở Tài chính;\n- UBND xã Suối Đá."
    fmt = block.paragraph_format
    # A hanging indent: the lines after the first start where the first addressee does.
    assert fmt.first_line_indent < 0
    assert abs(fmt.left_indent + fmt.first_line_indent - Mm(25)) < Mm(0.1)
    assert [round(t.position.mm) for t in fmt.tab_stops] == [round(fmt.left_indent.mm)]
    # One addressee stays on the "Kính gửi:" line.
    single = _issue(
        tree,
        Document.Type.OFFICIAL_LETTER,
        "đề nghị báo cáo",
        paragraphs=["Kính gửi: Sở Xây dựng.", "Đề nghị báo cáo."],
    )
    texts = [p.text for p in Docx(io.BytesIO(document_docx(single))).paragraphs]
    assert "Kính gửi: Sở Xây dựng." in texts


def test_minutes_are_signed_by_the_secretary_and_the_chair_side_by_side(tree):
    def minutes(secretary_name):
        document = _issue(
            tree,
            Document.Type.MINUTES,
            "Kỳ họp thứ 5",
            paragraphs=["Diễn biến."],
            recipients=["UBND tỉnh"],
            signer_lines=["CHỦ TỌA KỲ HỌP"],
            signer_name="Nguyễn Văn Hòa",
            secretary_title="THƯ KÝ KỲ HỌP",
            secretary_name=secretary_name,
        )
        return Docx(io.BytesIO(document_docx(document)))

    docx = minutes("Trần Thị Thu Hà")
    signatures, below = docx.tables[-2], docx.tables[-1]
    secretary, chair = (
        [p.text for p in cell.paragraphs if p.text] for cell in signatures.rows[0].cells
    )
    assert secretary == ["THƯ KÝ KỲ HỌP", "Trần Thị Thu Hà"]
    assert chair == ["CHỦ TỌA KỲ HỌP", "Nguyễn Văn Hòa"]
    recipients = [p.text for p in below.rows[0].cells[0].paragraphs]
    assert recipients == ["Nơi nhận:", "- UBND tỉnh;", "- Lưu: VT, hồ sơ."]
    # The secretary not named yet: a dotted line to write the name on after signing.
    unnamed = minutes("")
    secretary = [p.text for p in unnamed.tables[-2].rows[0].cells[0].paragraphs if p.text]
    assert secretary == ["THƯ KÝ KỲ HỌP", "……………………………"]


def test_the_local_government_law_is_cited_one_way_everywhere():
    """Documents, rules and pages name the law from one entry (phoihop.documents.laws): in
    full, "Luật Tổ chức chính quyền địa phương số 72/2025/QH15", or in the short form of the
    rules, "Luật 72/2025/QH15"; never by its year, its adoption date or a bare number."""
    import re
    from pathlib import Path

    from phoihop.documents.laws import LOCAL_GOVERNMENT

    assert LOCAL_GOVERNMENT.basis == "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;"
    assert spelled_citation(LOCAL_GOVERNMENT.at("Đ34 k3")) == (
        "khoản 3 Điều 34 Luật Tổ chức chính quyền địa phương số 72/2025/QH15"
    )
    wrong = re.compile(
        r"Luật Tổ chức chính quyền địa phương(?! số 72/2025/QH15)"
        r"|Luật 72/2025(?!/QH15)|(?<!Luật )(?<!địa phương số )72/2025/QH15|TCCQĐP",
        re.IGNORECASE,
    )
    root = Path(__file__).resolve().parents[2]
    found = [
        f"{path.relative_to(root)}: {match.group(0)}"
        for path in sorted(root.rglob("*"))
        if path.suffix in (".py", ".html", ".toml", ".txt")
        and "tests" not in path.parts
        and path.name != "laws.py"
        for match in wrong.finditer(" ".join(path.read_text(encoding="utf-8").split()))
    ]
    assert found == []
