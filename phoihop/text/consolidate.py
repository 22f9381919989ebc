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
import sys
from array import array
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
from scipy import sparse
from scipy.sparse import csgraph

from phoihop.text.classify import LEVELS, Suggestion, label_probabilities, suggest
from phoihop.text.features import (
    STOPWORDS,
    Entity,
    Gazetteer,
    PetitionFeatures,
    build_gazetteer,
    extract_entities,
    petition_features,
    problem_kinds,
)
from phoihop.text.learn import PAIR_FEATURES, LabelModel, PairModel, default_models
from phoihop.text.lexicons import FIELDS, PROBLEM_KINDS
from phoihop.text.normalize import fold, fold_word, nfc
from phoihop.text.parallel import cores, map_ranges, ranges
from phoihop.text.spelling import abbreviation, deletions, is_syllable, one_edit, respell

# Kinds of named things that tell two issues apart when they differ.
DISTINGUISHING_KINDS = frozenset({"school", "project", "company", "hospital", "site", "market"})


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
    coverage_power: float | None = None  # None: the pair model's, chosen with its threshold
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
    df_cap_max: int = 400


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
    """Everything compared about each distinct (text, commune), in sorted order.

    Per-text values are arrays; ``features`` decodes one text's
    :class:`~phoihop.text.features.PetitionFeatures` from a compact string when asked, and
    ``details`` shares one object per distinct value.
    """

    keys: list[tuple[str, str]]
    features: Sequence[PetitionFeatures]
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
    labels: np.ndarray | None = None  # per text: codes of its suggested field, level, agency
    label_names: list[str] = field(default_factory=list)  # what the codes stand for
    terms_df: Counter[str] = field(default_factory=Counter)  # main-issue terms, per text
    # Per text: the kinds of problem it may name, a word one typo apart counting
    # (:func:`~phoihop.text.features.problem_kinds` with ``loose``); ``problems`` when empty.
    loose_problems: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    def local(self, confidence: float) -> np.ndarray:
        """Whether each text is the commune's with at least this probability."""
        return self.level_p[:, LEVELS.index("xã")] >= confidence


# Term matrices built per text, in this order (see :func:`_text_rows`).
_MATRICES = ("word", "chars", "fuzzy", "accent", "names")
# Distinct texts analysed in one process below this many; a range of texts per task above.
PARALLEL_FROM = 4000
_RANGE = 5000


def analyse(
    keys: Sequence[tuple[str, str]],
    models: Models,
    params: Params,
    places: Sequence[str] = (),
    *,
    processes: int | None = None,
) -> Analysis:
    """Analyse distinct (text, commune) pairs; *places* are all communes (for the gazetteer).

    Three passes over the texts, each in ``processes`` forked workers (default: one per
    core) when there are many: the first finds the named things (for the gazetteer); the
    second the features of each text (:func:`~phoihop.text.features.petition_features`,
    with the gazetteer) and the syllable frequencies (for the typo table); the third builds
    with the typo table the compact arrays (:class:`_Part`), joined here in text order.
    """
    keys = list(keys)
    n = len(keys)
    if processes is None:
        processes = cores() if n >= PARALLEL_FROM else 1
    spans = ranges(n, _RANGE if processes > 1 else max(1, n))
    named: Counter[Entity] = Counter()
    entities: list[str] = []
    for found, written in map_ranges(_entity_pass, keys, spans, processes):
        named.update(found)
        entities += written
    gazetteer = build_gazetteer(
        [[entity] * count for entity, count in named.items()], places or [c for _, c in keys]
    )
    del named
    token_df: Counter[str] = Counter()
    features: list[str] = []
    for written, df in map_ranges(_feature_pass, (keys, entities, gazetteer), spans, processes):
        features += written
        token_df.update(df)
    del entities
    fix = _corrections(token_df)
    del token_df
    context = _Context(keys, features, fix, models.field, models.level, params)
    return _join(keys, features, map_ranges(_term_pass, context, spans, processes))


@dataclass(frozen=True)
class _Context:
    """What the last pass reads."""

    keys: list[tuple[str, str]]
    features: list[str]  # each text's features (:func:`encode_features`)
    fix: dict[str, str]
    field_model: LabelModel
    level_model: LabelModel
    params: Params


def _entity_pass(
    keys: Sequence[tuple[str, str]], start: int, stop: int
) -> tuple[Counter[Entity], list[str]]:
    """Named things of two words or more, and each text's named things as one string."""
    named: Counter[Entity] = Counter()
    written = []
    for text, _commune in keys[start:stop]:
        entities = extract_entities(respell(text))
        named.update(e for e in entities if " " in e.name)
        written.append(_ITEM.join(e.kind + _KIND + e.name for e in entities))
    return named, written


