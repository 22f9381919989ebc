"""Group voter petitions that raise the same issue, and say why.

Pipeline (no Django):

1. Features: what a petition says (folded content words and bigrams, names and roads set
   apart, a second issue weighing less), typed names, road numbers and kinds of problem
   (:mod:`phoihop.text.features`); words weighted TF-IDF and L2-normalised. Each distinct
   text is analysed once.
2. Candidates: petitions sharing at least one *selective* term (document frequency under a
   cap) are compared; a sparse product keeps the cost near linear, never all pairs.
3. Score: cosine similarity, plus bonuses for a shared name, road or thing, lowered when the
   suggested fields differ and dropped when the two name different kinds of problem;
   vetoed when both name different roads, or different things of the same kind (two
   schools, two projects, two companies).
4. Grouping: average linkage over the sparse candidate graph, in rounds of mutual best
   pairs, refusing any merge that would put two different roads or two different named
   things of one kind in a group.
5. Each group carries its evidence (shared names, roads, words) and a suggested field, level
   and agency (:mod:`phoihop.text.classify`).

Run without Django: ``python -m phoihop.text.consolidate FILE.jsonl``.
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from phoihop.text.classify import Suggestion, suggest
from phoihop.text.features import (
    PetitionFeatures,
    build_gazetteer,
    extract_entities,
    petition_features,
)
from phoihop.text.lexicons import PROBLEM_KINDS
from phoihop.text.normalize import fold

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
    """Tunable weights of the engine (defaults tuned on the development set)."""

    name_weight: float = 0.0
    road_weight: float = 1.0
    commune_weight: float = 0.0
    bigram_weight: float = 0.5
    commune_bonus: float = 0.0
    name_bonus: float = 0.10
    thing_bonus: float = 0.2
    cross_field_bonus: float = 0.5
    later_weight: float = 0.3
    other_problem_bonus: float = 0.0
    field_factor: float = 0.7
    threshold: float = 0.15
    size_exponent: float = 1.0
    neighbours: int = 25
    df_cap_ratio: float = 0.02
    df_cap_min: int = 40


@dataclass
class Group:
    """A set of petitions judged to raise one issue, with the evidence shared by its members."""

    key: str
    members: list[int]
    shared_roads: list[str] = field(default_factory=list)
    shared_names: list[str] = field(default_factory=list)
    shared_terms: list[str] = field(default_factory=list)
    suggestion: Suggestion | None = None

    def explanation(self) -> str:
        """One line a person can check: what the members have in common."""
        parts = []
        if self.shared_roads:
            parts.append("đường: " + ", ".join(self.shared_roads))
        if self.shared_names:
            parts.append("tên: " + ", ".join(self.shared_names))
        if self.shared_terms:
            parts.append("từ khóa: " + ", ".join(self.shared_terms))
        return "; ".join(parts) or "một kiến nghị"


@dataclass
class Result:
    """Outcome of a consolidation run: groups and, per input petition, its group index."""

    petitions: list[Petition]
    groups: list[Group]
    group_of: list[int]

    def rows(self) -> Iterable[dict[str, str]]:
        """One output record per input petition, in input order."""
        for index, petition in enumerate(self.petitions):
            group = self.groups[self.group_of[index]]
            suggestion = group.suggestion
            assert suggestion is not None  # noqa: S101 - set for every group by consolidate()
            yield {
                "id": petition.id,
                "group": group.key,
                "field": suggestion.field,
                "level": suggestion.level,
                "agency": suggestion.agency,
            }


def _feature_dict(features: PetitionFeatures, commune: str, params: Params) -> dict[str, float]:
    """Weighted term counts for one petition (before IDF)."""
    counts: dict[str, float] = defaultdict(float)
    for term in features.terms:
        counts["w:" + term] += params.bigram_weight if "_" in term else 1.0
    for term in features.later_terms:
        weight = params.bigram_weight if "_" in term else 1.0
        counts["w:" + term] += params.later_weight * weight
    for entity in features.entities:
        if params.name_weight:
            counts["n:" + entity.name] += params.name_weight
    for road in features.roads:
        counts["r:" + road] += params.road_weight
    if commune and params.commune_weight:
        counts["c:" + commune] += params.commune_weight
    return counts


def _tfidf(rows: list[dict[str, float]]) -> tuple[sparse.csr_matrix, np.ndarray, list[str]]:
    """Sublinear-TF, smoothed-IDF, L2-normalised matrix; also document frequencies."""
    counts, terms = _term_counts(rows)
    matrix, df = _weigh(counts)
    return matrix, df, terms


def _term_counts(rows: list[dict[str, float]]) -> tuple[sparse.csr_matrix, list[str]]:
    """One row per dict with its sublinear term frequencies; the terms of the columns."""
    vocabulary: dict[str, int] = {}
    indptr, indices, values = [0], [], []
    for row in rows:
        for term, count in row.items():
            indices.append(vocabulary.setdefault(term, len(vocabulary)))
            values.append(1.0 + math.log(count) if count >= 1 else count)
        indptr.append(len(indices))
    shape = (len(rows), len(vocabulary))
    matrix = sparse.csr_matrix(
        (np.array(values, dtype=np.float32), np.array(indices), np.array(indptr)), shape=shape
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


def candidate_pairs(
    matrix: sparse.csr_matrix,
    df: np.ndarray,
    params: Params,
    names: sparse.csr_matrix | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j) sharing a selective term or a name, at most ``neighbours`` per petition.

    Terms whose document frequency exceeds the cap are left out of this step only (they
    still count in the score), so each petition meets a bounded number of others. *names*
    (one column per name or road, rows L2-normalised) block petitions about the same thing
    even when they share no wording.
    """
    n = matrix.shape[0]
    cap = max(params.df_cap_min, int(params.df_cap_ratio * n))
    selective = np.flatnonzero((df >= 2) & (df <= cap))
    blocking = matrix[:, selective]
    if names is not None:
        blocking = sparse.hstack([blocking, names])
    blocking = blocking.tocsr()
    rows_out, cols_out = [], []
    chunk = 2000
    blocking_t = blocking.T.tocsr()
    for start in range(0, n, chunk):
        product = (blocking[start : start + chunk] @ blocking_t).tocsr()
        for offset in range(product.shape[0]):
            i = start + offset
            lo, hi = product.indptr[offset], product.indptr[offset + 1]
            cols, vals = product.indices[lo:hi], product.data[lo:hi]
            keep = cols > i
            cols, vals = cols[keep], vals[keep]
            if len(cols) > params.neighbours:
                top = np.argpartition(-vals, params.neighbours)[: params.neighbours]
                cols = cols[top]
            rows_out.append(np.full(len(cols), i, dtype=np.int64))
            cols_out.append(cols.astype(np.int64))
    if not rows_out:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(rows_out), np.concatenate(cols_out)


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
    """Two folded names denote one thing when one's words contain the other's.

    "thanh loi phat" and "may thanh loi phat" match; "phu lam 1" and "phu lam 2" do not.
    """
    a, b = set(x.split()), set(y.split())
    return a <= b or b <= a


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


