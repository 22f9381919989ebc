"""The engine's evidence marked inside the voters' own words (the review page's highlight)."""

from types import SimpleNamespace

from phoihop.voters.evidence import mark_group, marked, spans

EVIDENCE = {"roads": ["dt816"], "names": [], "terms": ["sat lo"]}


def test_road_and_terms_are_found_whatever_the_spelling():
    text = "Đường ĐT.816 qua xã Hòa An sạt lở, đề nghị sửa chữa"
    assert [text[a:b] for a, b in spans(text, EVIDENCE)] == ["ĐT.816", "sạt lở"]
    assert str(marked(text, spans(text, EVIDENCE))) == (
        "Đường <mark>ĐT.816</mark> qua xã Hòa An <mark>sạt lở</mark>, đề nghị sửa chữa"
    )


def test_text_is_escaped_and_a_word_inside_another_is_not_marked():
    text = "<b>DT8160</b> & sạt lở"
    assert str(marked(text, spans(text, EVIDENCE))) == (
        "&lt;b&gt;DT8160&lt;/b&gt; &amp; <mark>sạt lở</mark>"
    )


def test_a_group_gets_its_words_as_voters_wrote_them():
    group = SimpleNamespace(evidence=EVIDENCE)
    rows = [SimpleNamespace(text="Sửa ĐT 816"), SimpleNamespace(text="ĐT-816 sạt lở nặng")]
    mark_group(group, rows)
    assert group.words == "ĐT 816, ĐT-816, sạt lở"  # each spelling once
    assert "<mark>ĐT-816</mark>" in rows[1].marked