def _feature_pass(
    shared: tuple[list[tuple[str, str]], list[str], Gazetteer], start: int, stop: int
) -> tuple[list[str], Counter[str]]:
    """Each text's features as one string, and in how many texts each syllable occurs."""
    keys, entities, gazetteer = shared
    written = []
    df: Counter[str] = Counter()
    for (text, _commune), named in zip(keys[start:stop], entities[start:stop], strict=True):
        f = petition_features(text, gazetteer, _decode_entities(named))
        written.append(encode_features(f))
        df.update(set(f.tokens))
    return written, df


@dataclass
class _Part:
    """The last pass over a range of texts, as compact values."""

    matrices: dict[str, tuple[list[str], np.ndarray, np.ndarray, np.ndarray]]
    field_p: np.ndarray
    level_p: np.ndarray
    accented: np.ndarray
    problems: np.ndarray
    loose_problems: np.ndarray
    lengths: np.ndarray
    details: list[Hashable]
    labels: list[tuple[str, str, str]]
    terms_df: Counter[str]


def _term_pass(context: _Context, start: int, stop: int) -> _Part:
    """Term rows, labels and per-text values of texts ``start..stop``, typos corrected."""
    fix, params = context.fix, context.params
    columns = _WordColumns(fix)
    label_tokens, whole_tokens, details, labels = [], [], [], []
    rows: dict[str, _RowBuilder] = {name: _RowBuilder() for name in _MATRICES}
    accented, lengths, problems, loose_problems = [], [], [], []
    terms_df: Counter[str] = Counter()
    texts = context.keys[start:stop]
    features = [decode_features(encoded) for encoded in context.features[start:stop]]
    for (text, _commune), f in zip(texts, features, strict=True):
        main = [fix.get(t, t) for t in f.main_tokens]
        label_tokens.append(main)
        whole_tokens.append([fix.get(t, t) for t in f.tokens] if f.main_length else main)
        # A kind counts as named when the writer typed it (``f.problems``, before the
        # spelling repair) and the corpus repair kept it; a kind a repair may have lost, or
        # a word one typo from a problem word, counts only as nearly named.
        repaired = problem_kinds(main)
        problems.append(_problem_mask(repaired & f.problems))
        loose_problems.append(
            _problem_mask(problem_kinds(main, loose=True) | repaired | f.problems)
        )
        accent = _accented_words(respell(text), fix)
        for name, row in zip(
            _MATRICES,
            (
                _word_terms(f, params, columns),
                _char_grams(main),
                _deletion_keys(f.tokens),
                accent,
                {"n:" + _fix_words(e.name, fix): 1.0 for e in f.entities}
                | {"r:" + r: 1.0 for r in f.roads},
            ),
            strict=True,
        ):
            rows[name].add(row)
        accented.append(bool(accent))
        lengths.append(max(1, len(f.main_tokens)))
        details.append(_detail_key(_distinguishing(f)))
        terms_df.update(set(f.terms))
    field_p, level_p = label_probabilities(
        label_tokens, (context.field_model, context.level_model), whole_tokens
    )
    for k, ((text, commune), f) in enumerate(zip(texts, features, strict=True)):
        s = suggest(
            text, commune=commune, tokens=f.main_tokens, probabilities=(field_p[k], level_p[k])
        )
        labels.append((s.field, s.level, s.agency))
    return _Part(
        matrices={name: row.arrays() for name, row in rows.items()},
        field_p=field_p,
        level_p=level_p,
        accented=np.array(accented, dtype=bool),
        problems=np.array(problems, dtype=np.int64),
        loose_problems=np.array(loose_problems, dtype=np.int64),
        lengths=np.array(lengths, dtype=np.float64),
        details=details,
        labels=labels,
        terms_df=terms_df,
    )


def _detail_key(detail: dict[str, set[str]]) -> Hashable:
    """A hashable value per :func:`_distinguishing` result ("" when it names nothing)."""
    return tuple(sorted((kind, tuple(sorted(names))) for kind, names in detail.items())) or ""


