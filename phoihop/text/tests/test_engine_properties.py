"""Properties of the consolidation engine that must hold in any province."""

import json
import random
from pathlib import Path

import pytest

from phoihop.text.classify import suggest
from phoihop.text.consolidate import Params, Petition, _typo_corrections, consolidate
from phoihop.text.features import content_tokens, extract_entities
from phoihop.text.normalize import mark_senses
from phoihop.text.spelling import is_syllable

DATA = Path(__file__).resolve().parents[4] / "shared" / "data"


def labelled(name: str) -> list[dict]:
    path = DATA / name
    if not path.exists():
        pytest.skip("the labelled petitions are not beside the repository")
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def petitions(records: list[dict]) -> list[Petition]:
    return [
        Petition(r["id"], r["text"], r.get("meeting", ""), r.get("commune", "")) for r in records
    ]


def partition(result) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for row in result.rows():
        groups.setdefault(row["group"], set()).add(row["id"])
    return {frozenset(ids) for ids in groups.values()}


def pair_recall(records: list[dict], result) -> float:
    group = {row["id"]: row["group"] for row in result.rows()}
    true = [
        (a["id"], b["id"])
        for k, a in enumerate(records)
        for b in records[k + 1 :]
        if a["cluster"] == b["cluster"]
    ]
    return sum(group[a] == group[b] for a, b in true) / len(true)


def test_consolidate_does_not_depend_on_input_order():
    # given: a labelled province and the same petitions shuffled
    records = labelled("petitions_dev2.jsonl")
    shuffled = records[:]
    random.Random(3).shuffle(shuffled)
    # when
    original = partition(consolidate(petitions(records)))
    again = partition(consolidate(petitions(shuffled)))
    # then
    assert again == original


def test_consolidate_groups_originals_alike_when_every_petition_is_sent_twice():
    # given: every petition twice, the copy under another id
    records = labelled("petitions_dev.jsonl")
    doubled = petitions(records) + [
        Petition(p.id + "-copy", p.text, p.meeting, p.commune) for p in petitions(records)
    ]
    # when
    original = partition(consolidate(petitions(records)))
    result = consolidate(doubled)
    # then: originals group as before, each copy with its original
    group = {row["id"]: row["group"] for row in result.rows()}
    assert all(group[r["id"]] == group[r["id"] + "-copy"] for r in records)
    originals = {frozenset(i for i in ids if not i.endswith("-copy")) for ids in partition(result)}
    assert originals == original


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word))
    return word[:i] + word[i + 1 :] if rng.random() < 0.5 else word[:i] + word[i - 1] + word[i:]


def test_consolidate_keeps_most_recall_with_one_typo_in_ten_words():
    # given: a province, then the same with one edit in 10% of its words
    records = labelled("petitions_dev.jsonl")
    rng = random.Random(11)
    noisy = []
    for record in records:
        words = [
            _typo(w, rng) if len(w) > 2 and rng.random() < 0.1 else w
            for w in record["text"].split()
        ]
        noisy.append({**record, "text": " ".join(words)})
    # when
    clean_recall = pair_recall(records, consolidate(petitions(records)))
    noisy_recall = pair_recall(noisy, consolidate(petitions(noisy)))
    # then
    assert noisy_recall >= 0.8 * clean_recall


def test_consolidate_gives_each_member_the_petition_it_joined_through():
    # given
    records = labelled("petitions_dev.jsonl")
    result = consolidate(petitions(records))
    rows = list(result.rows())
    group = {row["id"]: row["group"] for row in rows}
    # then: a member of a larger group names another member and what they share
    grouped = [row for row in rows if row["group_size"] > 1]
    assert grouped
    for row in grouped:
        evidence = row["evidence"]
        if evidence["joined_via"] is None:
            assert evidence["weak"]
            continue
        assert evidence["joined_via"] != row["id"]
        assert group[evidence["joined_via"]] == row["group"]
        assert evidence["shared"] or evidence["weak"]
    assert all(row["evidence"]["joined_via"] is None for row in rows if row["group_size"] == 1)