def pair_scores(
    matrix: sparse.csr_matrix,
    rows: np.ndarray,
    cols: np.ndarray,
    features: Sequence[PetitionFeatures],
    communes: Sequence[str],
    params: Params,
    fields: Sequence[str] = (),
    details: Sequence[dict[str, set[str]]] | None = None,
) -> np.ndarray:
    """Score candidate pairs: cosine of the wording plus bonuses for the same place, or 0.

    The cosine compares what the petitions say (names and roads are left out of the words);
    a shared name adds ``name_bonus``, a shared road or distinguishing thing (school,
    project, company…) adds ``thing_bonus``, the same commune ``commune_bonus``. With
    *fields* (each petition's suggested field), a pair whose fields differ gets only
    ``cross_field_bonus`` of those name bonuses and is scaled by ``field_factor``: the same
    place with another kind of problem is another issue (a petition whose field is ``""``,
    no evidence, agrees with any). A pair naming different kinds of problem
    (:data:`~phoihop.text.lexicons.PROBLEM_KINDS`: fees vs classrooms at one school) keeps
    only ``other_problem_bonus`` of the name bonuses. Pairs naming different roads or
    things of one kind score 0.
    """
    scores = np.zeros(len(rows), dtype=np.float32)
    chunk = 100_000
    for start in range(0, len(rows), chunk):
        a, b = rows[start : start + chunk], cols[start : start + chunk]
        scores[start : start + chunk] = np.asarray(
            matrix[a].multiply(matrix[b]).sum(axis=1)
        ).ravel()
    if details is None:
        details = [_distinguishing(f) for f in features]
    conflicting, same_thing = _thing_relations(details, rows, cols)
    shared_name = _shares_any(_indicator([f.names for f in features]), rows, cols)
    commune_code = _codes(communes)
    same_place = (commune_code[rows] == commune_code[cols]) & (commune_code[rows] >= 0)
    field_code = _codes(fields) if fields else np.zeros(len(features), dtype=np.int64)
    known = (field_code[rows] >= 0) & (field_code[cols] >= 0)
    same_field = ((field_code[rows] == field_code[cols]) | ~known).astype(np.float32)
    named_bonus = params.name_bonus * shared_name + params.thing_bonus * same_thing
    problems = _problem_masks(features)
    both_named = (problems[rows] > 0) & (problems[cols] > 0)
    other_problem = both_named & ((problems[rows] & problems[cols]) == 0)
    named_bonus = np.where(other_problem, named_bonus * params.other_problem_bonus, named_bonus)
    bonus = named_bonus * (params.cross_field_bonus + (1 - params.cross_field_bonus) * same_field)
    bonus += params.commune_bonus * same_place
    factor = params.field_factor + (1 - params.field_factor) * same_field
    scored = (scores + bonus) * factor
    return np.where(conflicting, 0.0, scored).astype(np.float32)


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


