"""The draft parser on the layouts of the National Assembly's and the provinces' drafts
(tests/samples.py), and what it says where it cannot read a line. Plain Python: no database."""

from phoihop.lawmaking import parser, versions
from phoihop.lawmaking.tests import samples as s


def _labels(draft) -> list[str]:
    return parser.outline(draft)


def _messages(draft) -> list[str]:
    return [str(i) for i in draft.issues]


def test_national_assembly_law_chapters_sections_articles_clauses_points():
    draft = parser.parse_text(s.NA_LAW)
    assert _labels(draft) == [
        "Chương I. NHỮNG QUY ĐỊNH CHUNG",
        "  Điều 1. Phạm vi điều chỉnh",
        "  Điều 2. Đối tượng áp dụng",
        "  Điều 3. Giải thích từ ngữ",
        "    Khoản 1",
        "    Khoản 2",
        "      Điểm a",
        "      Điểm b",
        "      Điểm c",
        "Chương II. ĐỐI TƯỢNG NỘP PHÍ VÀ MỨC THU",
        "  Mục 1. ĐỐI TƯỢNG NỘP PHÍ",
        "    Điều 4. Đối tượng nộp phí",
        "      Khoản 1",
        "      Khoản 2",
        "    Điều 5. Phí đối với xe mô tô, xe gắn máy",
        "      Khoản 1",
        "      Khoản 2",
        "  Mục 2. MỨC THU VÀ MIỄN PHÍ",
        "    Điều 6. Mức thu",
        "      Khoản 1",
        "      Khoản 2",
        "    Điều 7. Miễn phí",
        "      Điểm a",
        "      Điểm b",
        "      Điểm c",
        "Chương III. ĐIỀU KHOẢN THI HÀNH",
        "  Điều 8. Hiệu lực thi hành",
    ]
    assert draft.issues == [] and draft.ok
    # Text kept with its provision; preamble and closing kept apart.
    nodes = {n.eid: n for n, _ in draft.walk()}
    assert nodes["dieu-3-khoan-2-diem-b"].text == "Xe mô tô, xe gắn máy;"
    assert nodes["dieu-7"].text == "Miễn phí đối với:"
    assert nodes["chuong-ii-muc-1"].heading == "ĐỐI TƯỢNG NỘP PHÍ"
    assert "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;" in draft.preamble
    assert draft.closing[-1] == "CHỦ TỊCH QUỐC HỘI"
    assert "thông qua" not in nodes["dieu-8"].text


def test_code_with_parts_chapters_numbered_through_parts():
    draft = parser.parse_text(s.CODE_WITH_PARTS)
    labels = _labels(draft)
    assert labels[0] == "Phần 1. NHỮNG QUY ĐỊNH CHUNG"
    assert "  Chương I. PHẠM VI" in labels and "Phần 2. QUY ĐỊNH CỤ THỂ" in labels
    assert "  Chương III. THỦ TỤC" in labels  # chapters run on across parts: no gap reported
    assert draft.issues == []


def test_provincial_resolution_without_chapters_and_its_closing():
    draft = parser.parse_text(s.PROVINCIAL_RESOLUTION)
    assert draft.count("article") == 3 and draft.count("chapter") == 0
    assert draft.count("clause") == 6 and draft.count("point") == 3
    assert draft.closing[0].startswith("Nghị quyết này đã được Hội đồng nhân dân")
    assert "Nơi nhận:" in draft.closing
    assert draft.preamble[-1] == "QUYẾT NGHỊ:"
    assert draft.issues == []


def test_amending_law_quoted_wording_is_text_not_structure():
    draft = parser.parse_text(s.AMENDING_LAW)
    assert draft.count("article") == 2  # "Điều 5" inside the quotation is not an article
    nodes = {n.eid: n for n, _ in draft.walk()}
    quoted = nodes["dieu-1-khoan-1"].text
    assert "“Điều 5. Đối tượng thử nghiệm" in quoted and "b) Hợp tác xã.”" in quoted
    assert nodes["dieu-1-khoan-2"].text == "Bãi bỏ khoản 3 Điều 7."
    assert draft.issues == []


