"""Pairwise clustering metrics and label accuracy for the petition benchmark."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class PairScores:
    precision: float
    recall: float
    f1: float


def pairwise(
    gold: Sequence[str], predicted: Sequence[str], also: Sequence[Sequence[str]] | None = None
) -> PairScores:
    """Pairwise precision/recall/F1 of *predicted* groups against *gold* clusters.

    A pair counts as positive when both petitions share their main cluster. A pair whose
    clusters differ but one petition also raises the other's issue (``also``) is ignored:
    grouping it either way is defensible.
    """
    also = also or [[] for _ in gold]
    pair_count = lambda n: n * (n - 1) // 2  # noqa: E731
    true_pairs = sum(pair_count(n) for n in Counter(gold).values())
    group_sizes = Counter(predicted)
    cells = Counter(zip(predicted, gold, strict=True))
    hits = sum(pair_count(n) for n in cells.values())
    # Pairs grouped together whose main issues differ but that one of them also raises.
    by_cell: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, key in enumerate(zip(predicted, gold, strict=True)):
        by_cell[key].append(index)
    ignored: set[tuple[int, int]] = set()
    for i, extra in enumerate(also):
        for cluster in extra:
            if cluster != gold[i]:
                for j in by_cell.get((predicted[i], cluster), ()):
                    ignored.add((min(i, j), max(i, j)))
    predicted_pairs = sum(pair_count(n) for n in group_sizes.values()) - len(ignored)
    precision = hits / predicted_pairs if predicted_pairs else 1.0
    recall = hits / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PairScores(precision, recall, f1)


def accuracy(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Share of positions where *predicted* equals *gold*."""
    return sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold) if gold else 0.0
