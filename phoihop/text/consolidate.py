"""Group voter petitions that raise the same issue, and say why each one is in its group.

Pipeline (no Django):

1. Analysis, once per distinct (text, commune), in a fixed order (sorted by text), so the
   input's order and repeated petitions change nothing: what a petition says (folded content
   words and bigrams, the second issue weighing less), typed names, roads, kinds of problem
   (:mod:`phoihop.text.features`); character 4-grams; one-deletion keys of each syllable
   (one typo apart still matches); the accented words when the text has diacritics; field
   and level probabilities (:mod:`phoihop.text.classify`).
2. Candidates: each text keeps its ``neighbours`` best others by a blocking product over
   selective terms (document frequency under a cap), names and typo keys; the pair is kept
   when either side chose it, ties broken by position.
3. Score: a logistic regression over transferable features of the pair
   (:data:`~phoihop.text.learn.PAIR_FEATURES`) gives the probability that two petitions
   raise one issue; trained on two provinces (``python -m bench.train``). Constraints come
   before it: different roads or different named things of one kind never merge, and two
   commune-level petitions from different communes are two issues.
4. Grouping: average linkage over the pairs that were scored (a missing pair is not counted
   as zero but lowers the linkage through ``coverage_power``), in rounds of mutual best
   pairs, refusing merges across conflicting things and officials' cannot-link decisions;
   must-link decisions join first.
5. Each petition carries its evidence: the member it joined through, the score and what
   they share; each group its cohesion and weakly attached members, and a field, level
   and agency from its members' probabilities.

Run without Django: ``python -m phoihop.text.consolidate FILE.jsonl``.
"""

from __future__ import annotations

import json
import math
import re
import sys
from array import array
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np
from scipy import sparse

from phoihop.text.classify import LEVELS, Suggestion, label_probabilities, suggest
from phoihop.text.features import (
    STOPWORDS,
    PetitionFeatures,
    build_gazetteer,
    extract_entities,
    petition_features,
)
from phoihop.text.learn import PAIR_FEATURES, LabelModel, PairModel, default_models
from phoihop.text.lexicons import PROBLEM_KINDS
from phoihop.text.normalize import fold, nfc

# Kinds of named things that tell two issues apart when they differ.
DISTINGUISHING_KINDS = frozenset({"school", "project", "company", "hospital", "site", "market"})
# Places named in a text: different ones count against a pair (softly: one issue can span
# several villages along a road or a river).
PLACE_KINDS = frozenset({"hamlet", "commune"})


@dataclass(frozen=True)
class Petition:
    """One petition as read from a JSON line."""

    id: str
    text: str
    meeting: str = ""
    commune: str = ""
    channel: str = ""


@dataclass(frozen=True)
class Params:
    """Settings of the engine; the pair score itself is learned (:class:`PairModel`)."""

    threshold: float | None = None  # None: the pair model's calibrated threshold
    coverage_power: float = 0.5
    local_place_veto: bool = True
    # The commune-level veto needs a confident level: a petition the level model only leans
    # to call local (a hamlet named, the commune asked) often raises a provincial issue.
    local_confidence: float = 0.7
    problem_veto: bool = True
    min_wording: float = 0.12  # a pair must share this much wording (word or 4-gram cosine)
    later_weight: float = 0.3
    bigram_weight: float = 0.5
    neighbours: int = 30
    df_cap_ratio: float = 0.02
    df_cap_min: int = 40


@dataclass
class Models:
    """The learned parts of the engine: pair score, field and level."""

    pair: PairModel
    field: LabelModel
    level: LabelModel

    @classmethod
    def default(cls) -> Models:
        return cls(*default_models())


@dataclass
class Evidence:
    """Why a petition is in its group: the member it joined through, the score, what they share."""

    joined_via: str | None = None
    score: float = 0.0
    shared: list[str] = field(default_factory=list)
    weak: bool = False

    def as_dict(self) -> dict[str, object]:
        return {
            "joined_via": self.joined_via,
            "score": round(self.score, 3),
            "shared": self.shared,
            "weak": self.weak,
        }


@dataclass
class Group:
    """A set of petitions judged to raise one issue, with the evidence that ties each member."""

    key: str
    members: list[int]
    shared_roads: list[str] = field(default_factory=list)
    shared_names: list[str] = field(default_factory=list)
    shared_terms: list[str] = field(default_factory=list)
    suggestion: Suggestion | None = None
    cohesion: float = 1.0
    weak_members: list[int] = field(default_factory=list)

    def explanation(self) -> str:
        """One line a person can check: what the members have in common."""
        parts = []
        if self.shared_roads:
            parts.append("đường: " + ", ".join(self.shared_roads))
        if self.shared_names:
            parts.append("tên: " + ", ".join(self.shared_names))
        if self.shared_terms:
            parts.append("từ khóa: " + ", ".join(self.shared_terms))
        if len(self.members) > 1:
            parts.append(f"độ gắn kết {self.cohesion:.2f}")
        if self.weak_members:
            parts.append(f"{len(self.weak_members)} kiến nghị gắn yếu")
        return "; ".join(parts) or "một kiến nghị"


