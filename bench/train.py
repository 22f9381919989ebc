"""Train the engine's models on labelled provinces and write them where the engine reads them.

Run: ``.venv/bin/python -m bench.train`` (both labelled provinces → ``phoihop/text/data/
models.json``). :func:`train` is what the benchmark calls to train on one province and score
the other.

- Field and level: multinomial logistic regression on every petition of the training
  provinces.
- Pair score: logistic regression on the candidate pairs of each training province (a pair
  is positive when both petitions share their main issue; pairs where one petition also
  raises the other's issue are left out). The field and level probabilities it reads are
  cross-fitted (each half of the issues scored by models trained on the other half), so the
  pair model learns how much to trust them on texts they have not seen.
- Typos: the pair model is also fitted on copies of each province with one typo in 10% of
  words (``TRAINING_TYPO_SEEDS``, other draws than the benchmark's), so it learns how far
  each feature can be trusted when words are misspelt (decision 0051).
- Threshold: the probability threshold and coverage power that give the best grouping F1,
  with each province's pairs scored by a pair model trained without that province's issues
  (cross-fitted by halves of issues when there is one province).
"""

from __future__ import annotations

import argparse
import itertools
import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
from scipy import ndimage

from bench.corpus import typos
from bench.metrics import pairwise
from phoihop.text.classify import LEVELS, label_inputs, tied_scores
from phoihop.text.consolidate import (
    Models,
    Params,
    Petition,
    Scored,
    analyse,
    average_linkage,
    candidate_pairs,
    pair_features,
    shared_wording,
    vetoed,
)
from phoihop.text.features import petition_features
from phoihop.text.learn import DATA, LabelModel, PairModel
from phoihop.text.lexicons import FIELDS

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared/data"
# Typos drawn into copies of the training petitions (other draws than the benchmark's).
TRAINING_TYPO_SEEDS = (101, 102, 103)
THRESHOLDS = (0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
COVERAGE_POWERS = (0.25, 0.5, 0.75, 1.0)


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def petitions_of(records: Sequence[dict]) -> list[Petition]:
    return [
        Petition(str(r["id"]), r["text"], r.get("meeting", ""), r.get("commune", ""))
        for r in records
    ]


def fit_labels(records: Sequence[dict]) -> tuple[LabelModel, LabelModel]:
    """Field and level models; each reads words, dense scores and tied scores."""
    features = [petition_features(r["text"]) for r in records]
    inputs = [label_inputs(f.main_tokens, f.tokens) for f in features]
    rows = [i.sparse for i in inputs]
    dense = np.array([i.dense for i in inputs])

    def fit(key: str, labels: tuple[str, ...], tied: list[np.ndarray]) -> LabelModel:
        gold = [r[key] for r in records]
        return LabelModel.fit(labels, rows, dense, gold, tied=tied_scores(tied, labels, labels))

    return (
        fit("field", FIELDS, [i.field_tied for i in inputs]),
        fit("level", LEVELS, [i.level_tied for i in inputs]),
    )


def _halves(records: Sequence[dict]) -> tuple[list[dict], list[dict]]:
    clusters = sorted({r["cluster"] for r in records})
    first = set(clusters[::2])
    return [r for r in records if r["cluster"] in first], [
        r for r in records if r["cluster"] not in first
    ]


_PLACEHOLDER = PairModel((0.0,), (1.0,), (0.0,), 0.0)


def province_pairs(
    records: Sequence[dict], label_models: tuple[LabelModel, LabelModel], params: Params
) -> tuple[Scored, np.ndarray, np.ndarray, list[str]]:
    """Candidate pairs of one province with cross-fitted label probabilities.

    Returns the scored structure (scores empty), labels (1 same issue, 0 not, -1 ignored),
    the veto mask and the gold cluster of each distinct text.
    """
    petitions = petitions_of(records)
    keys = sorted({(p.text, p.commune) for p in petitions})
    position = {key: k for k, key in enumerate(keys)}
    of_petition = np.array([position[(p.text, p.commune)] for p in petitions])
    analysis = analyse(keys, Models(_PLACEHOLDER, *label_models), params)
    a, b = _halves(records)
    for train_on, predict in ((a, b), (b, a)):
        if not train_on or not predict:
            continue
        models = Models(_PLACEHOLDER, *fit_labels(train_on))
        part = analyse(sorted({(r["text"], r.get("commune", "")) for r in predict}), models, params)
        for k, key in enumerate(part.keys):
            analysis.field_p[position[key]] = part.field_p[k]
            analysis.level_p[position[key]] = part.level_p[k]
    rows, cols = candidate_pairs(analysis, params)
    features = pair_features(analysis, rows, cols)
    cluster = [""] * len(keys)
    also: list[set[str]] = [set() for _ in keys]
    for r, k in zip(records, of_petition.tolist(), strict=True):
        cluster[k] = cluster[k] or r["cluster"]
        also[k].update(r.get("also", []))
    labels = np.array(
        [
            1
            if cluster[i] == cluster[j]
            else -1
            if cluster[i] in also[j] or cluster[j] in also[i]
            else 0
            for i, j in zip(rows.tolist(), cols.tolist(), strict=True)
        ]
    )
    veto = vetoed(analysis, rows, cols, params)
    veto |= shared_wording(features) < params.min_wording
    scored = Scored(analysis, of_petition, rows, cols, features, np.zeros(len(rows)))
    return scored, labels, veto, cluster


def _half_masks(
    part: tuple[Scored, np.ndarray, np.ndarray, list[str]], first: set[str]
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs with both texts in the *first* half of the issues, and with both in the other."""
    scored, cluster = part[0], part[3]
    side = np.array([c in first for c in cluster])
    return side[scored.rows] & side[scored.cols], ~side[scored.rows] & ~side[scored.cols]


def fit_pairs(
    parts: Sequence[tuple[Scored, np.ndarray, np.ndarray, list[str]]],
    within: Sequence[np.ndarray] | None = None,
) -> PairModel:
    """The pair model fitted on the labelled, unvetoed pairs of *parts* (only those *within*
    each part's mask, when given)."""
    masks = within or [np.ones(len(y), dtype=bool) for _s, y, _v, _c in parts]
    keep = [m & (y >= 0) & ~v for (_s, y, v, _c), m in zip(parts, masks, strict=True)]
    x = np.vstack([s.features[k] for (s, _y, _v, _c), k in zip(parts, keep, strict=True)])
    y = np.concatenate([y[k] for (_s, y, _v, _c), k in zip(parts, keep, strict=True)])
    return PairModel.fit(x, y)


def _group_f1(
    scored: Scored, scores: np.ndarray, veto: np.ndarray, records: Sequence[dict], params: Params
) -> float:
    scores = np.where(veto, 0.0, scores)
    labels = average_linkage(
        len(scored.analysis.keys),
        scored.rows,
        scored.cols,
        scores,
        scored.analysis.details,
        params,
    )
    groups = [str(labels[k]) for k in scored.of_petition]
    return pairwise(
        [r["cluster"] for r in records], groups, [r.get("also", []) for r in records]
    ).f1


def neighbourhood_mean(surface: np.ndarray) -> np.ndarray:
    """Each cell's mean over itself and its grid neighbours (the 3 × 3 around it, those
    that exist).

    >>> neighbourhood_mean(np.array([[0.0, 3.0], [3.0, 6.0]])).tolist()
    [[3.0, 3.0], [3.0, 3.0]]
    """
    total = ndimage.uniform_filter(surface, size=3, mode="constant", cval=0.0)
    count = ndimage.uniform_filter(np.ones_like(surface), size=3, mode="constant", cval=0.0)
    return total / count


def train(
    provinces: Sequence[Sequence[dict]], params: Params | None = None
) -> tuple[Models, Params]:
    """Models and grouping settings learned from the labelled *provinces*."""
    params = params or Params()
    all_records = [r for records in provinces for r in records]
    label_models = fit_labels(all_records)
    parts = [province_pairs(records, label_models, params) for records in provinces]
    # The same petitions with typos: the pair model learns how far to trust each feature
    # when words are misspelt. Field and level are learned from the petitions as written.
    noisy = [
        [
            province_pairs(typos(records, seed=seed), label_models, params)
            for seed in TRAINING_TYPO_SEEDS
        ]
        for records in provinces
    ]
    pair = fit_pairs([p for k, part in enumerate(parts) for p in (part, *noisy[k])])
    # Held-out scores for choosing the threshold: each province by a model trained without
    # it, or (one province) each half of its issues by a model trained on the other half.
    held: list[np.ndarray] = []
    for k, (scored, y, _veto, cluster) in enumerate(parts):
        if len(parts) > 1:
            model = fit_pairs(
                [p for j, part in enumerate(parts) if j != k for p in (part, *noisy[j])]
            )
            held.append(model.probability(scored.features))
            continue
        first = set(sorted(set(cluster))[::2])
        own = [parts[k], *noisy[k]]
        halves = [_half_masks(part, first) for part in own]
        in_a, in_b = halves[0]
        scores = np.zeros(len(y))
        models = [fit_pairs(own, [masks[side] for masks in halves]) for side in (0, 1)]
        scores[in_a] = models[1].probability(scored.features[in_a])
        scores[in_b] = models[0].probability(scored.features[in_b])
        across = ~in_a & ~in_b
        scores[across] = 0.5 * (
            models[0].probability(scored.features[across])
            + models[1].probability(scored.features[across])
        )
        held.append(scores)
    surface = np.zeros((len(COVERAGE_POWERS), len(THRESHOLDS)))
    for (p, power), (t, threshold) in itertools.product(
        enumerate(COVERAGE_POWERS), enumerate(THRESHOLDS)
    ):
        trial = replace(params, threshold=threshold, coverage_power=power)
        surface[p, t] = np.mean(
            [
                _group_f1(scored, scores, veto, records, trial)
                for (scored, _y, veto, _c), scores, records in zip(
                    parts, held, provinces, strict=True
                )
            ]
        )
    # The F1 of a setting and its grid neighbours, averaged: a setting that is good only by
    # the luck of one held-out split does not transfer to a new province. A setting at the
    # edge of the grid is averaged over the neighbours it has (repeating its own value for
    # the missing ones would favour the edges).
    smooth = neighbourhood_mean(surface)
    p, t = np.unravel_index(int(np.argmax(smooth)), smooth.shape)
    best = replace(params, threshold=THRESHOLDS[t], coverage_power=COVERAGE_POWERS[p])
    pair = replace(
        pair, threshold=float(best.threshold or 0.5), coverage_power=float(best.coverage_power or 0)
    )
    return Models(pair, *label_models), best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "files",
        nargs="*",
        type=Path,
        default=[DEFAULT_DATA / "petitions_dev.jsonl", DEFAULT_DATA / "petitions_dev2.jsonl"],
    )
    args = parser.parse_args()
    models, params = train([load(path) for path in args.files])
    out = {
        "trained_on": [path.name for path in args.files],
        "pair": models.pair.to_json(),
        "field": models.field.to_json(),
        "level": models.level.to_json(),
    }
    DATA.mkdir(exist_ok=True)
    (DATA / "models.json").write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    print(f"threshold {params.threshold}, coverage power {params.coverage_power}")
    print(dict(zip(models.pair.to_json()["features"], np.round(models.pair.coef, 2), strict=True)))


if __name__ == "__main__":
    main()
