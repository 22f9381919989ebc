import numpy as np
import pytest

from phoihop.text.classify import LEVELS, addressed_levels, label_inputs, token_lexicon_scores
from phoihop.text.consolidate import (
    Models,
    Params,
    Petition,
    PetitionInputError,
    analyse,
    average_linkage,
    consolidate,
    pair_features,
    read_petitions,
    vetoed,
)
from phoihop.text.features import (
    content_tokens,
    extract_entities,
    main_issue_end,
    petition_features,
    problem_kinds,
)
from phoihop.text.learn import PAIR_FEATURES
from phoihop.text.lexicons import FIELDS
from phoihop.text.normalize import fold


def groups_of(result):
    return {row["id"]: row["group"] for row in result.rows()}


ROAD_PETITIONS = [
    Petition(
        "a1", "Đề nghị sửa chữa ĐT.741 đoạn qua xã, mặt đường hư hỏng, nhiều ổ gà.", "", "xã A"
    ),
    Petition(
        "a2", "Duong tinh 741 doan qua xa hu hong nang, nhieu o ga, de nghi sua som.", "", "xã A"
    ),
    Petition("a3", "DT741 xuống cấp, ổ gà chi chít, đề nghị tỉnh sửa chữa mặt đường.", "", "xã A"),
    Petition(
        "b1", "Đề nghị sửa chữa ĐT.753 đoạn qua xã, mặt đường hư hỏng, nhiều ổ gà.", "", "xã A"
    ),
    Petition(
        "b2", "Đường tỉnh 753 đoạn qua xã hư hỏng nặng, nhiều ổ gà, đề nghị sửa sớm.", "", "xã A"
    ),
]


def test_consolidate_groups_road_variants_together():
    groups = groups_of(consolidate(ROAD_PETITIONS))
    assert groups["a1"] == groups["a2"] == groups["a3"]
    assert groups["b1"] == groups["b2"]


def test_consolidate_never_merges_different_road_numbers():
    groups = groups_of(consolidate(ROAD_PETITIONS))
    assert groups["a1"] != groups["b1"]


def test_consolidate_keeps_different_schools_apart():
    petitions = [
        Petition(
            "s1", "Trường Tiểu học Hòa An A thiếu phòng học, học sinh phải học 2 ca.", "", "xã X"
        ),
        Petition(
            "s2",
            "Trường Tiểu học Hòa An A thiếu phòng học, lớp đông, đề nghị xây thêm.",
            "",
            "xã X",
        ),
        Petition(
            "t1", "Trường Tiểu học Bình Minh thiếu phòng học, học sinh phải học 2 ca.", "", "xã X"
        ),
    ]
    groups = groups_of(consolidate(petitions))
    assert groups["s1"] == groups["s2"]
    assert groups["t1"] != groups["s1"]


def test_consolidate_group_explains_shared_evidence():
    result = consolidate(ROAD_PETITIONS)
    group = result.groups[result.group_of[0]]
    assert group.shared_roads == ["dt741"]
    assert "dt741" in group.explanation()
    assert any("o ga" in term or "hu hong" in term for term in group.shared_terms)


def test_consolidate_suggests_valid_field_level_agency():
    rows = list(consolidate(ROAD_PETITIONS).rows())
    assert [row["id"] for row in rows] == [p.id for p in ROAD_PETITIONS]
    for row in rows:
        assert row["field"] in FIELDS
        assert row["level"] in LEVELS
        assert row["agency"]
    assert rows[0]["field"] == "giao thông - xây dựng"
    assert rows[0]["level"] == "tỉnh"


def test_consolidate_suggests_commune_police_for_local_crime():
    petitions = [
        Petition(
            "c1", "Trộm bò ở ấp Bàu Chồn, đề nghị công an xã tăng cường tuần tra.", "", "xã Cát Lâm"
        )
    ]
    row = next(iter(consolidate(petitions).rows()))
    assert row["field"] == "an ninh - trật tự"
    assert row["level"] == "xã"
    assert row["agency"] == "Công an xã Cát Lâm"


def test_consolidate_suggests_central_level_for_national_policy():
    petitions = [
        Petition("p1", "Đề nghị Trung ương nâng mức trợ cấp hưu trí xã hội cho người cao tuổi.")
    ]
    row = next(iter(consolidate(petitions).rows()))
    assert row["level"] == "trung ương"
    assert row["agency"].startswith("Bộ ")


def test_extract_entities_types_names_by_preceding_word():
    kinds = {str(e) for e in extract_entities("Trại heo của Công ty Hưng Thịnh Phát ở ấp Đá Bàn")}
    assert "company:hung thinh phat" in kinds
    assert "hamlet:da ban" in kinds


def test_read_petitions_rejects_missing_text():
    with pytest.raises(PetitionInputError, match="text"):
        read_petitions(['{"id": "x"}'])


