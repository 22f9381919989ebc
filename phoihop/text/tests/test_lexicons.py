"""The lexicons hold general vocabulary, not the wording of the labelled petitions."""

import json
from pathlib import Path

import pytest

from phoihop.text import features, lexicons, normalize
from phoihop.text.features import content_tokens
from phoihop.text.normalize import syllables

DATA = Path(__file__).resolve().parents[4] / "shared" / "data"
GENERAL = Path(features.__file__).with_name("data") / "general_terms.txt"


def lexicon_phrases() -> dict[str, str]:
    """Every phrase of every lexicon table, with the table it comes from."""
    out: dict[str, str] = {}
    for field, table in lexicons.FIELD_KEYWORDS.items():
        out.update(dict.fromkeys(table, f"FIELD_KEYWORDS[{field}]"))
    for name in ("CENTRAL_CUES", "COMMUNE_CUES", "PROVINCE_CUES", "NAMED_AGENCIES"):
        out.update(dict.fromkeys(getattr(lexicons, name), name))
    for kind, phrases in lexicons.PROBLEM_KINDS.items():
        out.update(dict.fromkeys(phrases, f"PROBLEM_KINDS[{kind}]"))
    for topic, _agency in lexicons.PROVINCE_AGENCY_BY_TOPIC + lexicons.CENTRAL_AGENCY_BY_TOPIC:
        out[topic] = "AGENCY_BY_TOPIC"
    out.update(dict.fromkeys(lexicons.COMMUNE_POLICE_TOPICS, "COMMUNE_POLICE_TOPICS"))
    out.update(dict.fromkeys(normalize.SYNONYMS, "SYNONYMS"))
    out.update(dict.fromkeys(features.ENTITY_TYPES, "ENTITY_TYPES"))
    return out


def general_terms() -> set[str]:
    lines = GENERAL.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def labelled_texts() -> list[str]:
    paths = [DATA / "petitions_dev.jsonl", DATA / "petitions_dev2.jsonl"]
    if not all(path.exists() for path in paths):
        pytest.skip("the labelled petitions are not beside the repository")
    return [json.loads(line)["text"] for path in paths for line in path.open(encoding="utf-8")]


def test_lexicons_use_only_general_vocabulary():
    texts = labelled_texts()
    spelled = [" " + " ".join(syllables(t)) + " " for t in texts]
    spelled += [" " + " ".join(content_tokens(t)) + " " for t in texts]
    general = general_terms()
    fitted = sorted(
        f"{phrase} ({table})"
        for phrase, table in lexicon_phrases().items()
        if " " in phrase
        and phrase not in general
        and any(f" {phrase} " in text for text in spelled)
    )
    assert fitted == []


def test_general_terms_are_folded_and_listed_once():
    lines = [
        line.strip()
        for line in GENERAL.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert len(lines) == len(set(lines))
    assert all(line == normalize.fold(line) for line in lines)


@pytest.mark.parametrize(
    ("text", "field"),
    [
        # Nghị định 23/2020/NĐ-CP: riverbed sand is a mineral and water-resources matter.
        ("Khai thác cát trái phép trên sông", "môi trường"),
        # Nghị định 144/2021/NĐ-CP Điều 7: animals let loose in public places breach public order.
        ("Trâu bò thả rông khắp khu dân cư", "an ninh - trật tự"),
        # Luật Căn cước 2023: electronic identity is run by the police.
        ("Người già không dùng được tài khoản định danh điện tử", "an ninh - trật tự"),
        # Luật Đất đai 2024: land of former state forestry farms.
        ("Đất lâm trường trả về chưa giao cho dân", "đất đai"),
    ],
)
def test_sourced_terms_point_at_the_field_of_their_law(text, field):
    from phoihop.text.classify import token_lexicon_scores

    fields, _levels = token_lexicon_scores(content_tokens(text))
    assert max(fields, key=fields.get) == field