def _join(keys: list[tuple[str, str]], features: list[str], parts: Iterable[_Part]) -> Analysis:
    """One :class:`Analysis` from the parts of consecutive ranges, in order."""
    matrices = {name: _MatrixJoin() for name in _MATRICES}
    field_p, level_p, accented, problems, loose, lengths = [], [], [], [], [], []
    detail_code: dict[Hashable, int] = {"": 0}
    label_code: dict[str, int] = {}
    details_of, label_rows = [], []
    terms_df: Counter[str] = Counter()
    for part in parts:
        for name, arrays in part.matrices.items():
            matrices[name].add(*arrays)
        field_p.append(part.field_p)
        level_p.append(part.level_p)
        accented.append(part.accented)
        problems.append(part.problems)
        loose.append(part.loose_problems)
        lengths.append(part.lengths)
        details_of += [detail_code.setdefault(d, len(detail_code)) for d in part.details]
        label_rows += [
            [label_code.setdefault(x, len(label_code)) for x in row] for row in part.labels
        ]
        terms_df.update(part.terms_df)
    detail_values: list[dict[str, set[str]]] = [
        {kind: set(names) for kind, names in key} if isinstance(key, tuple) else {}
        for key in detail_code
    ]
    word, word_df = _weigh(matrices["word"].matrix(len(keys)))
    fuzzy, fuzzy_df = _weigh(matrices["fuzzy"].matrix(len(keys)))
    return Analysis(
        keys=keys,
        features=_FeatureStore(features),
        word=word,
        word_df=word_df,
        chars=_weigh(matrices["chars"].matrix(len(keys)))[0],
        fuzzy=fuzzy,
        fuzzy_df=fuzzy_df,
        accent=_weigh(matrices["accent"].matrix(len(keys)))[0],
        accented=np.concatenate(accented) if accented else np.zeros(0, dtype=bool),
        names=_weigh(matrices["names"].matrix(len(keys)))[0],
        field_p=np.vstack(field_p) if field_p else np.zeros((0, len(FIELDS))),
        level_p=np.vstack(level_p) if level_p else np.zeros((0, len(LEVELS))),
        communes=_codes([fold(c) for _, c in keys]),
        details=[detail_values[code] for code in details_of],
        problems=np.concatenate(problems) if problems else np.zeros(0, dtype=np.int64),
        lengths=np.concatenate(lengths) if lengths else np.zeros(0),
        labels=np.array(label_rows, dtype=np.int32).reshape(len(keys), 3),
        label_names=list(label_code),
        terms_df=terms_df,
        loose_problems=np.concatenate(loose) if loose else np.zeros(0, dtype=np.int64),
    )


class _RowBuilder:
    """Term rows of a range of texts with a vocabulary of that range (first seen first)."""

    def __init__(self) -> None:
        self.terms: list[str] = []
        self.counts = array("d")
        self.indptr = array("q", [0])

    def add(self, row: dict[str, float]) -> None:
        self.terms += row
        self.counts.extend(row.values())
        self.indptr.append(len(self.terms))

    def arrays(self) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
        """The range's vocabulary, and its rows as CSR arrays of sublinear term frequencies."""
        position = {term: k for k, term in enumerate(dict.fromkeys(self.terms))}
        indices = np.fromiter(
            map(position.__getitem__, self.terms), dtype=np.int32, count=len(self.terms)
        )
        counts = np.frombuffer(self.counts, dtype=np.float64)
        distinct, inverse = np.unique(counts, return_inverse=True)
        weight = np.array(
            [1.0 + math.log(c) if c >= 1 else c for c in distinct.tolist()], dtype=np.float32
        )
        return (
            list(position),
            np.frombuffer(self.indptr, dtype=np.int64).copy(),
            indices,
            weight[inverse.ravel()] if len(counts) else np.zeros(0, dtype=np.float32),
        )


class _MatrixJoin:
    """Rows of consecutive ranges put together under one vocabulary, in first-seen order
    (the column order one pass over all the texts would give).

    Entries go into growing typed arrays, so the whole matrix is never held twice.
    """

    def __init__(self) -> None:
        self.vocabulary: dict[str, int] = {}
        self.indptr = array("q", [0])
        self.indices = array("i")
        self.values = array("f")

    def add(self, terms: list[str], indptr: np.ndarray, indices: np.ndarray, values: np.ndarray):
        vocabulary = self.vocabulary
        column = np.array(
            [vocabulary.setdefault(term, len(vocabulary)) for term in terms], dtype=np.int32
        )
        self.indptr.frombytes((indptr[1:] + len(self.indices)).astype(np.int64).tobytes())
        self.indices.frombytes(column[indices].tobytes() if len(indices) else b"")
        self.values.frombytes(values.astype(np.float32).tobytes())

    def matrix(self, n: int) -> sparse.csr_matrix:
        indices = np.frombuffer(self.indices, dtype=np.int32)
        indptr = np.frombuffer(self.indptr, dtype=np.int64)
        if len(indices) < 2**31:
            indptr = indptr.astype(np.int32)
        else:  # pragma: no cover - over two billion entries
            indices = indices.astype(np.int64)
        return sparse.csr_matrix(
            (np.frombuffer(self.values, dtype=np.float32), indices, indptr),
            shape=(n, max(1, len(self.vocabulary))),
            copy=False,
        )


class _FeatureStore(Sequence[PetitionFeatures]):
    """Each text's :class:`PetitionFeatures` kept as one string, decoded on access."""

    def __init__(self, encoded: list[str]) -> None:
        self._encoded = encoded

    def __len__(self) -> int:
        return len(self._encoded)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [decode_features(s) for s in self._encoded[index]]
        return decode_features(self._encoded[index])


_FIELD, _ITEM, _KIND = "\x1e", "\x1f", "\x1d"