def test_consolidate_marks_a_member_tied_below_the_threshold_as_weak():
    # given: a tight pair of petitions, and a third tied to them only weakly
    result = consolidate(
        [
            Petition(
                "a", "Đề nghị sửa chữa ĐT.741 đoạn qua xã, mặt đường hư hỏng, ổ gà.", "", "xã A"
            ),
            Petition("b", "Duong tinh 741 doan qua xa hu hong nang, nhieu o ga.", "", "xã A"),
        ],
        must_link=[("a", "b")],
    )
    rows = {row["id"]: row for row in result.rows()}
    assert rows["a"]["group"] == rows["b"]["group"]
    assert rows["b"]["evidence"]["joined_via"] == "a"
    assert rows["b"]["evidence"]["weak"] == (rows["b"]["evidence"]["score"] < 0.5)


def test_consolidate_keeps_officials_cannot_link_decision():
    texts = [
        Petition("a", "Đề nghị sửa chữa ĐT.741 đoạn qua xã, mặt đường hư hỏng, ổ gà.", "", "xã A"),
        Petition("b", "Đường tỉnh 741 đoạn qua xã hư hỏng nặng, nhiều ổ gà.", "", "xã A"),
    ]
    together = {row["id"]: row["group"] for row in consolidate(texts).rows()}
    apart = {row["id"]: row["group"] for row in consolidate(texts, cannot_link=[("a", "b")]).rows()}
    assert together["a"] == together["b"]
    assert apart["a"] != apart["b"]


def test_consolidate_keeps_commune_matters_of_different_communes_apart():
    # given: the same commune-level request from two communes
    text = "Đề nghị xã sửa chữa nhà văn hóa thôn, mái dột, không có chỗ họp."
    pair = [Petition("x", text, "", "xã Hòa An"), Petition("y", text, "", "xã Tân Lập")]
    same = [Petition("x", text, "", "xã Hòa An"), Petition("y", text + " ", "", "xã Hòa An")]
    # when
    apart = {row["id"]: row for row in consolidate(pair).rows()}
    together = {row["id"]: row["group"] for row in consolidate(same).rows()}
    # then
    assert apart["x"]["level"] == "xã"
    assert apart["x"]["group"] != apart["y"]["group"]
    assert together["x"] == together["y"]


def test_consolidate_lets_a_national_policy_cross_communes():
    text = "Đề nghị Quốc hội, Chính phủ nâng mức trợ cấp hưu trí xã hội cho người cao tuổi."
    rows = list(
        consolidate(
            [Petition("x", text, "", "xã Hòa An"), Petition("y", text, "", "xã Tân Lập")]
        ).rows()
    )
    assert rows[0]["group"] == rows[1]["group"]
    assert rows[0]["level"] == "trung ương"


@pytest.mark.parametrize(
    ("text", "marked", "unmarked"),
    [
        ("Chợ xã xuống cấp, tiểu thương phải che bạt", "chox", None),
        ("Cho tôi hỏi bao giờ sửa đường", None, "chox"),
        ("nha long cho xuong cap", "chox", None),
        ("Trại heo gây mùi hôi", "hoix", None),
        ("Hội người cao tuổi xin kinh phí", None, "hoix"),
        ("mui hoi thoi nong nac", "hoix", None),
        ("Thiếu nước tưới cho lúa", "tuoix", None),
        ("Người cao tuổi chưa nhận trợ cấp", None, "tuoix"),
        ("nguoi cao tuoi chua nhan tro cap", None, "tuoix"),
        ("Chưa đáp ứng nhu cầu khám bệnh ung thư", None, "ngap"),
        ("Khu dân cư bị ngập úng", "ngap", None),
    ],
)
def test_content_tokens_read_ambiguous_folded_words_by_sense(text, marked, unmarked):
    tokens = content_tokens(text)
    if marked:
        assert marked in tokens
    if unmarked:
        assert unmarked not in tokens