@dataclass
class Result:
    """Outcome of a consolidation run: groups and, per input petition, its group and evidence."""

    petitions: list[Petition]
    groups: list[Group]
    group_of: list[int]
    evidence: list[Evidence] = field(default_factory=list)

    def rows(self) -> Iterable[dict[str, object]]:
        """One output record per input petition, in input order."""
        for index, petition in enumerate(self.petitions):
            group = self.groups[self.group_of[index]]
            suggestion = group.suggestion
            assert suggestion is not None  # noqa: S101 - set for every group by consolidate()
            row: dict[str, object] = {
                "id": petition.id,
                "group": group.key,
                "field": suggestion.field,
                "level": suggestion.level,
                "agency": suggestion.agency,
            }
            if self.evidence:
                row["group_size"] = len(group.members)
                row["group_cohesion"] = round(group.cohesion, 3)
                row["evidence"] = self.evidence[index].as_dict()
            yield row


# --- analysis -----------------------------------------------------------------------------


@dataclass
class Analysis:
    """Everything compared about each distinct (text, commune), in sorted order."""

    keys: list[tuple[str, str]]
    features: list[PetitionFeatures]
    word: sparse.csr_matrix
    word_df: np.ndarray
    chars: sparse.csr_matrix
    fuzzy: sparse.csr_matrix
    fuzzy_df: np.ndarray
    accent: sparse.csr_matrix
    accented: np.ndarray
    names: sparse.csr_matrix
    field_p: np.ndarray
    level_p: np.ndarray
    communes: np.ndarray
    details: list[dict[str, set[str]]]
    problems: np.ndarray
    lengths: np.ndarray
    places: list[frozenset[str]]

    def local(self, confidence: float) -> np.ndarray:
        """Whether each text is the commune's with at least this probability."""
        return self.level_p[:, LEVELS.index("xã")] >= confidence


def analyse(
    keys: Sequence[tuple[str, str]], models: Models, params: Params, places: Sequence[str] = ()
) -> Analysis:
    """Analyse distinct (text, commune) pairs; *places* are all communes (for the gazetteer)."""
    entity_lists = [extract_entities(text) for text, _ in keys]
    gazetteer = build_gazetteer(entity_lists, places or [c for _, c in keys])
    features = [
        petition_features(text, gazetteer, entities)
        for (text, _), entities in zip(keys, entity_lists, strict=True)
    ]
    fix = _typo_corrections(f.tokens for f in features)
    field_p, level_p = label_probabilities(
        [[fix.get(t, t) for t in f.main_tokens] for f in features], (models.field, models.level)
    )
    word_counts, _ = _term_counts(_word_terms(f, params, fix) for f in features)
    word, word_df = _weigh(word_counts)
    chars, _ = _weigh(
        _term_counts(_char_grams([fix.get(t, t) for t in f.main_tokens]) for f in features)[0]
    )
    fuzzy_counts, _ = _term_counts(_deletion_keys(f.tokens) for f in features)
    fuzzy, fuzzy_df = _weigh(fuzzy_counts)
    accent_rows = [_accented_words(text, fix) for text, _ in keys]
    accent, _ = _weigh(_term_counts(accent_rows)[0])
    names, _ = _weigh(
        _term_counts(
            {"n:" + _fix_words(e.name, fix): 1.0 for e in f.entities}
            | {"r:" + r: 1.0 for r in f.roads}
            for f in features
        )[0]
    )
    folded_communes = [fold(c) for _, c in keys]
    return Analysis(
        keys=list(keys),
        features=features,
        word=word,
        word_df=word_df,
        chars=chars,
        fuzzy=fuzzy,
        fuzzy_df=fuzzy_df,
        accent=accent,
        accented=np.array([bool(row) for row in accent_rows]),
        names=names,
        field_p=field_p,
        level_p=level_p,
        communes=_codes(folded_communes),
        details=[_distinguishing(f) for f in features],
        problems=_problem_masks(features),
        lengths=np.array([max(1, len(f.main_tokens)) for f in features], dtype=np.float64),
        places=[
            frozenset(_fix_words(e.name, fix) for e in f.entities if e.kind in PLACE_KINDS)
            for f in features
        ],
    )


# The shape of a folded Vietnamese syllable: onset, vowels, coda; a trailing "x" marks a
# sense resolved from diacritics ("chox" for chợ). A token of another shape is a typo or a
# foreign word.
_SYLLABLE = re.compile(
    r"(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdghklmnprstvx])?"
    r"(?:ieu|yeu|oai|oay|oeo|uay|uoi|uou|uya|uye|uyu"
    r"|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uy|ya|ye|[aeiouy])"
    r"(?:ch|ng|nh|[cmnpt])?x?"
)


def is_syllable(token: str) -> bool:
    """Whether *token* has the shape of a folded Vietnamese syllable."""
    return _SYLLABLE.fullmatch(token) is not None


def _typo_corrections(token_lists: Iterable[Iterable[str]]) -> dict[str, str]:
    """Rare syllables one edit away from a syllable far more frequent in the same corpus,
    mapped to it: "hogn" → "hong" when "hong" is common and "hogn" is not.

    A rare token that cannot be a Vietnamese syllable ("tiien", "nghei") is corrected to
    the most frequent well-formed one edit away that occurs at least twice, even when that
    one is itself not common. Found through deletion keys (a syllable and each one-letter
    deletion of it), so the cost is linear in the vocabulary.
    """
    df: Counter[str] = Counter(t for tokens in token_lists for t in set(tokens))
    by_key: dict[str, list[str]] = defaultdict(list)
    for token, count in df.items():
        if count >= 2 and len(token) >= 2 and not token.isdigit() and is_syllable(token):
            for key in _deletions(token):
                by_key[key].append(token)
    fix: dict[str, str] = {}
    for token, count in df.items():
        if len(token) < 3 or token.isdigit() or count > 2:
            continue
        needed = count + 1 if not is_syllable(token) else max(3, 5 * count)
        options = {
            other
            for key in _deletions(token)
            for other in by_key.get(key, ())
            if other != token and df[other] >= needed and _one_edit(token, other)
        }
        if options:
            fix[token] = max(options, key=lambda other: (df[other], other))
    return fix