def encode_features(f: PetitionFeatures) -> str:
    """One string holding *f* (the inverse of :func:`decode_features`)."""
    return _FIELD.join(
        (
            _ITEM.join(f.tokens),
            _ITEM.join(f.terms),
            _ITEM.join(f.roads),
            _ITEM.join(e.kind + _KIND + e.name for e in f.entities),
            _ITEM.join(f.later_terms),
            "" if f.main_length is None else str(f.main_length),
            _ITEM.join(sorted(f.problems)),
        )
    )


def _decode_entities(encoded: str) -> list[Entity]:
    return [Entity(*e.split(_KIND, 1)) for e in encoded.split(_ITEM)] if encoded else []


def decode_features(encoded: str) -> PetitionFeatures:
    """The :class:`PetitionFeatures` that :func:`encode_features` wrote."""
    tokens, terms, roads, entities, later, main_length, problems = encoded.split(_FIELD)

    def items(value: str) -> list[str]:
        return value.split(_ITEM) if value else []

    return PetitionFeatures(
        tokens=items(tokens),
        terms=items(terms),
        roads=items(roads),
        entities=_decode_entities(entities),
        later_terms=items(later),
        main_length=int(main_length) if main_length else None,
        problems=frozenset(items(problems)),
    )


def _typo_corrections(token_lists: Iterable[Iterable[str]]) -> dict[str, str]:
    """Rare syllables one edit away from a syllable far more frequent in the same corpus,
    mapped to it: "hogn" → "hong" when "hong" is common and "hogn" is not.

    A rare token that cannot be a Vietnamese syllable ("tiien", "nghei") is corrected to
    the most frequent well-formed one edit away that occurs at least twice, even when that
    one is itself not common. Found through deletion keys (a syllable and each one-letter
    deletion of it), so the cost is linear in the vocabulary.
    """
    return _corrections(Counter(t for tokens in token_lists for t in set(tokens)))


def _corrections(df: Counter[str]) -> dict[str, str]:
    """:func:`_typo_corrections` from the number of texts each token occurs in."""
    by_key: dict[str, list[str]] = defaultdict(list)
    for token, count in df.items():
        if count >= 2 and len(token) >= 2 and not token.isdigit() and is_syllable(token):
            for key in deletions(token):
                by_key[key].append(token)
    fix: dict[str, str] = {}
    for token, count in df.items():
        if len(token) < 3 or token.isdigit() or count > 2 or abbreviation(token):
            continue
        needed = count + 1 if not is_syllable(token) else max(3, 5 * count)
        options = {
            other
            for key in deletions(token)
            for other in by_key.get(key, ())
            if other != token and df[other] >= needed and one_edit(token, other)
        }
        if options:
            fix[token] = max(options, key=lambda other: (df[other], other))
    return fix


def _fix_words(name: str, fix: dict[str, str]) -> str:
    return " ".join(fix.get(word, word) for word in name.split())


class _WordColumns(dict[str, str]):
    """Term → its column name ``w:term`` with typos corrected; remembered once computed."""

    def __init__(self, fix: dict[str, str]) -> None:
        super().__init__()
        self.fix = fix

    def __missing__(self, term: str) -> str:
        fix = self.fix
        value = "w:" + ("_".join(fix.get(part, part) for part in term.split("_")) if fix else term)
        self[term] = value
        return value


def _word_terms(
    features: PetitionFeatures,
    params: Params,
    fix: dict[str, str] | _WordColumns | None = None,
) -> dict[str, float]:
    """Weighted term counts for one petition (before IDF): main issue, later issue, roads.

    *fix* maps typos to the syllable meant (:func:`_typo_corrections`); a
    :class:`_WordColumns` of it is reused across texts.
    """
    column = fix if isinstance(fix, _WordColumns) else _WordColumns(fix or {})
    counts: dict[str, float] = defaultdict(float)
    for term in features.terms:
        counts[column[term]] += params.bigram_weight if "_" in term else 1.0
    for term in features.later_terms:
        weight = params.bigram_weight if "_" in term else 1.0
        counts[column[term]] += params.later_weight * weight
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
        for variant in deletions(token):
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
        folded = fold_word(word)  # one word of NFC text: what fold() gives, cached
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
    """Smoothed-IDF, L2-normalised rows of a term-frequency matrix; also document frequencies.

    Weighs *counts* in place (no copy of a matrix that may hold hundreds of millions of
    entries).
    """
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    idf = np.log((1 + counts.shape[0]) / (1 + df)).astype(np.float32) + 1.0
    matrix = counts if counts.data.dtype == np.float32 else counts.astype(np.float32)
    data, indptr = matrix.data, matrix.indptr
    norms = np.ones(matrix.shape[0], dtype=np.float32)
    for start, stop in ranges(matrix.shape[0], 100_000):
        lo, hi = int(indptr[start]), int(indptr[stop])
        block = data[lo:hi]
        block *= idf[matrix.indices[lo:hi]]
        squares = block.astype(np.float64) ** 2
        lengths = np.diff(indptr[start : stop + 1])
        filled = lengths > 0
        sums = np.zeros(stop - start)
        if filled.any():
            sums[filled] = np.add.reduceat(squares, (indptr[start:stop] - lo)[filled])
        row_norms = np.sqrt(sums).astype(np.float32)
        row_norms[row_norms == 0] = 1.0
        norms[start:stop] = row_norms
        block *= np.repeat(1.0 / row_norms, lengths).astype(np.float32)
    return matrix, df