def test_read_petitions_rejects_invalid_json_with_line_number():
    with pytest.raises(PetitionInputError, match="Dòng 2"):
        read_petitions(['{"id": "x", "text": "a"}', "{not json"])


def test_read_petitions_rejects_duplicate_ids():
    with pytest.raises(PetitionInputError, match="trùng"):
        read_petitions(['{"id": "x", "text": "a"}', '{"id": "x", "text": "b"}'])


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Khu dân cư bị ngập úng mỗi khi mưa lớn.", "Khu dân cư bị úng mỗi khi mưa lớn."),
        ("Dự án chậm đền bù.", "Dự án chậm bồi thường."),
        ("Mặt đường ổ gà nhiều đoạn.", "Mặt đường ổ voi nhiều đoạn."),
    ],
)
def test_content_tokens_map_complaint_paraphrases_to_one_phrase(first, second):
    assert content_tokens(first) == content_tokens(second)


def test_pair_features_match_syllables_one_typo_apart():
    # given: the same petition, once with typos in three words, and an unrelated one
    texts = [
        "Trạm bơm tưới tiêu của hợp tác xã hư hỏng, ruộng lúa thiếu nước.",
        "Trạm bơm tưoi tiêu của hợp tác xa hư hong, ruộng lúa thiêu nước.",
        "Chợ xã xuống cấp, tiểu thương phải che bạt.",
    ]
    keys = [(text, "") for text in texts]
    analysis = analyse(keys, Models.default(), Params())
    # when
    features = pair_features(analysis, np.array([0, 0]), np.array([1, 2]))
    # then
    fuzzy = list(PAIR_FEATURES).index("fuzzy_cos")
    word = list(PAIR_FEATURES).index("word_cos")
    assert features[0, fuzzy] > features[0, word]
    assert features[0, fuzzy] > 0.6 > features[1, fuzzy]


def test_consolidate_keeps_two_problems_at_one_school_apart():
    # given: classrooms and fees at one school, worded alike around the school's name
    petitions = [
        Petition("r1", "Trường THCS Tân Mỹ thiếu phòng học, học sinh phải học 2 ca.", "", "xã Y"),
        Petition(
            "r2", "Trường THCS Tân Mỹ quá tải, thiếu phòng học, đề nghị xây thêm.", "", "xã Y"
        ),
        Petition("f1", "Trường THCS Tân Mỹ thu nhiều khoản đóng góp sai quy định.", "", "xã Y"),
        Petition("f2", "Phụ huynh Trường THCS Tân Mỹ bị vận động đóng góp tiền.", "", "xã Y"),
    ]
    # when
    groups = groups_of(consolidate(petitions))
    # then
    assert groups["r1"] == groups["r2"]
    assert groups["f1"] == groups["f2"]
    assert groups["r1"] != groups["f1"]


def test_consolidate_puts_a_two_issue_petition_with_its_main_issue():
    # given: road repairs and street racing on one road, and a petition raising both
    petitions = [
        Petition("p1", "Đề nghị sửa chữa ĐT.765, mặt đường hư hỏng, nhiều ổ gà.", "", "xã Z"),
        Petition("p2", "Đường tỉnh 765 xuống cấp, ổ gà chi chít, đề nghị sửa chữa.", "", "xã Z"),
        Petition("p3", "DT765 lở loét nhiều đoạn, xin tỉnh sửa chữa mặt đường.", "", "xã Z"),
        Petition(
            "q1", "Thanh niên tụ tập đua xe trên ĐT.765 ban đêm, đề nghị công an xử lý.", "", "xã Z"
        ),
        Petition(
            "q2",
            "Đêm nào cũng có nhóm đua xe trên đường tỉnh 765, đề nghị công an tuần tra.",
            "",
            "xã Z",
        ),
        Petition(
            "both",
            "Đề nghị sửa chữa ổ gà trên ĐT.765; ngoài ra thanh niên tụ tập đua xe trên tuyến"
            " này ban đêm, đề nghị công an tuần tra, xử lý.",
            "",
            "xã Z",
        ),
    ]
    # when
    result = consolidate(petitions)
    groups = groups_of(result)
    # then
    assert groups["both"] == groups["p1"] == groups["p2"] == groups["p3"]
    assert groups["q1"] == groups["q2"] != groups["p1"]
    assert result.groups[result.group_of[0]].suggestion.field == "giao thông - xây dựng"


@pytest.mark.parametrize(
    ("text", "main"),
    [
        ("Sửa ĐT.816, đồng thời xử lý đua xe.", "sua dt.816, "),
        ("Nâng mức trợ cấp; mặt khác chi trả chậm.", "nang muc tro cap"),
        ("Đề nghị: (1) sửa đường (2) lắp đèn.", "de nghi: (1) sua duong "),
        ("Nhà máy vừa gây mùi hôi, vừa để xe rơi vãi đất.", "nha may vua gay mui hoi, "),
        ("Trường thiếu phòng học.", "truong thieu phong hoc."),
    ],
)
def test_main_issue_end_cuts_where_the_text_turns_to_another_issue(text, main):
    folded = fold(text)
    assert folded[: main_issue_end(folded)] == main


