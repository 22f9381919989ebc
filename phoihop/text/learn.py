"""Small models learned from labelled petitions, with inference in numpy only.

- :class:`PairModel`: logistic regression over the features of a pair of petitions
  (:data:`PAIR_FEATURES`), giving the probability that the two raise one issue. Its
  threshold is a probability, so it means the same in a province the model never saw.
- :class:`LabelModel`: multinomial logistic regression over hashed folded words and bigrams
  plus the lexicon scores, for the field and the competence level of one petition.

Training (:func:`fit_binary`, :func:`fit_multinomial`) uses scipy's L-BFGS, a run-time
dependency already; the trained coefficients ship as JSON in ``phoihop/text/data/`` and are
refreshed by ``python -m bench.train``. Nothing is downloaded.
"""

from __future__ import annotations

import json
import math
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy import optimize

DATA = Path(__file__).resolve().parent / "data"

# The features of a pair, in the order of the model's coefficients.
PAIR_FEATURES: tuple[str, ...] = (
    "word_cos",  # TF-IDF cosine of folded content words and bigrams (main issue first)
    "char_cos",  # TF-IDF cosine of folded character 4-grams inside words
    "fuzzy_cos",  # cosine of one-deletion keys of syllables: one typo apart still matches
    "accent_cos",  # cosine of accented words when both are typed with diacritics, else word_cos
    "shared_name",  # both name one capitalised or known name
    "same_thing",  # both name one road, school, project, company, market…
    "same_commune",  # both come from one commune
    "field_agree",  # Bhattacharyya coefficient of the two field probability vectors
    "level_agree",  # Bhattacharyya coefficient of the two level probability vectors
    "problem_share",  # both name a kind of problem and share one
    "problem_differ",  # both name a kind of problem and share none
    "length_ratio",  # shorter / longer, in content tokens
    "word_x_commune",  # word_cos × same_commune
    "char_x_field",  # char_cos × field_agree
    "thing_x_char",  # (shared name or thing) × char_cos: a shared place says little alone
    "rank",  # 1 / (1 + rank of each in the other's candidates by wording), the nearer side
    "other_commune",  # both communes known and different
)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


@dataclass(frozen=True)
class PairModel:
    """Logistic regression over :data:`PAIR_FEATURES` with feature standardisation."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float = 0.5
    # The linkage's coverage power chosen with the threshold (``consolidate.Params``).
    coverage_power: float = 0.5

    def probability(self, features: np.ndarray) -> np.ndarray:
        """Probability that each row's pair raises one issue."""
        if not len(features):
            return np.zeros(0, dtype=np.float32)
        z = (features - np.asarray(self.mean)) / np.asarray(self.scale)
        return _sigmoid(z @ np.asarray(self.coef) + self.intercept).astype(np.float32)

    def to_json(self) -> dict:
        return {
            "features": list(PAIR_FEATURES),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "coef": list(self.coef),
            "intercept": self.intercept,
            "threshold": self.threshold,
            "coverage_power": self.coverage_power,
        }

    @classmethod
    def from_json(cls, data: dict) -> PairModel:
        if tuple(data["features"]) != PAIR_FEATURES:
            raise ValueError("pair model was trained on other features")
        return cls(
            tuple(data["mean"]),
            tuple(data["scale"]),
            tuple(data["coef"]),
            float(data["intercept"]),
            float(data["threshold"]),
            float(data.get("coverage_power", 0.5)),
        )

    @classmethod
    def fit(
        cls, features: np.ndarray, labels: np.ndarray, *, l2: float = 1.0, threshold: float = 0.5
    ) -> PairModel:
        """Fit on rows of :data:`PAIR_FEATURES` and 0/1 labels (balanced classes)."""
        mean = features.mean(axis=0)
        scale = features.std(axis=0)
        scale[scale == 0] = 1.0
        coef, intercept = fit_binary((features - mean) / scale, labels, l2=l2)
        return cls(
            tuple(mean.tolist()),
            tuple(scale.tolist()),
            tuple(coef.tolist()),
            intercept,
            threshold,
        )


