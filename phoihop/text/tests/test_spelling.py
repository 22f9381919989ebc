"""Typos repaired against the general word list, the same in every province."""

import pytest

from phoihop.text.consolidate import Petition, consolidate
from phoihop.text.features import petition_features
from phoihop.text.spelling import respell, respell_word, well_formed


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("nhât", "nhất"),  # a stop final without sắc or nặng
        ("câp", "cấp"),
        ("nươc", "nước"),
        ("hiẻm", "hiểm"),  # "iê" unmarked before a final
        ("ngừoi", "người"),  # the horn on the wrong vowel
        ("hộii", "hội"),  # a doubled letter
        ("nônng", "nông"),
        ("lắps", "lắp"),
        ("nguuoi", "nguoi"),  # typed without marks: repaired without marks
        ("nhannh", "nhanh"),
    ],
)
def test_a_typo_is_repaired_to_the_word_meant(typed, meant):
    assert respell_word(typed) == meant


@pytest.mark.parametrize(
    "word",
    [
        "nồm",  # rare words that are well-formed syllables stay
        "ươn",
        "rườm",
        "cty",  # abbreviations
        "ubnd",
        "bhxh",
        "tdp",
        "ko",
        "2025",
        "người",
        "nguoi",
    ],
)
def test_a_real_word_an_abbreviation_or_a_number_is_left_alone(word):
    assert respell_word(word) == word


def test_names_keep_their_spelling():
    # given: capitalised names that no word list holds
    text = "Dân buôn Kơ Đung và bon Đắk Lơ, xã Ea Ruh, gửi Công ty Lâm nghiệp Chư Mang"
    # then
    assert respell(text) == text


def test_well_formed_reads_the_tone_of_a_stop_final():
    assert well_formed("học") and well_formed("tập") and well_formed("sạch")
    assert not well_formed("hôc") and not well_formed("tầp") and not well_formed("sảch")


def test_a_petition_with_typos_reads_as_the_same_words():
    # given: one sentence typed cleanly and with a typo in three words
    clean = petition_features("Người dân chưa được cấp thẻ bảo hiểm y tế sau sáp nhập xã")
    typed = petition_features("Người dânn chưa được cấp thẻ bảoo hiểm y tế sau sápp nhập xã")
    # then
    assert typed.tokens == clean.tokens


def test_petitions_with_typos_join_the_issue_they_raise():
    # given: two issues, each raised twice; one of each pair typed with typos
    texts = [
        ("a1", "Đề nghị sớm cấp thẻ bảo hiểm y tế cho người cao tuổi sau sáp nhập xã", "xã A"),
        ("a2", "Đề nghị sớm cấpp thẻ bảoo hiểmm y tế cho ngừoi cao tuổi sau sáp nhập xã", "xã B"),
        ("b1", "Nước sạch ở khu tái định cư bị đục, có mùi, người dân không dùng được", "xã A"),
        (
            "b2",
            "Nươc sạchh ở khu táii địnhh cư bị đụcc, có mùi, ngừoi dân không dùngg đươc",
            "xã C",
        ),
    ]
    # when
    rows = {
        row["id"]: row["group"]
        for row in consolidate([Petition(i, t, "", c) for i, t, c in texts]).rows()
    }
    # then
    assert rows["a1"] == rows["a2"] != rows["b1"] == rows["b2"]
