"""Suggest the field (lĩnh vực), competence level and agency of a petition.

Lexicon scoring (see :mod:`phoihop.text.lexicons`): each field and level collects the weights
of the phrases found in the folded text; an agency the petition names outranks the default
agency of its field and level. A group votes over its members' suggestions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from phoihop.text import lexicons
from phoihop.text.features import content_tokens
from phoihop.text.normalize import nfc

LEVELS = ("xã", "tỉnh", "trung ương")


@dataclass(frozen=True)
class Suggestion:
    """A suggested field, level and agency, with per-field scores kept for group voting."""

    field: str
    level: str
    agency: str
    # ``dataclass_field``: the name ``field`` is taken by the attribute above.
    field_scores: dict[str, float] = dataclass_field(default_factory=dict, compare=False)
    level_scores: dict[str, float] = dataclass_field(default_factory=dict, compare=False)

    @classmethod
    def vote(cls, suggestions: Sequence[Suggestion]) -> Suggestion:
        """Combine members' suggestions: summed scores pick field and level, majority the agency."""
        if len(suggestions) == 1:
            return suggestions[0]
        field_total: Counter[str] = Counter()
        level_total: Counter[str] = Counter()
        for suggestion in suggestions:
            field_total.update(_shares(suggestion.field_scores))
            level_total.update(_shares(suggestion.level_scores))
        best_field = _best(field_total, default="khác")
        best_level = _best(level_total, default="tỉnh")
        agencies = Counter(
            s.agency for s in suggestions if s.field == best_field and s.level == best_level
        ) or Counter(s.agency for s in suggestions if s.level == best_level)
        agency = (
            agencies.most_common(1)[0][0]
            if agencies
            else _default_agency(best_field, best_level, "", "")
        )
        return cls(best_field, best_level, agency, dict(field_total), dict(level_total))


def _shares(scores: dict[str, float]) -> dict[str, float]:
    total = sum(scores.values())
    return {key: value / total for key, value in scores.items()} if total else {}


def _best(scores: Mapping[str, float], *, default: str) -> str:
    return max(scores, key=lambda key: (scores[key], key)) if scores else default


def phrases(folded: str, longest: int = 5) -> list[str]:
    """Every run of 1..*longest* words of a folded text, as the lexicons spell phrases."""
    tokens = folded.split()
    return [
        " ".join(tokens[i : i + size])
        for i in range(len(tokens))
        for size in range(1, longest + 1)
        if i + size <= len(tokens)
    ]


def _lexicon_index() -> dict[str, list[tuple[str, str, float]]]:
    """Every lexicon phrase → [(table, label, weight)], so a text is scanned once."""
    tables = [("field", name, table) for name, table in lexicons.FIELD_KEYWORDS.items()]
    tables += [
        ("level", "xã", lexicons.COMMUNE_CUES),
        ("level", "tỉnh", lexicons.PROVINCE_CUES),
        ("level", "trung ương", lexicons.CENTRAL_CUES),
    ]
    index: dict[str, list[tuple[str, str, float]]] = {}
    for table_name, label, table in tables:
        for phrase, weight in table.items():
            index.setdefault(phrase, []).append((table_name, label, float(weight)))
    return index


_LEXICON_INDEX = _lexicon_index()


def _lexicon_by_first() -> dict[str, list[tuple[tuple[str, ...], list[tuple[str, str, float]]]]]:
    """Lexicon phrases of up to five words (the runs :func:`phrases` offers), by first word."""
    index: dict[str, list[tuple[tuple[str, ...], list[tuple[str, str, float]]]]] = {}
    for phrase, entries in _LEXICON_INDEX.items():
        words = tuple(phrase.split())
        if len(words) <= 5:
            index.setdefault(words[0], []).append((words, entries))
    return index


_LEXICON_BY_FIRST = _lexicon_by_first()


