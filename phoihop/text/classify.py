"""Suggest the field (lĩnh vực), competence level and agency of a petition.

Field and level come from multinomial logistic regressions (:mod:`phoihop.text.learn`) over
the petition's folded words and bigrams plus the lexicon scores (see
:mod:`phoihop.text.lexicons`: sourced vocabulary of each field and the division of
competence); without trained models the lexicon scores alone decide. An agency the petition
names outranks the default agency of its field and level. A group adds up its members'
probabilities.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field

import numpy as np

from phoihop.text import lexicons
from phoihop.text.features import STOPWORDS, content_tokens
from phoihop.text.learn import LabelModel, default_models, hashed
from phoihop.text.normalize import nfc
from phoihop.text.spelling import respell

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
            max(agencies, key=lambda name: (agencies[name], name))
            if agencies
            else _default_agency(best_field, best_level, "", "")
        )
        return cls(best_field, best_level, agency, dict(field_total), dict(level_total))


def _shares(scores: dict[str, float]) -> dict[str, float]:
    total = sum(scores.values())
    return {key: value / total for key, value in scores.items()} if total else {}


def _best(scores: Mapping[str, float], *, default: str) -> str:
    if not scores or max(scores.values()) <= 0:
        return default
    return max(scores, key=lambda key: (scores[key], key))


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

    No level has a head start: with no cue at all the province is the default.
    """
    fields: dict[str, float] = {}
    levels = {"xã": 0.0, "tỉnh": 0.0, "trung ương": 0.0}
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
    levels = {"xã": 0.0, "tỉnh": 0.0, "trung ương": 0.0}
    tokens = _road_words(tokens)
    n = len(tokens)
    for i in [k for k, token in enumerate(tokens) if token in _LEXICON_BY_FIRST]:
        for words, entries in _LEXICON_BY_FIRST[tokens[i]]:
            size = len(words)
            if size == 1 or (i + size <= n and tuple(tokens[i : i + size]) == words):
                for table_name, label, weight in entries:
                    target = fields if table_name == "field" else levels
                    target[label] = target.get(label, 0.0) + weight
    return fields, levels


_ROAD_TOKEN = re.compile(r"(ql|dt|dh)\d")
_ROAD_CLASS_WORDS = {"ql": ("quoc", "lo"), "dt": ("duong", "tinh"), "dh": ("duong", "huyen")}


def _road_words(tokens: Sequence[str]) -> list[str]:
    """*tokens* with each road key spelled out by its class ("ql28c" → "quoc lo ql28c"): the
    class of a road (national, provincial) is a cue of who is competent for it."""
    out: list[str] = []
    for token in tokens:
        if _ROAD_TOKEN.match(token):
            out.extend(_ROAD_CLASS_WORDS[token[:2]])
        out.append(token)
    return out


# Who a petition asks: a request verb, then (after words such as "UBND", "chính quyền",
# "các cơ quan") the level of the body asked. "Kính gửi" is left out: a petition is
# addressed to the body that receives it, which is not the one competent to answer.
_REQUEST_WORDS = (("de", "nghi"), ("kien", "nghi"), ("yeu", "cau"), ("xin",), ("mong",))
_ADDRESS_FILLERS = frozenset(
    "uy ban nhan dan chinh quyen cac co quan cap lanh dao ban nganh chuc nang cua".split()  # noqa: SIM905
)
_ADDRESSEES = (
    (("trung", "uong"), "trung ương"),
    (("chinh", "phu"), "trung ương"),
    (("quoc", "hoi"), "trung ương"),
    (("nha", "nuoc"), "trung ương"),
    (("bo",), "trung ương"),
    (("tinh",), "tỉnh"),
    (("so",), "tỉnh"),
    (("xa",), "xã"),
    (("phuong",), "xã"),
)


def addressed_levels(tokens: Sequence[str]) -> dict[str, float]:
    """How often the petition asks a body of each level ("đề nghị xã …", "xin Nhà nước …",
    "đề nghị UBND tỉnh …")."""
    found = dict.fromkeys(LEVELS, 0.0)
    n = len(tokens)
    for i in range(n):
        for request in _REQUEST_WORDS:
            if tuple(tokens[i : i + len(request)]) != request:
                continue
            j = i + len(request)
            while j < n and j < i + len(request) + 6 and tokens[j] in _ADDRESS_FILLERS:
                j += 1
            for words, level in _ADDRESSEES:
                if tuple(tokens[j : j + len(words)]) == words:
                    found[level] += 1.0
                    break
    return found


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


