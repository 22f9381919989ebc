"""Benchmark: petition consolidation engine vs two baselines, on the dev set and at scale.

Run: ``make bench-petitions`` (or ``.venv/bin/python -m bench.petitions [--dev PATH]``).

Methods, in one process:
- engine: :func:`phoihop.text.consolidate.consolidate`;
- TF-IDF: word 1–2-gram TF-IDF on folded text, cosine, average-linkage agglomerative
  clustering (scikit-learn); its distance threshold is tuned on the dev set (its best case);
- MinHash LSH: word-bigram MinHash (64 permutations) with LSH, groups are connected
  components (datasketch); its threshold is tuned on the dev set too.

Datasets: the labelled dev set; a generated corpus (``bench.corpus``) of 5,000 petitions for
all three methods, and of 100,000 for the engine and MinHash (agglomerative clustering needs
the full distance matrix: 75 GiB at that size).

Honesty about tuning: the engine's weights were tuned on the dev set, so its dev figure is
optimistic. The "held-out" row re-tunes the engine's main knobs on half of the dev clusters
and scores the other half (both ways, averaged); the same is done for the TF-IDF baseline.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from bench.corpus import generate
from bench.metrics import PairScores, accuracy, pairwise
from phoihop.text.consolidate import Params, Petition, consolidate
from phoihop.text.normalize import fold, syllables

DEFAULT_DEV = Path(__file__).resolve().parents[1].parent / "shared/data/petitions_dev.jsonl"


@dataclass
class Row:
    dataset: str
    method: str
    scores: PairScores
    field: float | None
    level: float | None
    seconds: float
    peak_mib: float


class PeakMemory:
    """Peak resident memory of this process while the block runs (sampled every 5 ms)."""

    def __enter__(self) -> PeakMemory:
        self.peak = self._rss()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._rss())

    def _watch(self) -> None:
        while not self._stop.wait(0.005):
            self.peak = max(self.peak, self._rss())

    @staticmethod
    def _rss() -> int:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def measured(fn: Callable[[], list[str]]) -> tuple[list[str], float, float]:
    with PeakMemory() as memory:
        start = time.perf_counter()
        result = fn()
        seconds = time.perf_counter() - start
    return result, seconds, memory.peak / 2**20


# --- methods -------------------------------------------------------------------------------


def engine_groups(records: Sequence[dict], params: Params | None = None) -> list[dict]:
    petitions = [
        Petition(str(r["id"]), r["text"], r.get("meeting", ""), r.get("commune", ""))
        for r in records
    ]
    return list(consolidate(petitions, params).rows())


def tfidf_groups(texts: Sequence[str], threshold: float) -> list[str]:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(
        preprocessor=fold,
        token_pattern=r"[0-9a-z]+",  # noqa: S106 - a regular expression, not a secret
        ngram_range=(1, 2),
        sublinear_tf=True,
    ).fit_transform(texts)
    labels = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=threshold
    ).fit_predict(matrix.toarray())
    return [str(label) for label in labels]


def minhash_groups(texts: Sequence[str], threshold: float) -> list[str]:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=64)
    for index, text in enumerate(texts):
        words = syllables(text)
        shingles = {f"{a} {b}".encode() for a, b in itertools.pairwise(words)} or {b""}
        minhash = MinHash(num_perm=64, seed=1)
        minhash.update_batch(list(shingles))
        lsh.insert(index, minhash)
    parent = list(range(len(texts)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # Connected components of the LSH candidate graph: every bucket of every band joins its
    # members (linear; querying each petition instead is quadratic when buckets grow).
    for table in lsh.hashtables:
        for key in table.keys():  # noqa: SIM118 - a datasketch storage, not a dict
            members = list(table.get(key))
            for other in members[1:]:
                parent[find(other)] = find(members[0])
    return [str(find(i)) for i in range(len(texts))]


# --- tuning and held-out evaluation --------------------------------------------------------

ENGINE_GRID = {
    "threshold": [0.15, 0.2, 0.25, 0.3],
    "name_bonus": [0.0, 0.1],
    "commune_bonus": [0.0, 0.05, 0.1],
    "field_factor": [1.0, 0.7],
}
TFIDF_GRID = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9]
MINHASH_GRID = [0.1, 0.2, 0.3, 0.5]


def _gold(records: Sequence[dict]) -> tuple[list[str], list[list[str]]]:
    return [r["cluster"] for r in records], [r.get("also", []) for r in records]


def _score(records: Sequence[dict], groups: Sequence[str]) -> PairScores:
    gold, also = _gold(records)
    return pairwise(gold, groups, also)


def tune_engine(records: Sequence[dict]) -> Params:
    best, best_f1 = Params(), -1.0
    for values in itertools.product(*ENGINE_GRID.values()):
        params = replace(Params(), **dict(zip(ENGINE_GRID, values, strict=True)))
        f1 = _score(records, [row["group"] for row in engine_groups(records, params)]).f1
        if f1 > best_f1:
            best, best_f1 = params, f1
    return best


def tune_threshold(records: Sequence[dict], method: Callable, grid: Sequence[float]) -> float:
    texts = [r["text"] for r in records]
    return max(grid, key=lambda t: _score(records, method(texts, t)).f1)


def halves(records: Sequence[dict]) -> tuple[list[dict], list[dict]]:
    """Split by cluster: alternate sorted cluster ids, so no issue is in both halves."""
    clusters = sorted({r["cluster"] for r in records})
    first = set(clusters[::2])
    return [r for r in records if r["cluster"] in first], [
        r for r in records if r["cluster"] not in first
    ]


def held_out(records: Sequence[dict]) -> tuple[PairScores, PairScores]:
    """Engine and TF-IDF F1 when tuned on one half of the clusters and scored on the other."""
    engine_scores, tfidf_scores = [], []
    a, b = halves(records)
    for tune_on, test_on in ((a, b), (b, a)):
        params = tune_engine(tune_on)
        rows = engine_groups(test_on, params)
        engine_scores.append(_score(test_on, [row["group"] for row in rows]))
        threshold = tune_threshold(tune_on, tfidf_groups, TFIDF_GRID)
        groups = tfidf_groups([r["text"] for r in test_on], threshold)
        tfidf_scores.append(_score(test_on, groups))
    return _mean(engine_scores), _mean(tfidf_scores)


def _mean(scores: Sequence[PairScores]) -> PairScores:
    return PairScores(
        *(float(np.mean([getattr(s, k) for s in scores])) for k in PairScores.__dataclass_fields__)
    )


# --- runs ----------------------------------------------------------------------------------


def run_dataset(name: str, records: Sequence[dict], methods: dict) -> list[Row]:
    rows = []
    texts = [r["text"] for r in records]
    for method, make in methods.items():
        print(f"… {name}: {method}", flush=True)
        if method == "engine":
            out, seconds, peak = measured(lambda: engine_groups(records))
            groups = [row["group"] for row in out]
            field = accuracy([r["field"] for r in records], [row["field"] for row in out])
            level = accuracy([r["level"] for r in records], [row["level"] for row in out])
        else:
            groups, seconds, peak = measured(lambda make=make: make(texts))
            field = level = None
        rows.append(Row(name, method, _score(records, groups), field, level, seconds, peak))
    return rows


def print_table(rows: Sequence[Row]) -> None:
    header = (
        f"{'dataset':<16} {'method':<13} {'P':>5} {'R':>5} {'F1':>5} {'field':>6} {'level':>6} "
        f"{'seconds':>8} {'peak MiB':>9} {'F1 ×':>6} {'time ×':>7}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        base = next((r for r in rows if r.dataset == row.dataset and r.method == "engine"), row)
        ratio_f1 = row.scores.f1 / base.scores.f1 if base.scores.f1 else float("nan")
        ratio_time = row.seconds / base.seconds if base.seconds else float("nan")
        field = f"{row.field:.3f}" if row.field is not None else "—"
        level = f"{row.level:.3f}" if row.level is not None else "—"
        print(
            f"{row.dataset:<16} {row.method:<13} {row.scores.precision:5.3f} "
            f"{row.scores.recall:5.3f} {row.scores.f1:5.3f} {field:>6} {level:>6} "
            f"{row.seconds:8.2f} {row.peak_mib:9.0f} {ratio_f1:6.2f} {ratio_time:7.2f}"
        )
    print("(F1 × and time ×: the method's figure divided by the engine's on the same dataset)")


def synthetic(n: int) -> list[dict]:
    return [
        {
            "id": p.id,
            "text": p.text,
            "commune": p.commune,
            "cluster": p.cluster,
            "field": p.field,
            "level": p.level,
        }
        for p in generate(n)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    parser.add_argument("--scale", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=5_000)
    args = parser.parse_args()

    dev = [json.loads(line) for line in args.dev.read_text(encoding="utf-8").splitlines() if line]
    tfidf_t = tune_threshold(dev, tfidf_groups, TFIDF_GRID)
    minhash_t = tune_threshold(dev, minhash_groups, MINHASH_GRID)
    print(f"baseline thresholds tuned on dev: TF-IDF distance {tfidf_t}, MinHash {minhash_t}")
    everything = {
        "engine": None,
        "tfidf+agglo": lambda texts: tfidf_groups(texts, tfidf_t),
        "minhash-lsh": lambda texts: minhash_groups(texts, minhash_t),
    }
    rows = run_dataset("dev (334)", dev, everything)
    rows += run_dataset(f"generated {args.small // 1000}k", synthetic(args.small), everything)
    at_scale = {k: v for k, v in everything.items() if k != "tfidf+agglo"}
    rows += run_dataset(f"generated {args.scale // 1000}k", synthetic(args.scale), at_scale)
    print_table(rows)

    engine_held, tfidf_held = held_out(dev)
    print(
        "\nheld-out dev (tuned on half the clusters, scored on the other half, both ways):\n"
        f"  engine       P {engine_held.precision:.3f} R {engine_held.recall:.3f} "
        f"F1 {engine_held.f1:.3f}\n"
        f"  tfidf+agglo  P {tfidf_held.precision:.3f} R {tfidf_held.recall:.3f} "
        f"F1 {tfidf_held.f1:.3f}"
    )


if __name__ == "__main__":
    main()