def lexicon_scores(found: list[str]) -> tuple[dict[str, float], dict[str, float]]:
    """Field scores and level scores from the phrases of a text (see :func:`phrases`).

    The province is the default level and gets a head start of 1.
    """
    fields: dict[str, float] = {}
    levels = {"xã": 0.0, "tỉnh": 1.0, "trung ương": 0.0}
    for phrase in found:
        for table_name, label, weight in _LEXICON_INDEX.get(phrase, ()):
            target = fields if table_name == "field" else levels
            target[label] = target.get(label, 0.0) + weight
    return fields, levels


def token_lexicon_scores(tokens: Sequence[str]) -> tuple[dict[str, float], dict[str, float]]:
    """:func:`lexicon_scores` of ``phrases(" ".join(tokens))``, scanning each position once.

    Only lexicon phrases that start with the word at a position are tried there, instead of
    building every run of one to five words.
    """
    fields: dict[str, float] = {}
    levels = {"xã": 0.0, "tỉnh": 1.0, "trung ương": 0.0}
    n = len(tokens)
    for i in [k for k, token in enumerate(tokens) if token in _LEXICON_BY_FIRST]:
        for words, entries in _LEXICON_BY_FIRST[tokens[i]]:
            size = len(words)
            if size == 1 or (i + size <= n and tuple(tokens[i : i + size]) == words):
                for table_name, label, weight in entries:
                    target = fields if table_name == "field" else levels
                    target[label] = target.get(label, 0.0) + weight
    return fields, levels


def named_agency(folded: str) -> str:
    """The agency a petition addresses by name, if any (first mention wins)."""
    found = [
        (folded.find(f" {phrase} "), name)
        for phrase, name in lexicons.NAMED_AGENCIES.items()
        if f" {phrase} " in folded
    ]
    return min(found)[1] if found else ""


def _commune_name(commune: str) -> str:
    """ "xã Hòa An" → ("xã", "Hòa An"); an empty commune gives an empty name."""
    return re.sub(r"\s+", " ", nfc(commune)).strip()


def _default_agency(field_name: str, level: str, folded: str, commune: str) -> str:
    """The body that usually answers a petition of this field at this level."""
    if level == "xã":
        place = _commune_name(commune) or "xã"
        if field_name == "an ninh - trật tự" and any(
            f" {topic}" in folded for topic in lexicons.COMMUNE_POLICE_TOPICS
        ):
            return f"Công an {place}"
        return f"UBND {place}"
    if level == "trung ương":
        for topic, agency in lexicons.CENTRAL_AGENCY_BY_TOPIC:
            if f" {topic} " in folded:
                return agency
        return lexicons.CENTRAL_AGENCY[field_name]
    for topic, agency in lexicons.PROVINCE_AGENCY_BY_TOPIC:
        if f" {topic} " in folded:
            return agency
    return lexicons.PROVINCE_AGENCY[field_name]


def suggest(text: str, *, commune: str = "", tokens: list[str] | None = None) -> Suggestion:
    """Suggest field, level and agency for one petition text.

    *tokens* are the text's :func:`~phoihop.text.features.content_tokens` when the caller has
    them already.
    """
    tokens = content_tokens(text) if tokens is None else tokens
    folded = " " + " ".join(tokens) + " "
    fields, levels = token_lexicon_scores(tokens)
    best_field = _best(fields, default="khác")
    best_level = _best(levels, default="tỉnh")
    agency = named_agency(folded)
    if agency and _agency_level(agency) != best_level:
        agency = ""
    return Suggestion(
        field=best_field,
        level=best_level,
        agency=agency or _default_agency(best_field, best_level, folded, commune),
        field_scores=fields,
        level_scores=levels,
    )


def _agency_level(agency: str) -> str:
    if agency.startswith("Bộ "):
        return "trung ương"
    if agency.startswith(("UBND xã", "UBND phường", "Công an xã", "Công an phường")):
        return "xã"
    return "tỉnh"