# --- candidates and pair features --------------------------------------------------------


def candidate_pairs(analysis: Analysis, params: Params) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j) where either side has the other among its ``neighbours`` best.

    Blocking reads selective words, typo keys (document frequency between 2 and a cap) and
    names; a term above the cap is left out of this step only. The cap grows with the
    corpus (``df_cap_ratio``) up to ``df_cap_max``, so the work per text stays bounded.
    Ties go to the lower position, and positions follow sorted text, so the result does not
    depend on the input's order. Ranges of texts run in forked workers when there are many.
    """
    n = analysis.word.shape[0]
    cap = min(max(params.df_cap_min, int(params.df_cap_ratio * n)), params.df_cap_max)
    word_cols = np.flatnonzero((analysis.word_df >= 2) & (analysis.word_df <= cap))
    fuzzy_cols = np.flatnonzero((analysis.fuzzy_df >= 2) & (analysis.fuzzy_df <= cap))
    blocking = sparse.hstack(
        [analysis.word[:, word_cols], analysis.fuzzy[:, fuzzy_cols] * 0.5, analysis.names]
    ).tocsr()
    blocking_t = blocking.T.tocsr()
    # Spans of texts whose products hold about the same number of entries at most.
    column_df = np.diff(blocking_t.indptr)
    summed = np.concatenate([[0], np.cumsum(column_df[blocking.indices], dtype=np.int64)])
    bound = summed[blocking.indptr[1:]] - summed[blocking.indptr[:-1]]
    spans = _spans_by_weight(bound, _PRODUCT_ENTRIES)
    processes = cores() if n >= PARALLEL_FROM else 1
    parts = list(
        map_ranges(_neighbours, (blocking, blocking_t, params.neighbours), spans, processes)
    )
    if not parts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    a = np.concatenate([p[0] for p in parts]).astype(np.int64)
    b = np.concatenate([p[1] for p in parts]).astype(np.int64)
    del parts
    key = np.unique(np.minimum(a, b) * n + np.maximum(a, b))
    return key // n, key % n


# Entries of the blocking product computed at once (per process): bounds its memory.
_PRODUCT_ENTRIES = 6_000_000


def _spans_by_weight(weight: np.ndarray, budget: int) -> list[tuple[int, int]]:
    """Consecutive spans of items whose summed *weight* stays under *budget* (one item
    alone may exceed it)."""
    spans, start, total = [], 0, 0
    for index, w in enumerate(weight.tolist()):
        if total and total + w > budget:
            spans.append((start, index))
            start, total = index, 0
        total += w
    if start < len(weight):
        spans.append((start, len(weight)))
    return spans


def _neighbours(
    shared: tuple[sparse.csr_matrix, sparse.csr_matrix, int], start: int, stop: int
) -> tuple[np.ndarray, np.ndarray]:
    """Each text of ``start..stop`` with its *k* best others by the blocking product."""
    blocking, blocking_t, k = shared
    product = (blocking[start:stop] @ blocking_t).tocsr()
    product.sort_indices()  # within a row, other texts by position
    local = np.repeat(np.arange(stop - start, dtype=np.int64), np.diff(product.indptr))
    cols = product.indices
    keep = cols != local + start
    # One stable sort by (row, score descending); equal scores keep the lower position
    # first. Scores are sums of non-negative products, so their bits sort like their values.
    bits = product.data.view(np.uint32).astype(np.int64)
    key = ((local << 32) | (0xFFFFFFFF - bits))[keep]
    cols = cols[keep]
    del product, local, bits, keep
    order = np.argsort(key, kind="stable")
    row = key[order] >> 32
    cols = cols[order]
    rank = np.arange(len(row)) - np.searchsorted(row, row, side="left")
    near = rank < k
    return (row[near] + start).astype(np.int32), cols[near].astype(np.int32)


def _row_dots(matrix: sparse.csr_matrix, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Dot product of rows[k] and cols[k] of *matrix*, for every k."""
    out = np.zeros(len(rows), dtype=np.float64)
    chunk = 20_000  # rows of two copies of this many texts at once: bounded memory
    for start in range(0, len(rows), chunk):
        a, b = rows[start : start + chunk], cols[start : start + chunk]
        out[start : start + chunk] = np.asarray(matrix[a].multiply(matrix[b]).sum(axis=1)).ravel()
    return out