@dataclass(frozen=True)
class LabelInputs:
    """What the field and level models read about one text.

    ``sparse``: hashed words and bigrams. ``dense``: the log of each field's and level's
    lexicon score, the level of an agency the text names and the level of the body it asks,
    each with its own weight per class. ``field_tied`` (fields × groups) and ``level_tied``
    (levels × groups): the same evidence laid out per class, weighed by one coefficient per
    group shared by all classes (:class:`~phoihop.text.learn.LabelModel`).
    """

    sparse: dict[int, float]
    dense: np.ndarray
    field_tied: np.ndarray
    level_tied: np.ndarray


def label_inputs(tokens: Sequence[str], whole: Sequence[str] | None = None) -> LabelInputs:
    """:class:`LabelInputs` of a text's content tokens (of its main issue).

    The body asked is read in the *whole* text when given: the request that closes the
    main issue often follows the break that ends it ("…nước xoáy; đề nghị xã bố trí…").
    """
    fields, levels = token_lexicon_scores(tokens)
    words = [t for t in tokens if t not in STOPWORDS and len(t) > 1]
    terms = ["u:" + t for t in words]
    terms += [f"b:{a}_{b}" for a, b in itertools.pairwise(tokens)]
    agency = named_agency(" " + " ".join(tokens) + " ")
    field_lexicon = [np.log1p(fields.get(name, 0.0)) for name in lexicons.FIELDS]
    level_lexicon = [np.log1p(levels[level]) for level in LEVELS]
    agency_level = [float(bool(agency) and _agency_level(agency) == level) for level in LEVELS]
    asked = addressed_levels(tokens if whole is None else whole)
    asked_level = [np.log1p(asked[level]) for level in LEVELS]
    return LabelInputs(
        sparse=hashed(terms),
        dense=np.array(field_lexicon + level_lexicon + agency_level + asked_level),
        field_tied=np.array([field_lexicon]).T,
        level_tied=np.array([level_lexicon, agency_level, asked_level]).T,
    )


def label_probabilities(
    token_lists: Sequence[Sequence[str]],
    models: tuple[LabelModel, LabelModel] | None = None,
    wholes: Sequence[Sequence[str]] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Field and level probabilities (rows in :data:`~lexicons.FIELDS`, :data:`LEVELS` order)
    of texts given by the tokens of their main issue, and of the *wholes* when the main
    issue is not the whole (:func:`label_inputs`).

    *models* default to those shipped with the engine.
    """
    if models is None:
        _pair, field_model, level_model = default_models()
    else:
        field_model, level_model = models
    inputs = [
        label_inputs(tokens, None if wholes is None else wholes[k])
        for k, tokens in enumerate(token_lists)
    ]
    sparse_rows = [i.sparse for i in inputs]
    dense = np.array([i.dense for i in inputs]).reshape(len(inputs), -1)
    field_p = field_model.probabilities(
        sparse_rows,
        dense,
        tied_scores([i.field_tied for i in inputs], lexicons.FIELDS, field_model),
    )
    level_p = level_model.probabilities(
        sparse_rows, dense, tied_scores([i.level_tied for i in inputs], LEVELS, level_model)
    )
    return _reorder(field_p, field_model, lexicons.FIELDS), _reorder(level_p, level_model, LEVELS)


def tied_scores(
    per_text: Sequence[np.ndarray], order: Sequence[str], model: LabelModel | Sequence[str]
) -> np.ndarray:
    """Tied scores of the texts, (texts × classes × groups), classes in the order of *model*'s
    labels (or of the labels given)."""
    labels = model.labels if isinstance(model, LabelModel) else model
    columns = [order.index(label) for label in labels]
    if not per_text:
        return np.zeros((0, len(labels), 0))
    return np.stack(per_text)[:, columns, :]


def _reorder(p: np.ndarray, model: LabelModel, order: Sequence[str]) -> np.ndarray:
    out = np.zeros((p.shape[0], len(order)))
    for k, label in enumerate(model.labels):
        out[:, order.index(label)] = p[:, k]
    return out


def suggest(
    text: str,
    *,
    commune: str = "",
    tokens: list[str] | None = None,
    probabilities: tuple[np.ndarray, np.ndarray] | None = None,
) -> Suggestion:
    """Suggest field, level and agency for one petition text.

    *tokens* are the text's :func:`~phoihop.text.features.content_tokens` when the caller has
    them already; *probabilities* its field and level probabilities
    (:func:`label_probabilities`), computed here when not given.
    """
    tokens = content_tokens(respell(text)) if tokens is None else tokens
    folded = " " + " ".join(tokens) + " "
    if probabilities is None:
        field_p, level_p = label_probabilities([tokens])
        probabilities = (field_p[0], level_p[0])
    fields = {name: float(p) for name, p in zip(lexicons.FIELDS, probabilities[0], strict=True)}
    levels = {name: float(p) for name, p in zip(LEVELS, probabilities[1], strict=True)}
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