def _fix_words(name: str, fix: dict[str, str]) -> str:
    return " ".join(fix.get(word, word) for word in name.split())


@lru_cache(maxsize=262144)
def _deletions(token: str) -> frozenset[str]:
    """*token* and each one-letter deletion of it (cached: syllables repeat across texts)."""
    return frozenset({token} | {token[:k] + token[k + 1 :] for k in range(len(token))})


def _word_terms(
    features: PetitionFeatures, params: Params, fix: dict[str, str] | None = None
) -> dict[str, float]:
    """Weighted term counts for one petition (before IDF): main issue, later issue, roads.

    *fix* maps typos to the syllable meant (:func:`_typo_corrections`).
    """
    fix = fix or {}

    def fixed(term: str) -> str:
        return "_".join(fix.get(part, part) for part in term.split("_")) if fix else term

    counts: dict[str, float] = defaultdict(float)
    for term in features.terms:
        counts["w:" + fixed(term)] += params.bigram_weight if "_" in term else 1.0
    for term in features.later_terms:
        weight = params.bigram_weight if "_" in term else 1.0
        counts["w:" + fixed(term)] += params.later_weight * weight
    for road in features.roads:
        counts["r:" + road] += 1.0
    return counts


def _char_grams(tokens: Sequence[str]) -> dict[str, float]:
    """Character 4-grams of the content words (across word boundaries)."""
    text = " " + " ".join(t for t in tokens if t not in STOPWORDS) + " "
    counts: dict[str, float] = defaultdict(float)
    for k in range(len(text) - 3):
        counts[text[k : k + 4]] += 1.0
    return counts


def _deletion_keys(tokens: Sequence[str]) -> dict[str, float]:
    """Each content syllable and its one-deletion variants: one edit apart shares a key."""
    counts: dict[str, float] = defaultdict(float)
    for token in set(tokens):
        if token in STOPWORDS or len(token) < 3 or token.isdigit():
            continue
        for variant in _deletions(token):
            counts[variant] += 1.0
    return counts


def _accented_words(text: str, fix: dict[str, str] | None = None) -> dict[str, float]:
    """Lower-case accented content words of a text typed with diacritics (else nothing).

    A word whose folded form is a typo (*fix*) or no Vietnamese syllable is left out: its
    accents cannot be trusted, and the folded comparisons already read it corrected.
    """
    text = nfc(text)
    if text.isascii():
        return {}
    fix = fix or {}
    counts: dict[str, float] = defaultdict(float)
    for word in text.lower().split():
        word = word.strip(".,;:!?()[]\"“”'–-")
        folded = fold(word)
        if len(word) > 1 and folded not in STOPWORDS and folded not in fix:
            if folded.isalpha() and not is_syllable(folded):
                continue
            counts[word] += 1.0
    return counts


def _tfidf(rows: list[dict[str, float]]) -> tuple[sparse.csr_matrix, np.ndarray, list[str]]:
    """Sublinear-TF, smoothed-IDF, L2-normalised matrix; also document frequencies."""
    counts, terms = _term_counts(rows)
    matrix, df = _weigh(counts)
    return matrix, df, terms


def _term_counts(rows: Iterable[dict[str, float]]) -> tuple[sparse.csr_matrix, list[str]]:
    """One row per dict with its sublinear term frequencies; the terms of the columns.

    *rows* may be a generator: each dict is dropped once read.
    """
    vocabulary: dict[str, int] = {}
    # Typed arrays, not lists: at 100,000 texts the 4-gram rows alone hold about 20 million
    # entries, which as Python ints and floats would take over a gigabyte.
    indptr, indices, values = array("q", [0]), array("q"), array("f")
    for row in rows:
        for term, count in row.items():
            indices.append(vocabulary.setdefault(term, len(vocabulary)))
            values.append(1.0 + math.log(count) if count >= 1 else count)
        indptr.append(len(indices))
    shape = (len(indptr) - 1, max(1, len(vocabulary)))
    matrix = sparse.csr_matrix(
        (
            np.frombuffer(values, dtype=np.float32),
            np.frombuffer(indices, dtype=np.int64),
            np.frombuffer(indptr, dtype=np.int64),
        ),
        shape=shape,
    )
    return matrix, list(vocabulary)