def _indicator(sets: Sequence[Iterable[str]]) -> sparse.csr_matrix:
    """One row per item, one column per distinct element, 1 where the item holds it."""
    vocabulary: dict[str, int] = {}
    indptr: list[int] = [0]
    indices: list[int] = []
    for items in sets:
        indices.extend(vocabulary.setdefault(item, len(vocabulary)) for item in items)
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    return sparse.csr_matrix((data, indices, indptr), shape=(len(sets), max(1, len(vocabulary))))


def _shares_any(matrix: sparse.csr_matrix, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """For each pair (rows[k], cols[k]), whether the two rows of *matrix* share a column."""
    out = np.zeros(len(rows), dtype=bool)
    chunk = 200_000
    for start in range(0, len(rows), chunk):
        a, b = rows[start : start + chunk], cols[start : start + chunk]
        shared = matrix[a].multiply(matrix[b]).sum(axis=1)
        out[start : start + chunk] = np.asarray(shared).ravel() > 0
    return out


def average_linkage(
    n: int,
    rows: np.ndarray,
    cols: np.ndarray,
    scores: np.ndarray,
    details: Sequence[dict[str, set[str]]],
    params: Params,
) -> list[int]:
    """Agglomerate over the sparse graph; return a cluster label per petition.

    The linkage of two clusters is the sum of their edge scores divided by
    ``(|A|·|B|) ** size_exponent`` (missing edges count as zero). Merges stop under the
    threshold, and a merge that would join different roads or named things is refused.

    Merges go in rounds over arrays of edges: every cluster finds its best neighbour, and
    two clusters that are each other's best merge. Average linkage is reducible (a merge
    never brings a third cluster closer to the union than it was to the nearer part), so
    these are the merges that taking the single best pair at a time would make.
    """
    keep = scores > 0
    edges = _LinkGraph(rows[keep], cols[keep], scores[keep].astype(np.float64), n)
    size = np.ones(n, dtype=np.float64)
    label = np.arange(n)
    detail = list(details)  # a merged cluster gets a new dict: *details* stay as they are
    while True:
        pairs = edges.mutual_best(size, params)
        if not len(pairs):
            break
        merged = np.arange(n)
        for k in pairs.tolist():
            a, b = int(edges.a[k]), int(edges.b[k])
            if conflicts(detail[a], detail[b]):
                edges.blocked[k] = True
                continue
            merged[b] = a
            size[a] += size[b]
            detail[a] = {
                kind: detail[a].get(kind, set()) | detail[b].get(kind, set())
                for kind in detail[a].keys() | detail[b].keys()
            }
            detail[b] = {}
        edges.relabel(merged)
        label = merged[label]
    return label.tolist()


class _LinkGraph:
    """Edges between clusters as arrays: ends ``a < b``, summed score, refused flag."""

    def __init__(self, a: np.ndarray, b: np.ndarray, weight: np.ndarray, n: int) -> None:
        self.n = n
        self.a, self.b = np.minimum(a, b), np.maximum(a, b)
        self.weight = weight
        self.blocked = np.zeros(len(a), dtype=bool)
        self._merge_duplicates(np.arange(len(a)))

    def mutual_best(self, size: np.ndarray, params: Params) -> np.ndarray:
        """Open edges at or above the threshold that are the best edge of both their ends,
        best first."""
        linkage = self.weight / (size[self.a] * size[self.b]) ** params.size_exponent
        open_edges = np.flatnonzero((linkage >= params.threshold) & ~self.blocked)
        order = open_edges[np.argsort(-linkage[open_edges], kind="stable")]
        rank = np.arange(len(order))
        best = np.full(self.n, len(order))
        np.minimum.at(best, self.a[order], rank)
        np.minimum.at(best, self.b[order], rank)
        return order[(best[self.a[order]] == rank) & (best[self.b[order]] == rank)]

    def relabel(self, merged: np.ndarray) -> None:
        """Point edges of absorbed clusters at their new cluster and add up parallel edges.

        *merged* maps each absorbed cluster to the one that absorbed it, others to
        themselves; a cluster takes part in one merge per round at most.
        """
        changed = merged != np.arange(self.n)
        changed[merged[changed]] = True
        touched = np.flatnonzero(changed[self.a] | changed[self.b])
        a, b = merged[self.a[touched]], merged[self.b[touched]]
        self.a[touched], self.b[touched] = np.minimum(a, b), np.maximum(a, b)
        self._merge_duplicates(touched)

    def _merge_duplicates(self, subset: np.ndarray) -> None:
        """Sum edges of *subset* joining the same two clusters; drop edges inside one."""
        a, b, weight = self.a[subset], self.b[subset], self.weight[subset]
        inside = a == b
        key = a.astype(np.int64) * self.n + b
        unique, inverse = np.unique(key[~inside], return_inverse=True)
        summed = np.bincount(inverse, weights=weight[~inside], minlength=len(unique))
        keep = np.ones(len(self.a), dtype=bool)
        keep[subset] = False
        self.a = np.concatenate([self.a[keep], unique // self.n])
        self.b = np.concatenate([self.b[keep], unique % self.n])
        self.weight = np.concatenate([self.weight[keep], summed])
        self.blocked = np.concatenate([self.blocked[keep], np.zeros(len(unique), dtype=bool)])


def _shared_evidence(group: Group, features: Sequence[PetitionFeatures], terms_df: Counter) -> None:
    """Fill the group's shared roads, names and most telling shared words."""
    size = len(group.members)
    roads = Counter(r for m in group.members for r in set(features[m].roads))
    names = Counter(n for m in group.members for n in features[m].names)
    words = Counter(
        t for m in group.members for t in set(features[m].terms) if "_" in t and t in terms_df
    )
    need = 2 if size > 1 else 1
    group.shared_roads = [r for r, c in roads.most_common() if c >= need][:3]
    group.shared_names = [n for n, c in names.most_common() if c >= need][:3]
    ranked = sorted(
        (t for t, c in words.items() if c >= max(need, math.ceil(size / 3))),
        key=lambda t: (-words[t] / math.log(2 + terms_df[t]), t),
    )
    group.shared_terms = [t.replace("_", " ") for t in ranked[:5]]


def _analyse_all(
    petitions: Sequence[Petition],
) -> tuple[list[PetitionFeatures], list[Suggestion], np.ndarray]:
    """Features and suggestion of each distinct (text, commune), and which one each petition
    has: a text repeated from the same commune is analysed once.

    One process: handing each text's features back from worker processes costs about as
    much as computing them.
    """
    keys = [(p.text, p.commune) for p in petitions]
    unique = list(dict.fromkeys(keys))
    position = {key: k for k, key in enumerate(unique)}
    of_petition = np.array([position[key] for key in keys], dtype=np.int64)
    entity_lists = [extract_entities(text) for text, _ in unique]
    gazetteer = build_gazetteer(
        [entity_lists[k] for k in of_petition], [p.commune for p in petitions]
    )
    features, suggestions = [], []
    for (text, commune), entities in zip(unique, entity_lists, strict=True):
        features.append(petition_features(text, gazetteer, entities))
        suggestions.append(suggest(text, commune=commune, tokens=features[-1].main_tokens))
    return features, suggestions, of_petition


def consolidate(petitions: Sequence[Petition], params: Params | None = None) -> Result:
    """Group *petitions* by issue; each group gets evidence and a field/level/agency suggestion."""
    params = params or Params()
    distinct, distinct_suggestions, of_petition = _analyse_all(petitions)
    features = [distinct[k] for k in of_petition]
    suggestions = [distinct_suggestions[k] for k in of_petition]
    folded_communes = {c: fold(c) for c in {p.commune for p in petitions}}
    communes = [folded_communes[p.commune] for p in petitions]
    distinct_communes = [communes[k] for k in np.unique(of_petition, return_index=True)[1]]
    counts, _terms = _term_counts(
        [_feature_dict(f, c, params) for f, c in zip(distinct, distinct_communes, strict=True)]
    )
    matrix, df = _weigh(counts[of_petition])
    name_counts, _names = _term_counts(
        [
            {"n:" + e.name: 1.0 for e in f.entities} | {"r:" + r: 1.0 for r in f.roads}
            for f in distinct
        ]
    )
    names, name_df = _weigh(name_counts[of_petition])
    names = names[
        :,
        np.flatnonzero(
            (name_df >= 2)
            & (name_df <= max(params.df_cap_min, int(params.df_cap_ratio * len(petitions))))
        ),
    ]
    pair_rows, pair_cols = candidate_pairs(matrix, df, params, names)
    fields = [s.field if s.field_scores else "" for s in suggestions]  # "": no evidence
    distinct_details = [_distinguishing(f) for f in distinct]
    details = [distinct_details[k] for k in of_petition]
    scores = pair_scores(matrix, pair_rows, pair_cols, features, communes, params, fields, details)
    labels = average_linkage(len(petitions), pair_rows, pair_cols, scores, details, params)

    by_label: dict[int, list[int]] = defaultdict(list)
    for index, label in enumerate(labels):
        by_label[label].append(index)
    terms_df = Counter(t for f in features for t in set(f.terms))
    groups: list[Group] = []
    group_of = [0] * len(petitions)
    for number, label in enumerate(sorted(by_label, key=lambda lab: by_label[lab][0]), start=1):
        group = Group(key=f"G{number:05d}", members=by_label[label])
        _shared_evidence(group, features, terms_df)
        group.suggestion = Suggestion.vote([suggestions[m] for m in group.members])
        for member in group.members:
            group_of[member] = len(groups)
        groups.append(group)
    return Result(petitions=list(petitions), groups=groups, group_of=group_of)


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