def test_petition_features_weigh_the_main_issue_and_count_fixed_terms_once():
    features = petition_features("Chưa được cấp thẻ BHYT, ngoài ra đường hư hỏng.")
    assert "baohiemyte" in features.terms
    assert not {"bao_hiem", "hiem", "y_te"} & set(features.terms)
    assert "hu_hong" in features.later_terms
    assert "hu_hong" not in features.terms


def test_problem_kinds_name_what_is_wrong():
    assert problem_kinds(content_tokens("Trường thu nhiều khoản thu sai quy định")) == {"charges"}
    assert problem_kinds(content_tokens("Khu phố ngập úng, cống thoát nước nhỏ")) == {"flooding"}
    assert problem_kinds(content_tokens("Cử tri đề nghị quan tâm")) == frozenset()


def test_problem_kinds_read_loosely_take_a_word_one_typo_apart():
    typed = content_tokens("Khu phố hay ngậpp, cống thoát nuwoc nhỏ")
    assert problem_kinds(typed) == frozenset()
    assert problem_kinds(typed, loose=True) == {"flooding"}
    # a listed word one edit from a problem word is another word: "đường" is not "lương"
    assert problem_kinds(content_tokens("Đường đi lại khó khăn"), loose=True) == frozenset()


def test_average_linkage_averages_scored_pairs_and_weighs_their_coverage():
    # given: a–b strongly linked, c scored against b only: {a, b} meets c through one of two
    # possible pairs, 0.5 × (1/2) ** 0.5 ≈ 0.35
    rows, cols = np.array([0, 1]), np.array([1, 2])
    scores = np.array([0.9, 0.5], dtype=np.float32)
    details = [{}, {}, {}]
    # when
    strict = average_linkage(3, rows, cols, scores, details, Params(threshold=0.4))
    loose = average_linkage(3, rows, cols, scores, details, Params(threshold=0.3))
    unweighted = average_linkage(
        3, rows, cols, scores, details, Params(threshold=0.45, coverage_power=0.0)
    )
    # then
    assert strict[0] == strict[1] != strict[2]
    assert loose[0] == loose[1] == loose[2]
    assert unweighted[0] == unweighted[1] == unweighted[2]


def test_average_linkage_keeps_officials_decisions():
    rows, cols = np.array([0, 1]), np.array([1, 2])
    scores = np.array([0.9, 0.8], dtype=np.float32)
    details = [{}, {}, {}, {}]
    labels = average_linkage(
        4,
        rows,
        cols,
        scores,
        details,
        Params(threshold=0.5),
        must_link=[(0, 3)],
        cannot_link=[(1, 2)],
    )
    assert labels[0] == labels[1] == labels[3] != labels[2]


def test_average_linkage_refuses_merging_different_roads():
    rows, cols = np.array([0, 1]), np.array([1, 2])
    scores = np.array([0.9, 0.8], dtype=np.float32)
    details = [{"road": {"dt741"}}, {}, {"road": {"dt753"}}]
    labels = average_linkage(3, rows, cols, scores, details, Params(threshold=0.1))
    assert labels[0] == labels[1] != labels[2]


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Cầu treo gãy ván, xin xã sửa gấp trước mùa mưa.", "xã"),
        ("Đề nghị UBND phường Ngọc Hà lắp đèn hẻm 12.", "xã"),
        ("Đề nghị UBND tỉnh chỉ đạo sửa chữa trạm bơm.", "tỉnh"),
        ("Đề nghị các cơ quan chức năng của tỉnh kiểm tra mỏ đá.", "tỉnh"),
        ("Đèo dốc nguy hiểm, xin Nhà nước làm hầm xuyên đèo.", "trung ương"),
        ("De nghi Bo Y te sua quy dinh cap the BHYT.", "trung ương"),
    ],
)
def test_addressed_levels_read_who_the_petition_asks(text, level):
    asked = addressed_levels(petition_features(text).main_tokens)
    assert asked[level] == 1.0
    assert sum(asked.values()) == 1.0


def test_addressed_levels_ignore_the_body_a_letter_is_sent_to():
    # "Kính gửi HĐND tỉnh" names who receives the letter, not who must answer it
    tokens = petition_features("Kính gửi HĐND tỉnh. Nhà tôi bị ngập mỗi khi mưa.").main_tokens
    assert sum(addressed_levels(tokens).values()) == 0.0