def test_headings_on_the_same_line_in_each_form():
    draft = parser.parse_text(s.HEADINGS_INLINE)
    assert _labels(draft) == [
        "Chương I. NHỮNG QUY ĐỊNH CHUNG",
        "  Điều 1. Phạm vi",
        "Chương II. QUY ĐỊNH CỤ THỂ",
        "  Mục 1. CẤP PHÉP",
        "    Điều 2. Cấp phép",
        "  Mục 2. Thu hồi",
        "    Điều 3. Thu hồi",
    ]
    assert draft.issues == []


def test_misnumbered_provisions_are_kept_as_written_and_reported_with_their_line():
    draft = parser.parse_text(s.MISNUMBERED)
    labels = _labels(draft)
    assert "  Điều 3. Thiếu điều 2" in labels and "Chương III. NHẢY CHƯƠNG" in labels
    assert _messages(draft) == [
        "dòng 7: Khoản 2 trùng số với khoản trước",
        "dòng 8: Điều 3 sau Điều 1: thiếu Điều 2",
        "dòng 10: Điểm c sau Điểm a: thiếu Điểm b",
        "dòng 11: Chương III sau Chương I: thiếu Chương II",
    ]
    eids = [n.eid for n, _ in draft.walk()]
    assert len(eids) == len(set(eids))  # the repeated khoản 2 still has its own id
    assert "dieu-1-khoan-2-2" in eids


def test_unnumbered_articles_are_kept_and_reported():
    draft = parser.parse_text(s.UNNUMBERED)
    assert _labels(draft) == [
        "Điều 1. Quy định",
        "Điều (không số). Tổ chức thực hiện",
        "Điều (không số). Hiệu lực thi hành",
    ]
    assert _messages(draft) == ["dòng 4: Điều không có số", "dòng 6: Điều không có số"]


def test_variant_punctuation_inserted_article_and_sentences_that_start_like_headings():
    draft = parser.parse_text(s.VARIANTS)
    assert _labels(draft) == [
        "Điều 1. Phạm vi điều chỉnh",
        "  Khoản 1",
        "    Điểm a",
        "Điều 2. Thiếu dấu chấm",
        "Điều 2a. Điều bổ sung chen giữa",
        "Điều 3. Điều kiện",
    ]
    nodes = {n.eid: n for n, _ in draft.walk()}
    # "Điều kiện …" and "Chương trình …" are sentences, not an article or a chapter.
    assert nodes["dieu-3"].text.splitlines() == [
        "Điều kiện thử nghiệm do Chính phủ quy định.",
        "Chương trình thử nghiệm do Bộ lập.",
    ]
    assert _messages(draft) == [
        "dòng 3: Khoản 1 viết «1)» thay cho «1.»",
        "dòng 4: Điểm a viết «a.» thay cho «a)»",
        "dòng 5: Điều 2: thiếu dấu chấm sau số điều",
    ]


def test_a_text_without_articles_is_refused_clearly():
    draft = parser.parse_text(s.NOT_A_DRAFT)
    assert not draft.ok
    assert _messages(draft) == ["dòng 0: Không nhận ra điều nào trong văn bản"]


def test_a_clause_before_any_article_is_text_and_an_error():
    draft = parser.parse_text(s.CLAUSE_OUTSIDE)
    assert draft.count("clause") == 0
    assert draft.preamble[-1] == "1. Nội dung một nằm trước điều đầu tiên."
    assert _messages(draft) == [
        "dòng 3: Khoản nằm ngoài điều nào; đọc như văn bản thường — «1. Nội dung một nằm trước "
        "điều đầu tiên.»"
    ]
    assert not draft.ok


def test_resolution_with_attached_regulation_restarts_numbering_and_says_so():
    draft = parser.parse_text(s.ATTACHED_REGULATION)
    assert draft.count("article") == 3
    eids = [n.eid for n, _ in draft.walk()]
    assert eids.count("dieu-1") == 1 and "dieu-1-2" in eids
    assert "dòng 10: Điều 1 đứng sau Điều 2: đánh số lùi" in _messages(draft)


