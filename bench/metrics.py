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
    by_group: dict[str, list[int]] = defaultdict(list)
    for index, group in enumerate(predicted):
        by_group[group].append(index)
    gold_sizes = Counter(gold)
    true_pairs = sum(n * (n - 1) // 2 for n in gold_sizes.values())
    predicted_pairs = hits = ignored_true = 0
    for members in by_group.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if gold[i] == gold[j]:
                    hits += 1
                    predicted_pairs += 1
                elif gold[j] in also[i] or gold[i] in also[j]:
                    ignored_true += 1
                else:
                    predicted_pairs += 1
    precision = hits / predicted_pairs if predicted_pairs else 1.0
    recall = hits / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PairScores(precision, recall, f1)


def accuracy(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Share of positions where *predicted* equals *gold*."""
    return sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold) if gold else 0.0