def pair_features(
    analysis: Analysis, rows: np.ndarray, cols: np.ndarray, *, rank: np.ndarray | None = None
) -> np.ndarray:
    """One row of :data:`~phoihop.text.learn.PAIR_FEATURES` per pair.

    *rank* is the ``rank`` column when *rows*/*cols* are a range of all the candidate pairs
    (it reads all of them: :func:`_nearness`).
    """
    word = _row_dots(analysis.word, rows, cols)
    chars = _row_dots(analysis.chars, rows, cols)
    fuzzy = _row_dots(analysis.fuzzy, rows, cols)
    both_accented = analysis.accented[rows] & analysis.accented[cols]
    accent = np.where(both_accented, _row_dots(analysis.accent, rows, cols), word)
    shared_name = _row_dots(analysis.names, rows, cols) > 0
    _conflicting, same_thing = _thing_relations(analysis.details, rows, cols)
    communes = analysis.communes
    same_commune = (communes[rows] == communes[cols]) & (communes[rows] >= 0)
    field_agree = _agreement(analysis.field_p, rows, cols)
    level_agree = _agreement(analysis.level_p, rows, cols)
    both_named, share = _problem_relations(analysis, rows, cols)
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
        "rank": _nearness(rows, cols, word + chars) if rank is None else rank,
        "other_commune": (communes[rows] != communes[cols])
        & (communes[rows] >= 0)
        & (communes[cols] >= 0),
    }
    return np.column_stack([np.asarray(columns[name], dtype=np.float64) for name in PAIR_FEATURES])


