import pytest

from phoihop.text.normalize import fold, query_terms, road_keys, search_key, syllables


def test_fold_strips_diacritics_case_and_d_stroke():
    assert fold("Đường Tỉnh ĐT.816 Hòa Lĩnh") == "duong tinh dt.816 hoa linh"


def test_fold_treats_decomposed_and_composed_input_alike():
    decomposed = "Ho\u0300a"  # "Hòa" typed with a combining grave accent
    assert fold(decomposed) == fold("Hòa") == "hoa"


@pytest.mark.parametrize(
    "text",
    ["DT816", "ĐT.816", "ĐT 816", "đường tỉnh 816", "duong tinh 816", "Tỉnh lộ 816", "đường 816"],
)
def test_road_keys_variants_meet(text):
    assert road_keys(text) == ["dt816"]


def test_road_keys_keep_national_roads_and_order():
    assert road_keys("QL.47C giao với ĐT.741, rồi quốc lộ 13") == ["ql47c", "dt741", "ql13"]


def test_road_keys_ignore_numbers_that_are_not_roads():
    assert road_keys("đường 30 mét, đi 20 phút") == []


def test_search_key_expands_abbreviations():
    key = search_key("UBND xã, HĐND tỉnh, Đoàn ĐBQH, BHYT, BHXH, GPMB, khu TĐC")
    for phrase in [
        "uy ban nhan dan",
        "hoi dong nhan dan",
        "dai bieu quoc hoi",
        "bao hiem y te",
        "bao hiem xa hoi",
        "giai phong mat bang",
        "tai dinh cu",
    ]:
        assert phrase in key


def test_search_key_keeps_road_words_and_token():
    assert search_key("Sửa ĐT.816") == "sua duong tinh 816 dt816"


@pytest.mark.parametrize("query", ["duong tinh 816", "DT816", "đường tỉnh 816", "ĐT.816"])
def test_query_terms_collapse_road_phrases(query):
    assert query_terms(query) == ["dt816"]


def test_syllables_split_on_punctuation():
    assert syllables("Cử tri, xã Hòa-An!") == ["cu", "tri", "xa", "hoa", "an"]