def test_docx_paragraphs_and_word_list_numbering():
    data = s.docx_bytes(
        [
            ("LUẬT THỬ NGHIỆM", None),
            ("Chương I", None),
            ("QUY ĐỊNH CHUNG", None),
            ("Điều 1. Phạm vi", None),
            ("Khoản do Word đánh số một.", "List Number"),
            ("Khoản do Word đánh số hai.", "List Number"),
            ("Điểm do Word đánh số.", "List Number 2"),
            ("Điều 2. Hiệu lực", None),
            ("Khoản đầu của điều 2.", "List Number"),
        ]
    )
    draft = parser.parse_docx(data)
    assert _labels(draft) == [
        "Chương I. QUY ĐỊNH CHUNG",
        "  Điều 1. Phạm vi",
        "    Khoản 1",
        "    Khoản 2",
        "      Điểm a",
        "  Điều 2. Hiệu lực",
        "    Khoản 1",
    ]
    assert all("Word tự đánh" in i.message for i in draft.issues) and len(draft.issues) == 4


def test_docx_of_a_national_assembly_law_reads_like_its_text():
    assert _labels(parser.parse_docx(s.text_docx(s.NA_LAW))) == _labels(parser.parse_text(s.NA_LAW))


def test_windows_line_ends_and_non_breaking_spaces():
    text = "Điều\u00a01.\u00a0Phạm vi\r\n1.\u00a0Một.\r\n"
    draft = parser.parse_text(text)
    assert _labels(draft) == ["Điều 1. Phạm vi", "  Khoản 1"]


# ---------------------------------------------------------------- versions


def _items(draft):
    full: dict[str, str] = {}

    def visit(node):
        full[node.eid] = "\n".join(x for x in [node.text, *[visit(c) for c in node.children]] if x)
        return full[node.eid]

    for root in draft.roots:
        visit(root)
    return [
        versions.Item(
            node.eid,
            node.level,
            node.number,
            node.heading,
            node.text,
            full[node.eid],
            parent.eid if parent else None,
            i,
        )
        for i, (node, parent, _) in enumerate(parser.flatten(draft))
    ]


def test_later_version_matched_provision_by_provision_across_renumbering():
    old, new = parser.parse_text(s.NA_LAW), parser.parse_text(s.NA_LAW_V2)
    matches = {m.new: m for m in versions.match_versions(_items(old), _items(new))}
    assert matches["dieu-1"].old == "dieu-1" and matches["dieu-1"].change == "same"
    assert matches["dieu-5"].old is None  # the inserted article is new
    assert matches["dieu-6"].old == "dieu-5" and matches["dieu-6"].change == "changed"
    assert matches["dieu-6-khoan-2"].old == "dieu-5-khoan-2"
    assert matches["dieu-6-khoan-2"].change == "same"
    assert matches["dieu-7"].old == "dieu-6"
    assert matches["dieu-7-khoan-3"].old is None
    assert matches["dieu-8-diem-b"].old == "dieu-7-diem-b"
    assert matches["dieu-9"].old == "dieu-8" and matches["dieu-9"].change == "changed"
    assert matches["chuong-ii-muc-2"].old == "chuong-ii-muc-2"
    matched_old = {m.old for m in matches.values()}
    assert "dieu-7-diem-c" not in matched_old  # removed in dự thảo 2


def test_word_diff_shows_the_changed_words():
    runs = versions.word_diff(
        "Thu phí sử dụng đường bộ đối với xe mô tô theo năm.",
        "Không thu phí sử dụng đường bộ đối với xe mô tô.",
    )
    assert ("insert", "Không thu") in runs and ("delete", "Thu") in runs
    assert ("delete", " theo năm.") in runs or any(op == "delete" and "năm" in t for op, t in runs)
    assert "".join(t for op, t in runs if op != "delete") == (
        "Không thu phí sử dụng đường bộ đối với xe mô tô."
    )