def _agreement(probabilities: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Bhattacharyya coefficient of two texts' label distributions: the sum of sqrt(p·q).

    1 when the two distributions are equal, whatever their spread. A dot product is low
    for two texts whose classifier is unsure in the same way (in a province it never saw),
    so it read a shared field as weak evidence exactly where the field is hard to tell.
    """
    return np.sqrt(probabilities[rows] * probabilities[cols]).sum(axis=1)


def _nearness(rows: np.ndarray, cols: np.ndarray, similarity: np.ndarray) -> np.ndarray:
    """1 / (1 + r), r the better of the two ranks: where each side ranks the other among its
    candidates by *similarity* (0 = its nearest; ties to the lower position).

    Texts are taken a range at a time, so the sort holds only that range's pairs.
    """
    m = len(rows)
    if not m:
        return np.zeros(0)
    by_col = np.argsort(cols, kind="stable")
    col_sorted = cols[by_col]
    row_order = np.argsort(rows, kind="stable")
    row_sorted = rows[row_order]
    rank_as_row = np.empty(m, dtype=np.int64)
    rank_as_col = np.empty(m, dtype=np.int64)
    n = int(max(rows.max(), cols.max())) + 1
    for start, stop in ranges(n, max(1, n * _NEARNESS_PAIRS // (2 * m + 1))):
        lo, hi = np.searchsorted(row_sorted, [start, stop])
        at_row = row_order[lo:hi]  # pairs whose first text is in the range
        lo, hi = np.searchsorted(col_sorted, [start, stop])
        at_col = by_col[lo:hi]  # pairs whose second text is in the range
        ends = np.concatenate([rows[at_row], cols[at_col]])
        others = np.concatenate([cols[at_row], rows[at_col]])
        sims = np.concatenate([similarity[at_row], similarity[at_col]])
        order = np.lexsort((others, -sims, ends))
        sorted_ends = ends[order]
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order)) - np.searchsorted(sorted_ends, sorted_ends)
        rank_as_row[at_row] = rank[: len(at_row)]
        rank_as_col[at_col] = rank[len(at_row) :]
    return 1.0 / (1.0 + np.minimum(rank_as_row, rank_as_col))


# Pairs (from both ends) ranked at once by :func:`_nearness`.
_NEARNESS_PAIRS = 4_000_000


def vetoed(analysis: Analysis, rows: np.ndarray, cols: np.ndarray, params: Params) -> np.ndarray:
    """Pairs that may never merge: different roads or named things of one kind; with
    ``local_place_veto`` two petitions from two different communes that are both the
    commune's (level probability at least ``local_confidence``); with
    ``problem_veto`` two petitions naming different kinds of problem as written and neither
    naming, even one typo apart, a kind of the other (:func:`_problem_relations`)."""
    conflicting, _same = _thing_relations(analysis.details, rows, cols)
    if params.local_place_veto:
        communes, local = analysis.communes, analysis.local(params.local_confidence)
        other_place = (communes[rows] != communes[cols]) & (communes[rows] >= 0)
        other_place &= communes[cols] >= 0
        conflicting |= other_place & local[rows] & local[cols]
    if params.problem_veto:
        both_named, share = _problem_relations(analysis, rows, cols)
        conflicting |= both_named & ~share
    return conflicting


def _problem_relations(
    analysis: Analysis, rows: np.ndarray, cols: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Per pair: whether both name a kind of problem, and whether a kind one names is named
    in the other, a word one typo apart counting there (a typo is no other problem)."""
    problems = analysis.problems
    loose = analysis.loose_problems if len(analysis.loose_problems) else problems
    both_named = (problems[rows] > 0) & (problems[cols] > 0)
    share = ((problems[rows] & loose[cols]) | (loose[rows] & problems[cols])) > 0
    return both_named, share


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
    return all(any(one_edit(word, other) for other in b) for word in a)


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


_PROBLEM_BITS = {kind: 1 << k for k, kind in enumerate(PROBLEM_KINDS)}


def _problem_mask(kinds: Iterable[str]) -> int:
    """One bit per kind of problem a petition names (0: none recognised)."""
    return sum(_PROBLEM_BITS[kind] for kind in kinds)


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
    threshold = 0.5 if params.threshold is None else params.threshold
    keep = scores > 0
    # Clusters only ever join along pairs at or above the threshold (a linkage is at most
    # its best pair), so pairs between components of that graph can never take part: they
    # are left out, which leaves the merges as they are and the rounds shorter.
    strong = keep & (scores >= threshold)
    link_a = np.concatenate([rows[strong], [x for x, _ in must_link]]).astype(np.int64)
    link_b = np.concatenate([cols[strong], [y for _, y in must_link]]).astype(np.int64)
    graph = sparse.coo_matrix((np.ones(len(link_a)), (link_a, link_b)), shape=(n, n))
    component = csgraph.connected_components(graph, directed=False)[1]
    keep &= component[rows] == component[cols]
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
        power = 0.5 if params.coverage_power is None else params.coverage_power
        return self.weight / self.count * coverage**power

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


def score_petitions(
    petitions: Sequence[Petition], models: Models, params: Params, *, keep_features: bool = True
) -> Scored:
    """Analyse the distinct texts of *petitions* and score their candidate pairs.

    Without *keep_features* the pair features are dropped once scored (``features`` is
    then empty): at a million petitions they would take gigabytes.
    """
    keys = sorted({(p.text, p.commune) for p in petitions})
    position = {key: k for k, key in enumerate(keys)}
    of_petition = np.array([position[(p.text, p.commune)] for p in petitions], dtype=np.int64)
    del position
    analysis = analyse(keys, models, params, sorted({p.commune for p in petitions}))
    rows, cols = candidate_pairs(analysis, params)
    features, scores = score_pairs(analysis, rows, cols, models.pair, params, keep_features)
    return Scored(analysis, of_petition, rows, cols, features, scores)


# Candidate pairs scored in one process below this many; in ranges of this many above.
_PAIRS_PARALLEL_FROM = 200_000
_PAIR_RANGE = 400_000


def score_pairs(
    analysis: Analysis,
    rows: np.ndarray,
    cols: np.ndarray,
    model: PairModel,
    params: Params,
    keep_features: bool = True,
) -> tuple[np.ndarray, np.ndarray]:
    """Pair features (empty unless *keep_features*) and scores, 0 where a constraint
    forbids the pair; ranges of pairs run in forked workers when there are many."""
    m = len(rows)
    processes = cores() if m >= _PAIRS_PARALLEL_FROM else 1
    rank = None
    if processes > 1:  # the nearness rank reads every pair of a text: computed here once
        similarity = np.concatenate(
            list(map_ranges(_wording, (analysis, rows, cols), ranges(m, _PAIR_RANGE), processes))
        )
        rank = _nearness(rows, cols, similarity)
        del similarity
    spans = ranges(m, _PAIR_RANGE) if processes > 1 else [(0, m)]
    shared = (analysis, rows, cols, rank, model, params, keep_features)
    parts = list(map_ranges(_score_range, shared, spans, processes))
    scores = np.concatenate([p[1] for p in parts]) if parts else np.zeros(0, dtype=np.float32)
    features = (
        np.vstack([p[0] for p in parts if p[0] is not None])
        if keep_features and parts
        else np.zeros((0, len(PAIR_FEATURES)))
    )
    return features, scores


def _wording(shared: tuple, start: int, stop: int) -> np.ndarray:
    """Word plus character cosine of pairs ``start..stop`` (what the nearness rank orders by)."""
    analysis, rows, cols = shared
    a, b = rows[start:stop], cols[start:stop]
    return _row_dots(analysis.word, a, b) + _row_dots(analysis.chars, a, b)


def _score_range(shared: tuple, start: int, stop: int) -> tuple[np.ndarray | None, np.ndarray]:
    """Features (when kept) and scores of pairs ``start..stop``."""
    analysis, rows, cols, rank, model, params, keep_features = shared
    a, b = rows[start:stop], cols[start:stop]
    features = pair_features(analysis, a, b, rank=None if rank is None else rank[start:stop])
    scores = model.probability(features)
    blocked = vetoed(analysis, a, b, params) | (shared_wording(features) < params.min_wording)
    return (features if keep_features else None), np.where(blocked, 0.0, scores).astype(np.float32)


def shared_wording(features: np.ndarray) -> np.ndarray:
    """How much wording each pair (rows of :data:`~phoihop.text.learn.PAIR_FEATURES`)
    shares: the larger of its word and 4-gram cosines (``Params.min_wording`` reads it)."""
    return np.maximum(
        features[:, PAIR_FEATURES.index("word_cos")], features[:, PAIR_FEATURES.index("char_cos")]
    )


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
    if params.coverage_power is None:
        params = replace(params, coverage_power=models.pair.coverage_power)
    scored = score_petitions(petitions, models, params, keep_features=False)
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
    terms_df = analysis.terms_df
    groups: list[Group] = []
    group_of = [0] * len(petitions)
    for number, label in enumerate(sorted(by_label, key=lambda lab: by_label[lab][0]), start=1):
        group = Group(key=f"G{number:05d}", members=by_label[label])
        texts = {m: int(of_petition[m]) for m in group.members}
        decoded = {k: analysis.features[k] for k in set(texts.values())}
        _shared_evidence(group, {m: decoded[k] for m, k in texts.items()}, terms_df)
        group.suggestion = Suggestion.vote([_suggestion(analysis, texts[m]) for m in group.members])
        for member in group.members:
            group_of[member] = len(groups)
        groups.append(group)
    evidence = _member_evidence(petitions, groups, scored, params, terms_df)
    return Result(list(petitions), groups, group_of, evidence)


def _suggestion(analysis: Analysis, k: int) -> Suggestion:
    """Text *k*'s suggested field, level and agency, with its probabilities as scores."""
    if analysis.labels is None:  # pragma: no cover - every analysis made here has them
        text, commune = analysis.keys[k]
        return suggest(
            text,
            commune=commune,
            tokens=analysis.features[k].main_tokens,
            probabilities=(analysis.field_p[k], analysis.level_p[k]),
        )
    field_name, level, agency = (analysis.label_names[c] for c in analysis.labels[k])
    return Suggestion(
        field=field_name,
        level=level,
        agency=agency,
        field_scores={name: float(p) for name, p in zip(FIELDS, analysis.field_p[k], strict=True)},
        level_scores={name: float(p) for name, p in zip(LEVELS, analysis.level_p[k], strict=True)},
    )


def _member_evidence(
    petitions: Sequence[Petition],
    groups: Sequence[Group],
    scored: Scored,
    params: Params,
    terms_df: Counter,
) -> list[Evidence]:
    """For each petition, the member of its group it is tied to best, and what they share."""
    analysis, of_petition = scored.analysis, scored.of_petition
    n = len(analysis.keys)
    # Only pairs inside one group can be evidence: select them with arrays first.
    group_of_text = np.full(n, -1, dtype=np.int64)
    for number, group in enumerate(groups):
        group_of_text[of_petition[group.members]] = number
    inside_pairs = group_of_text[scored.rows] == group_of_text[scored.cols]
    rows, cols = scored.rows[inside_pairs], scored.cols[inside_pairs]
    scores = scored.scores[inside_pairs].astype(np.float64)
    # Each group's summed scores of its scored pairs, and each text's best partner in its
    # group (highest score, then the lower position).
    summed = np.bincount(group_of_text[rows], weights=scores, minlength=len(groups))
    ends, others = np.concatenate([rows, cols]), np.concatenate([cols, rows])
    both = np.concatenate([scores, scores])
    order = np.lexsort((others, -both, ends))
    first = order[np.r_[True, ends[order][1:] != ends[order][:-1]]] if len(order) else order
    best_other = np.full(n, -1, dtype=np.int64)
    best_score = np.zeros(n)
    best_other[ends[first]] = others[first]
    best_score[ends[first]] = both[first]
    del ends, others, both, order, first
    first_id: dict[int, str] = {}
    for p, k in zip(petitions, of_petition.tolist(), strict=True):
        first_id[k] = min(first_id.get(k, p.id), p.id)
    evidence = [Evidence() for _ in petitions]
    first_member: dict[int, int] = {}  # text -> the member with the smallest id
    for member in sorted(range(len(petitions)), key=lambda m: petitions[m].id):
        first_member.setdefault(int(of_petition[member]), member)
    for number, group in enumerate(groups):
        texts = {int(of_petition[m]) for m in group.members}
        possible = len(texts) * (len(texts) - 1) / 2
        group.cohesion = float(summed[number] / possible) if possible else 1.0
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
            other = int(best_other[own])
            if other < 0:
                evidence[member] = Evidence(None, 0.0, [], weak=True)
                group.weak_members.append(member)
                continue
            score = float(best_score[own])
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


def _shared_evidence(
    group: Group, features: Mapping[int, PetitionFeatures], terms_df: Counter
) -> None:
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