def test_the_body_asked_counts_after_the_main_issue_ends():
    # given: a request to the commune after the semicolon that ends the main issue
    text = (
        "Chợ tạm đầu thôn 3 họp lấn ra đường liên thôn, xe qua lại rất khó; tuần trước đã có"
        " va chạm. Đề nghị xã sắp xếp lại chỗ họp chợ."
    )
    f = petition_features(text)
    assert f.main_length is not None
    asked = LEVELS.index("xã"), 2  # the level's row, the "body asked" column
    # then: the main issue alone asks no one; read with the whole text, it asks the commune
    assert label_inputs(f.main_tokens).level_tied[asked] == 0.0
    assert label_inputs(f.main_tokens, f.tokens).level_tied[asked] > 0.0
    # and the petition is suggested to the commune
    assert next(consolidate([Petition("c1", text, "", "xã Z")]).rows())["level"] == "xã"


def test_a_named_road_class_is_a_level_cue():
    _fields, national = token_lexicon_scores(petition_features("QL 28C sạt lở ta luy").tokens)
    _fields, provincial = token_lexicon_scores(petition_features("ĐT.712 hư hỏng nặng").tokens)
    assert national["trung ương"] > national["tỉnh"]
    assert provincial["tỉnh"] > 0 and provincial["trung ương"] == 0


def test_local_veto_needs_a_confident_commune_level():
    # given: the same local matter raised in two communes
    keys = [
        ("Đèn đường hẻm 5 hỏng, xin xã thay bóng.", "xã An Bình"),
        ("Đèn đường hẻm 5 hỏng, xin xã thay bóng đèn.", "xã Tân Hòa"),
    ]
    analysis = analyse(keys, Models.default(), Params())
    rows, cols = np.array([0]), np.array([1])
    xa = LEVELS.index("xã")
    # when the level model only leans to the commune, the pair may still merge
    analysis.level_p[:] = 0.0
    analysis.level_p[:, xa] = 0.6
    analysis.level_p[:, LEVELS.index("tỉnh")] = 0.4
    assert not vetoed(analysis, rows, cols, Params())[0]
    # when both are clearly the commune's, two communes are two issues
    analysis.level_p[:, xa] = 0.9
    analysis.level_p[:, LEVELS.index("tỉnh")] = 0.1
    assert vetoed(analysis, rows, cols, Params())[0]


def test_pair_features_count_two_equally_unsure_labels_as_agreeing():
    # given: three texts whose field probabilities are set by hand: the first two share the
    # same spread-out distribution (a classifier unsure in a province it never saw), the
    # third is sure of another field
    texts = [
        "Thôn 3 mất sóng điện thoại, gọi cấp cứu không được.",
        "Bản Nà Hang không có sóng di động, học sinh không học trực tuyến được.",
        "Chợ xã xuống cấp, tiểu thương phải che bạt.",
    ]
    analysis = analyse([(text, "") for text in texts], Models.default(), Params())
    unsure = np.full(len(FIELDS), 0.3 / (len(FIELDS) - 2))
    unsure[:2] = 0.35
    sure = np.zeros(len(FIELDS))
    sure[-1] = 1.0
    analysis.field_p = np.vstack([unsure, unsure, sure])
    # when
    features = pair_features(analysis, np.array([0, 0]), np.array([1, 2]))
    # then: the unsure pair agrees fully (a dot product would give it well under 0.5)
    agree = list(PAIR_FEATURES).index("field_agree")
    assert features[0, agree] == pytest.approx(1.0)
    assert float(unsure @ unsure) < 0.5
    assert features[1, agree] < 0.5


def test_consolidate_links_with_the_threshold_and_coverage_power_of_the_pair_model(monkeypatch):
    # given: models shipped with their own grouping settings, and no settings given
    from dataclasses import replace

    from phoihop.text import consolidate as engine

    shipped = engine.Models.default()
    models = replace(shipped, pair=replace(shipped.pair, threshold=0.55, coverage_power=0.25))
    seen = []
    linkage = engine.average_linkage

    def spy(*args, **kwargs):
        seen.append(args[5])
        return linkage(*args, **kwargs)

    monkeypatch.setattr(engine, "average_linkage", spy)
    petitions = [
        engine.Petition("a", "Đề nghị sửa đường ĐT.816 đoạn qua xã Hòa An", "", "xã Hòa An"),
        engine.Petition("b", "Đường ĐT.816 qua xã Hòa An xuống cấp, đề nghị sửa", "", "xã Hòa An"),
    ]
    # when
    engine.consolidate(petitions, models=models)
    engine.consolidate(petitions, engine.Params(coverage_power=1.0), models=models)
    # then: the model's settings, unless the caller gives its own
    assert (seen[0].threshold, seen[0].coverage_power) == (0.55, 0.25)
    assert (seen[1].threshold, seen[1].coverage_power) == (0.55, 1.0)