def _weigh(counts: sparse.csr_matrix) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Smoothed-IDF, L2-normalised rows of a term-frequency matrix; also document frequencies."""
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = np.log((1 + counts.shape[0]) / (1 + df)).astype(np.float32) + 1.0
    matrix = counts @ sparse.diags(idf)
    norms = np.sqrt(matrix.multiply(matrix).sum(axis=1)).A1
    norms[norms == 0] = 1.0
    matrix = sparse.diags((1.0 / norms).astype(np.float32)) @ matrix
    return matrix.tocsr(), df


# --- candidates and pair features --------------------------------------------------------


def candidate_pairs(analysis: Analysis, params: Params) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j) where either side has the other among its ``neighbours`` best.

    Blocking reads selective words, typo keys (document frequency between 2 and a cap) and
    names; a term above the cap is left out of this step only. Ties go to the lower position,
    and positions follow sorted text, so the result does not depend on the input's order.
    """
    n = analysis.word.shape[0]
    cap = max(params.df_cap_min, int(params.df_cap_ratio * n))
    parts = [analysis.word[:, np.flatnonzero((analysis.word_df >= 2) & (analysis.word_df <= cap))]]
    fuzzy_cols = np.flatnonzero((analysis.fuzzy_df >= 2) & (analysis.fuzzy_df <= cap))
    parts.append(analysis.fuzzy[:, fuzzy_cols] * 0.5)
    parts.append(analysis.names)
    blocking = sparse.hstack(parts).tocsr()
    blocking_t = blocking.T.tocsr()
    rows_out, cols_out = [], []
    chunk = 2000
    k = params.neighbours
    for start in range(0, n, chunk):
        product = (blocking[start : start + chunk] @ blocking_t).tocsr()
        for offset in range(product.shape[0]):
            i = start + offset
            lo, hi = product.indptr[offset], product.indptr[offset + 1]
            cols, vals = product.indices[lo:hi], product.data[lo:hi]
            keep = cols != i
            cols, vals = cols[keep], vals[keep]
            if len(cols) > k:
                order = np.lexsort((cols, -vals))[:k]
                cols = cols[order]
            rows_out.append(np.full(len(cols), i, dtype=np.int64))
            cols_out.append(cols.astype(np.int64))
    if not rows_out:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    a, b = np.concatenate(rows_out), np.concatenate(cols_out)
    key = np.unique(np.minimum(a, b) * n + np.maximum(a, b))
    return key // n, key % n