def fit_binary(x: np.ndarray, y: np.ndarray, *, l2: float = 1.0) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression, each class weighing half of the loss."""
    y = y.astype(np.float64)
    positives = max(1.0, y.sum())
    negatives = max(1.0, len(y) - y.sum())
    weight = np.where(y > 0, 0.5 / positives, 0.5 / negatives)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w[:-1] + w[-1]
        p = _sigmoid(z)
        eps = 1e-12
        value = -np.sum(weight * (y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps)))
        value += 0.5 * l2 * np.dot(w[:-1], w[:-1]) / len(y)
        grad_z = weight * (p - y)
        grad = np.concatenate([x.T @ grad_z + l2 * w[:-1] / len(y), [grad_z.sum()]])
        return float(value), grad

    start = np.zeros(x.shape[1] + 1)
    result = optimize.minimize(loss, start, jac=True, method="L-BFGS-B")
    return result.x[:-1], float(result.x[-1])


# --- labels of one petition ---------------------------------------------------------------

HASH_BITS = 18


def hashed(terms: Sequence[str]) -> dict[int, float]:
    """Feature-hash folded terms (stable across runs: CRC32), sublinear counts."""
    counts: dict[int, float] = {}
    for term in terms:
        key = _hash(term)
        counts[key] = counts.get(key, 0.0) + 1.0
    return {k: 1.0 + math.log(v) for k, v in counts.items()}


@lru_cache(maxsize=262144)
def _hash(term: str) -> int:
    return zlib.crc32(term.encode()) & ((1 << HASH_BITS) - 1)


@dataclass(frozen=True)
class LabelModel:
    """Multinomial logistic regression: hashed terms (sparse), a few dense scores, and tied
    scores.

    A tied score is one value per class (say, the lexicon score of each field): one
    coefficient, shared by all classes, weighs it. The model cannot learn from one province
    that one field's lexicon points at another field, only how far lexicon evidence is
    trusted, which carries to a province it has not seen.
    """

    labels: tuple[str, ...]
    keys: np.ndarray  # sorted hash keys the model knows
    weights: np.ndarray  # (len(keys), len(labels))
    dense: np.ndarray  # (dense features, len(labels))
    bias: np.ndarray  # (len(labels),)
    tied: np.ndarray = dataclass_field(default_factory=lambda: np.zeros(0))  # (tied groups,)

    def probabilities(
        self,
        sparse_rows: Sequence[dict[int, float]],
        dense: np.ndarray,
        tied: np.ndarray | None = None,
    ) -> np.ndarray:
        """Class probabilities per row; *tied* is (rows, len(labels), tied groups)."""
        scores = np.tile(self.bias, (len(sparse_rows), 1))
        if len(sparse_rows):
            scores += dense @ self.dense
            if len(self.tied):
                if tied is None:
                    raise ValueError("this model reads tied scores")
                scores += tied @ self.tied
        for r, row in enumerate(sparse_rows):
            if not row:
                continue
            keys = np.fromiter(row.keys(), dtype=np.int64, count=len(row))
            values = np.fromiter(row.values(), dtype=np.float64, count=len(row))
            position = np.searchsorted(self.keys, keys)
            position = np.minimum(position, len(self.keys) - 1)
            known = self.keys[position] == keys
            norm = np.sqrt((values**2).sum()) or 1.0
            scores[r] += (values[known] / norm) @ self.weights[position[known]]
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def to_json(self) -> dict:
        return {
            "labels": list(self.labels),
            "keys": self.keys.tolist(),
            "weights": np.round(self.weights, 4).tolist(),
            "dense": np.round(self.dense, 4).tolist(),
            "bias": np.round(self.bias, 4).tolist(),
            "tied": np.round(self.tied, 4).tolist(),
        }

    @classmethod
    def from_json(cls, data: dict) -> LabelModel:
        return cls(
            tuple(data["labels"]),
            np.asarray(data["keys"], dtype=np.int64),
            np.asarray(data["weights"], dtype=np.float64),
            np.asarray(data["dense"], dtype=np.float64),
            np.asarray(data["bias"], dtype=np.float64),
            np.asarray(data.get("tied", []), dtype=np.float64),
        )

    @classmethod
    def fit(
        cls,
        labels: Sequence[str],
        sparse_rows: Sequence[dict[int, float]],
        dense: np.ndarray,
        gold: Sequence[str],
        *,
        tied: np.ndarray | None = None,
        l2: float = 1.0,
    ) -> LabelModel:
        """Fit on rows with their gold labels (each one of *labels*); *tied* as in
        :meth:`probabilities`, in the order of *labels*."""
        keys = np.array(sorted({k for row in sparse_rows for k in row}), dtype=np.int64)
        position = {int(k): i for i, k in enumerate(keys)}
        from scipy import sparse

        indptr, indices, values = [0], [], []
        for row in sparse_rows:
            norm = np.sqrt(sum(v * v for v in row.values())) or 1.0
            for k, v in row.items():
                indices.append(position[k])
                values.append(v / norm)
            indptr.append(len(indices))
        x = sparse.hstack(
            [
                sparse.csr_matrix((values, indices, indptr), shape=(len(sparse_rows), len(keys))),
                sparse.csr_matrix(dense),
            ]
        ).tocsr()
        y = np.array([labels.index(g) for g in gold])
        w, b, a = fit_multinomial(x, y, len(labels), tied=tied, l2=l2)
        return cls(tuple(labels), keys, w[: len(keys)], w[len(keys) :], b, a)


def fit_multinomial(
    x, y: np.ndarray, classes: int, *, tied: np.ndarray | None = None, l2: float = 1.0
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """L2-regularised softmax regression on a (sparse) design matrix, with coefficients of
    *tied* scores ((rows, classes, groups), one coefficient a group) nearly unpenalised."""
    n, d = x.shape
    tied = np.zeros((n, classes, 0)) if tied is None else np.asarray(tied, dtype=np.float64)
    groups = tied.shape[2]
    onehot = np.zeros((n, classes))
    onehot[np.arange(n), y] = 1.0

    def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
        w = flat[: d * classes].reshape(d, classes)
        b = flat[d * classes : d * classes + classes]
        a = flat[d * classes + classes :]
        scores = np.asarray(x @ w) + b + tied @ a
        scores -= scores.max(axis=1, keepdims=True)
        log_norm = np.log(np.exp(scores).sum(axis=1, keepdims=True))
        log_p = scores - log_norm
        value = -np.sum(onehot * log_p) / n + 0.5 * l2 * (np.sum(w * w) + TIED_L2 * a @ a) / n
        diff = (np.exp(log_p) - onehot) / n
        grad_w = np.asarray(x.T @ diff) + l2 * w / n
        grad_a = np.einsum("nk,nkg->g", diff, tied) + l2 * TIED_L2 * a / n
        return float(value), np.concatenate([grad_w.ravel(), diff.sum(axis=0), grad_a])

    result = optimize.minimize(
        loss,
        np.zeros(d * classes + classes + groups),
        jac=True,
        method="L-BFGS-B",
        options={"maxiter": 400},
    )
    flat = result.x
    return (
        flat[: d * classes].reshape(d, classes),
        flat[d * classes : d * classes + classes],
        flat[d * classes + classes :],
    )


# A tied coefficient is one number for all classes: it is penalised a hundred times less than
# a word's weight (it carries general evidence, not one province's wording).
TIED_L2 = 0.01


@lru_cache(maxsize=1)
def default_models() -> tuple[PairModel, LabelModel, LabelModel]:
    """The models shipped with the engine, trained on both labelled provinces."""
    data = json.loads((DATA / "models.json").read_text(encoding="utf-8"))
    return (
        PairModel.from_json(data["pair"]),
        LabelModel.from_json(data["field"]),
        LabelModel.from_json(data["level"]),
    )