def test_mark_senses_reads_northern_and_highland_place_words():
    assert mark_senses("đường bản Na Hang, làng Mới, buôn Ma") == (
        "đường banx Na Hang, langx Mới, buonx Ma"
    )
    assert mark_senses("buôn bán ở bàn") == "buôn bán ở bàn"


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Đường thôn Khê Thượng hư hỏng", "hamlet:khe thuong"),
        ("Nước sạch ở bản Na Hang thiếu", "hamlet:na hang"),
        ("Trường THCS Tân Phước thiếu phòng học", "school:tan phuoc"),
        ("Công ty TNHH Hưng Thịnh Phát xả thải", "company:hung thinh phat"),
    ],
)
def test_extract_entities_types_a_name_by_the_word_right_before_it(text, entity):
    assert entity in {str(e) for e in extract_entities(text)}


def test_extract_entities_does_not_take_a_homograph_for_a_type_word():
    # "chờ" folds like "chợ" (market) and "trưởng" like "trường" (school)
    kinds = {e.kind for e in extract_entities("Dân chờ Bộ Tài Chính trả lời; trưởng Thôn Ba nói")}
    assert not kinds & {"market", "school"}


def test_suggest_reads_northern_hamlets_as_commune_matters():
    suggestion = suggest("Đường bê tông thôn Khê Thượng hư hỏng, đề nghị xã sửa chữa.")
    assert suggestion.level == "xã"


def test_params_threshold_defaults_to_the_models_calibrated_threshold():
    assert Params().threshold is None


@pytest.mark.parametrize(
    ("token", "shaped"),
    [
        ("nghiem", True),
        ("khuya", True),
        ("nguoi", True),
        ("chox", True),  # a sense token: chợ
        ("tiien", False),  # a doubled letter
        ("tein", False),  # two letters swapped
        ("nghei", False),
    ],
)
def test_is_syllable_knows_the_shape_of_a_folded_syllable(token, shaped):
    assert is_syllable(token) is shaped


def test_typo_corrections_fix_a_malformed_word_even_against_a_rare_one():
    # given: "kiểm" twice in a corpus and the malformed "kiiểm" once; "tin" rare but well formed
    texts = [["kiem", "tra"], ["kiem", "lam"], ["kiiem", "tra"], ["tin", "nhan"], ["tien"]]

    fix = _typo_corrections(texts)

    # then: the malformed word is read as the word meant; a rare well-formed one is left alone
    assert fix["kiiem"] == "kiem"
    assert "tin" not in fix


def test_typo_corrections_leave_abbreviations_alone():
    # given: "evn" (the power company) and "cty" once each beside common words one edit away
    texts = [["evn", "cat", "dien"], ["cty", "xa", "thai"]] + [["ven", "song"], ["cay", "xanh"]] * 6

    fix = _typo_corrections(texts)

    # then: an abbreviation is not a typo of a word
    assert "evn" not in fix
    assert "cty" not in fix


def test_consolidate_uses_the_grouping_settings_shipped_with_the_pair_model():
    # given: the shipped models, and the same models with another coverage power
    from dataclasses import replace

    from phoihop.text.consolidate import Models

    records = labelled("petitions_dev.jsonl")
    shipped = Models.default()
    other = replace(shipped, pair=replace(shipped.pair, coverage_power=0.0))
    # when: no settings are given, as on the command line
    plain = partition(consolidate(petitions(records)))
    # then: the groups are those of the shipped threshold and coverage power, and that power
    # matters (a model shipped with another power groups otherwise)
    explicit = Params(threshold=shipped.pair.threshold, coverage_power=shipped.pair.coverage_power)
    assert plain == partition(consolidate(petitions(records), explicit))
    assert plain != partition(consolidate(petitions(records), models=other))