def _row_dots(matrix: sparse.csr_matrix, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Dot product of rows[k] and cols[k] of *matrix*, for every k."""
    out = np.zeros(len(rows), dtype=np.float64)
    chunk = 100_000
    for start in range(0, len(rows), chunk):
        a, b = rows[start : start + chunk], cols[start : start + chunk]
        out[start : start + chunk] = np.asarray(matrix[a].multiply(matrix[b]).sum(axis=1)).ravel()
    return out


def pair_features(analysis: Analysis, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """One row of :data:`~phoihop.text.learn.PAIR_FEATURES` per pair."""
    word = _row_dots(analysis.word, rows, cols)
    chars = _row_dots(analysis.chars, rows, cols)
    fuzzy = _row_dots(analysis.fuzzy, rows, cols)
    both_accented = analysis.accented[rows] & analysis.accented[cols]
    accent = np.where(both_accented, _row_dots(analysis.accent, rows, cols), word)
    shared_name = _row_dots(analysis.names, rows, cols) > 0
    _conflicting, same_thing = _thing_relations(analysis.details, rows, cols)
    communes = analysis.communes
    same_commune = (communes[rows] == communes[cols]) & (communes[rows] >= 0)
    field_agree = (analysis.field_p[rows] * analysis.field_p[cols]).sum(axis=1)
    level_agree = (analysis.level_p[rows] * analysis.level_p[cols]).sum(axis=1)
    problems = analysis.problems
    both_named = (problems[rows] > 0) & (problems[cols] > 0)
    share = (problems[rows] & problems[cols]) > 0
    lengths = analysis.lengths
    ratio = np.minimum(lengths[rows], lengths[cols]) / np.maximum(lengths[rows], lengths[cols])
    columns = {
        "word_cos": word,
        "char_cos": chars,
        "fuzzy_cos": fuzzy,
        "accent_cos": accent,
        "shared_name": shared_name,
        "same_thing": same_thing,
        "same_commune": same_commune,
        "field_agree": field_agree,
        "level_agree": level_agree,
        "problem_share": both_named & share,
        "problem_differ": both_named & ~share,
        "length_ratio": ratio,
        "word_x_commune": word * same_commune,
        "char_x_field": chars * field_agree,
        "thing_x_char": (shared_name | same_thing) * chars,
        "rank": _nearness(rows, cols, word + chars),
        "other_commune": (communes[rows] != communes[cols])
        & (communes[rows] >= 0)
        & (communes[cols] >= 0),
        "other_place": _place_relations(analysis.places, rows, cols),
    }
    return np.column_stack([np.asarray(columns[name], dtype=np.float64) for name in PAIR_FEATURES])


def _place_relations(
    places: Sequence[frozenset[str]], rows: np.ndarray, cols: np.ndarray
) -> np.ndarray:
    """Per pair: both texts name places and none of one's places is one of the other's."""
    code = _codes([p if p else "" for p in places])
    both = np.flatnonzero((code[rows] >= 0) & (code[cols] >= 0))
    out = np.zeros(len(rows), dtype=bool)
    if not len(both):
        return out
    width = int(code.max()) + 1
    example = np.zeros(width, dtype=np.int64)
    example[code[code >= 0]] = np.flatnonzero(code >= 0)
    unique, inverse = np.unique(code[rows[both]] * width + code[cols[both]], return_inverse=True)
    differ = np.array(
        [
            not any(
                _same_thing(x, y)
                for x in places[example[key // width]]
                for y in places[example[key % width]]
            )
            for key in unique.tolist()
        ],
        dtype=bool,
    )
    out[both] = differ[inverse]
    return out


def _nearness(rows: np.ndarray, cols: np.ndarray, similarity: np.ndarray) -> np.ndarray:
    """1 / (1 + r), r the better of the two ranks: where each side ranks the other among its
    candidates by *similarity* (0 = its nearest; ties to the lower position)."""
    m = len(rows)
    if not m:
        return np.zeros(0)
    ends = np.concatenate([rows, cols])
    others = np.concatenate([cols, rows])
    sims = np.concatenate([similarity, similarity])
    order = np.lexsort((others, -sims, ends))
    sorted_ends = ends[order]
    starts = np.searchsorted(sorted_ends, sorted_ends, side="left")
    rank = np.empty(2 * m)
    rank[order] = np.arange(2 * m) - starts
    return 1.0 / (1.0 + np.minimum(rank[:m], rank[m:]))


def vetoed(analysis: Analysis, rows: np.ndarray, cols: np.ndarray, params: Params) -> np.ndarray:
    """Pairs that may never merge: different roads or named things of one kind; with
    ``local_place_veto`` two petitions from two different communes that are both the
    commune's (level probability at least ``local_confidence``); with
    ``problem_veto`` two petitions naming different kinds of problem and none in common."""
    conflicting, _same = _thing_relations(analysis.details, rows, cols)
    if params.local_place_veto:
        communes, local = analysis.communes, analysis.local(params.local_confidence)
        other_place = (communes[rows] != communes[cols]) & (communes[rows] >= 0)
        other_place &= communes[cols] >= 0
        conflicting |= other_place & local[rows] & local[cols]
    if params.problem_veto:
        problems = analysis.problems
        both_named = (problems[rows] > 0) & (problems[cols] > 0)
        conflicting |= both_named & ((problems[rows] & problems[cols]) == 0)
    return conflicting


def _distinguishing(features: PetitionFeatures) -> dict[str, set[str]]:
    """Named things per distinguishing kind, plus roads under the kind ``road``."""
    out: dict[str, set[str]] = defaultdict(set)
    for entity in features.entities:
        if entity.kind in DISTINGUISHING_KINDS:
            out[entity.kind].add(entity.name)
    if features.roads:
        out["road"].update(features.roads)
    return out


def _same_thing(x: str, y: str) -> bool:
    """Two folded names denote one thing when one's words contain the other's, a word
    matching another one typo apart.

    "thanh loi phat" and "may thanh loi phat" match, and so do "tan phuoc" and "tan phuco";
    "phu lam 1" and "phu lam 2" do not.
    """
    a, b = x.split(), y.split()
    if len(a) > len(b):
        a, b = b, a
    return all(any(_one_edit(word, other) for other in b) for word in a)


def _one_edit(a: str, b: str) -> bool:
    """Whether *a* and *b* are equal or one edit apart (the longer of three letters or more)."""
    if a == b:
        return True
    if max(len(a), len(b)) < 3 or a.isdigit() or b.isdigit() or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    if len(a) > len(b):
        a, b = b, a
    return any(b[:k] + b[k + 1 :] == a for k in range(len(b)))


def shares_thing(a: dict[str, set[str]], b: dict[str, set[str]]) -> bool:
    """True when *a* and *b* name one same road or distinguishing thing."""
    for kind, names in a.items():
        others = b.get(kind)
        if others and any(_same_thing(x, y) for x in names for y in others):
            return True
    return False


def conflicts(a: dict[str, set[str]], b: dict[str, set[str]]) -> bool:
    """True when *a* and *b* name different things of the same kind and share none of them."""
    for kind, names in a.items():
        others = b.get(kind)
        if others and not any(_same_thing(x, y) for x in names for y in others):
            return True
    return False


def _thing_relations(
    details: Sequence[dict[str, set[str]]], rows: np.ndarray, cols: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Per pair: whether the two name different things of one kind, and whether they share one.

    Petitions of one issue mostly name the same things, so each distinct pair of
    :func:`_distinguishing` values is judged once.
    """
    keys = [
        tuple(sorted((kind, tuple(sorted(names))) for kind, names in d.items())) if d else ""
        for d in details
    ]
    code = _codes(keys)
    both = np.flatnonzero((code[rows] >= 0) & (code[cols] >= 0))
    conflicting = np.zeros(len(rows), dtype=bool)
    same_thing = np.zeros(len(rows), dtype=bool)
    if not len(both):
        return conflicting, same_thing
    width = int(code.max()) + 1
    example = np.zeros(width, dtype=np.int64)  # a petition with each distinct value
    example[code[code >= 0]] = np.flatnonzero(code >= 0)
    unique, inverse = np.unique(code[rows[both]] * width + code[cols[both]], return_inverse=True)
    unique_conflict = np.zeros(len(unique), dtype=bool)
    unique_same = np.zeros(len(unique), dtype=bool)
    for k, key in enumerate(unique.tolist()):
        a, b = details[example[key // width]], details[example[key % width]]
        unique_conflict[k] = conflicts(a, b)
        unique_same[k] = not unique_conflict[k] and shares_thing(a, b)
    conflicting[both] = unique_conflict[inverse]
    same_thing[both] = unique_same[inverse]
    return conflicting, same_thing


def _problem_masks(features: Sequence[PetitionFeatures]) -> np.ndarray:
    """One bit per kind of problem a petition names (0: none recognised)."""
    bits = {kind: 1 << k for k, kind in enumerate(PROBLEM_KINDS)}
    return np.array([sum(bits[kind] for kind in f.problems) for f in features], dtype=np.int64)


def _codes(values: Sequence[Hashable]) -> np.ndarray:
    """An integer code per value; the empty string is -1."""
    codes: dict[Hashable, int] = {"": -1}
    return np.array([codes.setdefault(v, len(codes) - 1) for v in values], dtype=np.int64)


# --- grouping -----------------------------------------------------------------------------


def average_linkage(
    n: int,
    rows: np.ndarray,
    cols: np.ndarray,
    scores: np.ndarray,
    details: Sequence[dict[str, set[str]]],
    params: Params,
    *,
    must_link: Sequence[tuple[int, int]] = (),
    cannot_link: Sequence[tuple[int, int]] = (),
) -> list[int]:
    """Agglomerate over the sparse graph of scored pairs; return a cluster label per item.

    The linkage of two clusters is the mean score of the pairs scored between them, times
    ``(scored pairs / (|A|·|B|)) ** coverage_power``: a pair that was never a candidate is
    not taken as evidence against the merge, but a merge carried by few pairs weighs less.
    Merges stop under the threshold; a merge that would join different roads or named
    things, or two items of a *cannot_link* pair, is refused. *must_link* pairs join first.

    Merges go in rounds: two clusters that are each other's best merge (ties to the lower
    positions), so the result depends on the items' positions only, never on the input order.
    """
    keep = scores > 0
    edges = _LinkGraph(rows[keep], cols[keep], scores[keep].astype(np.float64), n)
    size = np.ones(n, dtype=np.float64)
    label = np.arange(n)
    detail = list(details)  # a merged cluster gets a new dict: *details* stay as they are
    forbidden: dict[int, set[int]] = defaultdict(set)  # cluster -> clusters it may not join
    for x, y in cannot_link:
        forbidden[x].add(y)
        forbidden[y].add(x)

    def join(a: int, b: int, merged: np.ndarray) -> None:
        merged[b] = a
        size[a] += size[b]
        detail[a] = {
            kind: detail[a].get(kind, set()) | detail[b].get(kind, set())
            for kind in detail[a].keys() | detail[b].keys()
        }
        detail[b] = {}
        forbidden[a] |= forbidden.pop(b, set())
        for other in forbidden[a]:
            forbidden[other].discard(b)
            forbidden[other].add(a)

    for x, y in sorted(must_link):
        a, b = sorted((int(label[x]), int(label[y])))
        if a != b:
            merged = np.arange(n)
            join(a, b, merged)
            edges.relabel(merged)
            label = merged[label]
    while True:
        pairs = edges.mutual_best(size, params)
        if not len(pairs):
            break
        merged = np.arange(n)
        for k in pairs.tolist():
            a, b = int(edges.a[k]), int(edges.b[k])
            if b in forbidden.get(a, ()) or conflicts(detail[a], detail[b]):
                edges.blocked[k] = True
                continue
            join(a, b, merged)
        edges.relabel(merged)
        label = merged[label]
    return label.tolist()


class _LinkGraph:
    """Edges between clusters as arrays: ends ``a < b``, summed score, pair count, refused."""

    def __init__(self, a: np.ndarray, b: np.ndarray, weight: np.ndarray, n: int) -> None:
        self.n = n
        self.a, self.b = np.minimum(a, b), np.maximum(a, b)
        self.weight = weight
        self.count = np.ones(len(a), dtype=np.float64)
        self.blocked = np.zeros(len(a), dtype=bool)
        self._merge_duplicates(np.arange(len(a)))

    def linkage(self, size: np.ndarray, params: Params) -> np.ndarray:
        coverage = self.count / (size[self.a] * size[self.b])
        return self.weight / self.count * coverage**params.coverage_power

    def mutual_best(self, size: np.ndarray, params: Params) -> np.ndarray:
        """Open edges at or above the threshold that are the best edge of both their ends."""
        linkage = self.linkage(size, params)
        threshold = 0.5 if params.threshold is None else params.threshold
        open_edges = np.flatnonzero((linkage >= threshold) & ~self.blocked)
        order = open_edges[
            np.lexsort((self.b[open_edges], self.a[open_edges], -linkage[open_edges]))
        ]
        rank = np.arange(len(order))
        best = np.full(self.n, len(order))
        np.minimum.at(best, self.a[order], rank)
        np.minimum.at(best, self.b[order], rank)
        return order[(best[self.a[order]] == rank) & (best[self.b[order]] == rank)]

    def relabel(self, merged: np.ndarray) -> None:
        """Point edges of absorbed clusters at their new cluster and add up parallel edges."""
        changed = merged != np.arange(self.n)
        changed[merged[changed]] = True
        touched = np.flatnonzero(changed[self.a] | changed[self.b])
        a, b = merged[self.a[touched]], merged[self.b[touched]]
        self.a[touched], self.b[touched] = np.minimum(a, b), np.maximum(a, b)
        self._merge_duplicates(touched)

    def _merge_duplicates(self, subset: np.ndarray) -> None:
        """Sum edges of *subset* joining the same two clusters; drop edges inside one."""
        a, b = self.a[subset], self.b[subset]
        weight, count, blocked = self.weight[subset], self.count[subset], self.blocked[subset]
        inside = a == b
        key = a.astype(np.int64) * self.n + b
        unique, inverse = np.unique(key[~inside], return_inverse=True)
        summed = np.bincount(inverse, weights=weight[~inside], minlength=len(unique))
        counted = np.bincount(inverse, weights=count[~inside], minlength=len(unique))
        refused = np.bincount(inverse, weights=blocked[~inside], minlength=len(unique)) > 0
        keep = np.ones(len(self.a), dtype=bool)
        keep[subset] = False
        self.a = np.concatenate([self.a[keep], unique // self.n])
        self.b = np.concatenate([self.b[keep], unique % self.n])
        self.weight = np.concatenate([self.weight[keep], summed])
        self.count = np.concatenate([self.count[keep], counted])
        self.blocked = np.concatenate([self.blocked[keep], refused])


# --- the whole run ------------------------------------------------------------------------


@dataclass
class Scored:
    """Distinct texts with their scored candidate pairs (what training and grouping share)."""

    analysis: Analysis
    of_petition: np.ndarray
    rows: np.ndarray
    cols: np.ndarray
    features: np.ndarray
    scores: np.ndarray


def score_petitions(petitions: Sequence[Petition], models: Models, params: Params) -> Scored:
    """Analyse the distinct texts of *petitions* and score their candidate pairs."""
    keys = sorted({(p.text, p.commune) for p in petitions})
    position = {key: k for k, key in enumerate(keys)}
    of_petition = np.array([position[(p.text, p.commune)] for p in petitions], dtype=np.int64)
    analysis = analyse(keys, models, params, sorted({p.commune for p in petitions}))
    rows, cols = candidate_pairs(analysis, params)
    features = pair_features(analysis, rows, cols)
    scores = models.pair.probability(features)
    wording = np.maximum(
        features[:, PAIR_FEATURES.index("word_cos")], features[:, PAIR_FEATURES.index("char_cos")]
    )
    blocked = vetoed(analysis, rows, cols, params) | (wording < params.min_wording)
    scores = np.where(blocked, 0.0, scores).astype(np.float32)
    return Scored(analysis, of_petition, rows, cols, features, scores)


def consolidate(
    petitions: Sequence[Petition],
    params: Params | None = None,
    *,
    models: Models | None = None,
    must_link: Sequence[tuple[str, str]] = (),
    cannot_link: Sequence[tuple[str, str]] = (),
) -> Result:
    """Group *petitions* by issue, with evidence per petition and a field/level/agency per group.

    *must_link* and *cannot_link* are officials' decisions as pairs of petition ids: the
    first are always grouped together, the second never.
    """
    models = models or Models.default()
    params = params or Params()
    if params.threshold is None:
        params = replace(params, threshold=models.pair.threshold)
    scored = score_petitions(petitions, models, params)
    analysis, of_petition = scored.analysis, scored.of_petition
    index_of = {p.id: k for k, p in enumerate(petitions)}
    must = [(int(of_petition[index_of[x]]), int(of_petition[index_of[y]])) for x, y in must_link]
    cannot = [
        (int(of_petition[index_of[x]]), int(of_petition[index_of[y]])) for x, y in cannot_link
    ]
    labels = average_linkage(
        len(analysis.keys),
        scored.rows,
        scored.cols,
        scored.scores,
        analysis.details,
        params,
        must_link=must,
        cannot_link=cannot,
    )
    by_label: dict[int, list[int]] = defaultdict(list)
    for index in range(len(petitions)):
        by_label[labels[of_petition[index]]].append(index)
    suggestions = _suggestions(petitions, analysis, of_petition)
    terms_df = Counter(t for f in analysis.features for t in set(f.terms))
    groups: list[Group] = []
    group_of = [0] * len(petitions)
    member_features = [analysis.features[k] for k in of_petition]
    for number, label in enumerate(sorted(by_label, key=lambda lab: by_label[lab][0]), start=1):
        group = Group(key=f"G{number:05d}", members=by_label[label])
        _shared_evidence(group, member_features, terms_df)
        group.suggestion = Suggestion.vote([suggestions[m] for m in group.members])
        for member in group.members:
            group_of[member] = len(groups)
        groups.append(group)
    evidence = _member_evidence(petitions, groups, scored, params, terms_df)
    return Result(list(petitions), groups, group_of, evidence)


def _suggestions(
    petitions: Sequence[Petition], analysis: Analysis, of_petition: np.ndarray
) -> list[Suggestion]:
    """Each petition's suggestion, computed once per distinct text."""
    distinct = [
        suggest(
            text,
            commune=commune,
            tokens=analysis.features[k].main_tokens,
            probabilities=(analysis.field_p[k], analysis.level_p[k]),
        )
        for k, (text, commune) in enumerate(analysis.keys)
    ]
    return [distinct[k] for k in of_petition]


def _member_evidence(
    petitions: Sequence[Petition],
    groups: Sequence[Group],
    scored: Scored,
    params: Params,
    terms_df: Counter,
) -> list[Evidence]:
    """For each petition, the member of its group it is tied to best, and what they share."""
    analysis, of_petition = scored.analysis, scored.of_petition
    # Only pairs inside one group can be evidence: select them with arrays first.
    group_of_text = np.full(len(analysis.keys), -1, dtype=np.int64)
    for number, group in enumerate(groups):
        group_of_text[of_petition[group.members]] = number
    inside_pairs = group_of_text[scored.rows] == group_of_text[scored.cols]
    best: dict[int, dict[int, float]] = defaultdict(dict)  # text -> other text -> score
    for a, b, s in zip(
        scored.rows[inside_pairs].tolist(),
        scored.cols[inside_pairs].tolist(),
        scored.scores[inside_pairs].tolist(),
        strict=True,
    ):
        best[a][b] = s
        best[b][a] = s
    first_id: dict[int, str] = {}
    for p, k in zip(petitions, of_petition.tolist(), strict=True):
        first_id[k] = min(first_id.get(k, p.id), p.id)
    evidence = [Evidence() for _ in petitions]
    first_member: dict[int, int] = {}  # text -> the member with the smallest id
    for member in sorted(range(len(petitions)), key=lambda m: petitions[m].id):
        first_member.setdefault(int(of_petition[member]), member)
    for group in groups:
        texts = sorted({int(of_petition[m]) for m in group.members})
        inside = set(texts)
        group_scores = [s for t in texts for u, s in best[t].items() if u in inside and u > t]
        possible = len(texts) * (len(texts) - 1) / 2
        group.cohesion = float(sum(group_scores) / possible) if possible else 1.0
        copies = Counter(int(of_petition[m]) for m in group.members)
        for member in group.members:
            own = int(of_petition[member])
            twin = first_member[own]
            if twin != member:
                evidence[member] = Evidence(petitions[twin].id, 1.0, ["cùng nội dung"])
                continue
            if copies[own] > 1 and len(texts) == 1:
                continue  # the first of identical petitions: the others join through it
            if len(texts) == 1:
                continue
            options = [(s, -u) for u, s in best[own].items() if u in inside]
            if not options:
                evidence[member] = Evidence(None, 0.0, [], weak=True)
                group.weak_members.append(member)
                continue
            score, other = max(options)
            other = -other
            weak = score < (params.threshold or 0.5)
            if weak:
                group.weak_members.append(member)
            evidence[member] = Evidence(
                first_id[other], score, _shared(analysis, own, other, terms_df), weak
            )
    return evidence


def _shared(analysis: Analysis, a: int, b: int, terms_df: Counter) -> list[str]:
    """What two texts share: roads, named things, then the rarest shared words."""
    fa, fb = analysis.features[a], analysis.features[b]
    out = [f"đường {r}" for r in sorted(set(fa.roads) & set(fb.roads))]
    names_b = {e.name: e.kind for e in fb.entities}
    out += [f"{e.kind} {e.name}" for e in fa.entities if e.name in names_b][:3]
    if analysis.communes[a] >= 0 and analysis.communes[a] == analysis.communes[b]:
        out.append("cùng xã: " + analysis.keys[a][1])
    words = (set(fa.terms) | set(fa.later_terms)) & (set(fb.terms) | set(fb.later_terms))
    ranked = sorted(words, key=lambda t: (terms_df.get(t, 0), t))
    out += [t.replace("_", " ") for t in ranked[:5]]
    return out


def _shared_evidence(group: Group, features: Sequence[PetitionFeatures], terms_df: Counter) -> None:
    """Fill the group's shared roads, names and most telling shared words."""
    size = len(group.members)
    roads = Counter(r for m in group.members for r in set(features[m].roads))
    names = Counter(n for m in group.members for n in features[m].names)
    words = Counter(
        t for m in group.members for t in set(features[m].terms) if "_" in t and t in terms_df
    )
    need = 2 if size > 1 else 1
    group.shared_roads = sorted(r for r, c in roads.items() if c >= need)[:3]
    group.shared_names = sorted(n for n, c in names.items() if c >= need)[:3]
    ranked = sorted(
        (t for t, c in words.items() if c >= max(need, math.ceil(size / 3))),
        key=lambda t: (-words[t] / math.log(2 + terms_df[t]), t),
    )
    group.shared_terms = [t.replace("_", " ") for t in ranked[:5]]


class PetitionInputError(ValueError):
    """The input file is not valid petition JSON lines; the message is for the user."""


def read_petitions(lines: Iterable[str]) -> list[Petition]:
    """Parse JSON lines into petitions.

    Raises:
        PetitionInputError: a line is not a JSON object with ``id`` and ``text``, or an id
            repeats; the message is in Vietnamese.
    """
    petitions: list[Petition] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise PetitionInputError(
                f"Dòng {number}: không phải JSON hợp lệ ({error.msg})."
            ) from None
        if not isinstance(record, dict):
            raise PetitionInputError(f"Dòng {number}: mỗi dòng phải là một đối tượng JSON.")
        for key in ("id", "text"):
            value = record.get(key)
            if not isinstance(value, str | int) or not str(value).strip():
                raise PetitionInputError(f"Dòng {number}: thiếu trường bắt buộc “{key}”.")
        petition_id = str(record["id"])
        if petition_id in seen:
            raise PetitionInputError(f"Dòng {number}: mã “{petition_id}” bị trùng.")
        seen.add(petition_id)
        petitions.append(
            Petition(
                id=petition_id,
                text=str(record["text"]),
                meeting=str(record.get("meeting") or ""),
                commune=str(record.get("commune") or ""),
                channel=str(record.get("channel") or ""),
            )
        )
    if not petitions:
        raise PetitionInputError("Tệp không có kiến nghị nào.")
    return petitions


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry: consolidate FILE.jsonl and print one JSON line per petition."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        sys.stderr.write("Cách dùng: python -m phoihop.text.consolidate TỆP.jsonl\n")
        return 2
    try:
        with open(args[0], encoding="utf-8") as handle:
            petitions = read_petitions(handle)
    except OSError as error:
        sys.stderr.write(f"Không đọc được tệp “{args[0]}”: {error.strerror}.\n")
        return 1
    except UnicodeDecodeError:
        sys.stderr.write(f"Tệp “{args[0]}” không phải văn bản UTF-8.\n")
        return 1
    except PetitionInputError as error:
        sys.stderr.write(f"{error}\n")
        return 1
    result = consolidate(petitions)
    sys.stdout.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in result.rows())
    return 0


if __name__ == "__main__":
    sys.exit(main())
