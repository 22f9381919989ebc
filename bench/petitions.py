"""Benchmark: petition consolidation across provinces, beside a TF-IDF baseline, and at scale.

Run: ``make bench-petitions`` (or ``.venv/bin/python -m bench.petitions [--scale N]``).

Headline: each labelled province scored by an engine trained on the *other* one (dev → dev2
and dev2 → dev: pair model, field and level classifiers and threshold all learned there,
:mod:`bench.train`), beside word 1–2-gram TF-IDF + average-link clustering whose threshold is
tuned on the same training province. Then the same cross-province engine on the test
province with diacritics stripped and with one typo in 10% of words (the mean over
``TYPO_SEEDS`` draws of the typos, with the range of their F1: one draw can be lucky).
Then, for reference only, the shipped models (trained on both provinces) scored on each:
in-sample, optimistic.
Last, a realistic generated corpus (:func:`bench.corpus.realistic`: labelled clusters
re-written in newly named places, typos, no diacritics for 15%) at ``--scale`` petitions,
with time and peak memory.
"""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from bench.corpus import _strip_marks, realistic, typos
from bench.metrics import PairScores, accuracy, pairwise
from bench.train import DEFAULT_DATA, load, train
from phoihop.text.consolidate import Models, Params, Petition, consolidate
from phoihop.text.normalize import fold, syllables

T = TypeVar("T")


@dataclass
class Row:
    dataset: str
    method: str
    scores: PairScores
    field: float | None
    level: float | None
    seconds: float
    peak_mib: float
    cpu_seconds: float = 0.0
    f1_range: tuple[float, float] | None = None  # a mean row: its draws' lowest and highest F1


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


def measured(fn: Callable[[], T]) -> tuple[T, float, float, float]:
    """Result, wall seconds, peak MiB and CPU seconds of this process and its workers (on a
    shared machine the wall time also counts other people's work; the CPU time does not)."""
    with PeakMemory() as memory:
        start, cpu = time.perf_counter(), _cpu()
        result = fn()
        seconds, cpu = time.perf_counter() - start, _cpu() - cpu
    return result, seconds, memory.peak / 2**20, cpu


def _cpu() -> float:
    """CPU seconds of this process and of the worker processes it has waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def worker_peak_mib() -> float:
    """Largest peak resident memory of a worker process so far (it counts pages shared with
    this process too)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


# --- methods -------------------------------------------------------------------------------


def engine_groups(
    records: Sequence[dict], params: Params | None = None, models: Models | None = None
) -> list[dict]:
    petitions = [
        Petition(str(r["id"]), r["text"], r.get("meeting", ""), r.get("commune", ""))
        for r in records
    ]
    return list(consolidate(petitions, params, models=models).rows())


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


# --- cross-province evaluation ------------------------------------------------------------

TFIDF_GRID = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9]


def _score(records: Sequence[dict], groups: Sequence[str]) -> PairScores:
    return pairwise([r["cluster"] for r in records], groups, [r.get("also", []) for r in records])


def tune_threshold(records: Sequence[dict], method: Callable, grid: Sequence[float]) -> float:
    texts = [r["text"] for r in records]
    return max(grid, key=lambda t: _score(records, method(texts, t)).f1)


def engine_row(
    name: str, records: Sequence[dict], models: Models | None, params: Params | None
) -> Row:
    print(f"… {name}: engine", flush=True)
    out, seconds, peak, cpu = measured(lambda: engine_groups(records, params, models))
    groups = [row["group"] for row in out]
    field = accuracy([r["field"] for r in records], [row["field"] for row in out])
    level = accuracy([r["level"] for r in records], [row["level"] for row in out])
    return Row(name, "engine", _score(records, groups), field, level, seconds, peak, cpu)


def baseline_row(name: str, records: Sequence[dict], threshold: float) -> Row:
    print(f"… {name}: tfidf+agglo", flush=True)
    texts = [r["text"] for r in records]
    groups, seconds, peak, cpu = measured(lambda: tfidf_groups(texts, threshold))
    return Row(name, "tfidf+agglo", _score(records, groups), None, None, seconds, peak, cpu)


# Draws of the random typos: the typo rows are their mean.
TYPO_SEEDS = (7, 8, 9, 10, 11)


def typo_row(name: str, records: Sequence[dict], models: Models, params: Params) -> Row:
    """The engine on *records* with one typo in 10% of words, averaged over ``TYPO_SEEDS``."""
    draws = [engine_row(name, typos(records, seed=seed), models, params) for seed in TYPO_SEEDS]

    def mean(values: Sequence[float]) -> float:
        return sum(values) / len(values)

    f1s = [d.scores.f1 for d in draws]
    return Row(
        name,
        "engine",
        PairScores(
            mean([d.scores.precision for d in draws]),
            mean([d.scores.recall for d in draws]),
            mean(f1s),
        ),
        mean([d.field or 0.0 for d in draws]),
        mean([d.level or 0.0 for d in draws]),
        mean([d.seconds for d in draws]),
        max(d.peak_mib for d in draws),
        mean([d.cpu_seconds for d in draws]),
        f1_range=(min(f1s), max(f1s)),
    )


def stripped(records: Sequence[dict]) -> list[dict]:
    return [{**r, "text": _strip_marks(r["text"])} for r in records]


def cross_province(provinces: dict[str, list[dict]]) -> list[Row]:
    rows = []
    for (train_name, train_on), (test_name, test_on) in itertools.permutations(
        provinces.items(), 2
    ):
        print(f"… training on {train_name}", flush=True)
        models, params = train([train_on])
        name = f"{train_name}→{test_name}"
        rows.append(engine_row(name, test_on, models, params))
        threshold = tune_threshold(train_on, tfidf_groups, TFIDF_GRID)
        rows.append(baseline_row(name, test_on, threshold))
        rows.append(engine_row(name + " no marks", stripped(test_on), models, params))
        rows.append(typo_row(name + f" 10% typos ×{len(TYPO_SEEDS)}", test_on, models, params))
    return rows


# --- runs ----------------------------------------------------------------------------------


def print_table(rows: Sequence[Row], title: str) -> None:
    print(f"\n{title}")
    header = (
        f"{'dataset':<24} {'method':<12} {'P':>5} {'R':>5} {'F1':>5} {'field':>6} {'level':>6} "
        f"{'seconds':>8} {'cpu s':>7} {'peak MiB':>9}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        field = f"{row.field:.3f}" if row.field is not None else "—"
        level = f"{row.level:.3f}" if row.level is not None else "—"
        print(
            f"{row.dataset:<24} {row.method:<12} {row.scores.precision:5.3f} "
            f"{row.scores.recall:5.3f} {row.scores.f1:5.3f} {field:>6} {level:>6} "
            f"{row.seconds:8.2f} {row.cpu_seconds:7.2f} {row.peak_mib:9.0f}"
        )
    for row in rows:
        if row.f1_range:
            low, high = row.f1_range
            draws = len(TYPO_SEEDS)
            print(f"{row.dataset}: mean of {draws} draws, F1 from {low:.3f} to {high:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--scale", type=int, default=100_000, help="0: skip the scale run")
    parser.add_argument(
        "--scale-only", action="store_true", help="only the realistic generated corpus"
    )
    args = parser.parse_args()

    provinces = {
        "dev": load(args.data / "petitions_dev.jsonl"),
        "dev2": load(args.data / "petitions_dev2.jsonl"),
    }
    if not args.scale_only:
        rows = cross_province(provinces)
        print_table(rows, "Cross-province: trained on one province, scored on the other")
        in_sample = [engine_row(name, records, None, None) for name, records in provinces.items()]
        print_table(in_sample, "Shipped models (trained on both provinces), in-sample: optimistic")
    if args.scale:
        records = [r for records in provinces.values() for r in records]
        corpus = [
            {
                "id": p.id,
                "text": p.text,
                "commune": p.commune,
                "cluster": p.cluster,
                "field": p.field,
                "level": p.level,
            }
            for p in realistic(records, args.scale)
        ]
        words = sum(len(r["text"].split()) for r in corpus) / len(corpus)
        before = PeakMemory._rss() / 2**20
        load_before = os.getloadavg()[0]
        scale_rows = [engine_row(f"realistic {args.scale // 1000}k", corpus, None, None)]
        print_table(scale_rows, f"Realistic generated corpus ({words:.1f} words a petition)")
        print(
            f"resident before the run (corpus and bench): {before:.0f} MiB; largest worker "
            f"peak: {worker_peak_mib():.0f} MiB (counts pages shared with the parent); load "
            f"average before {load_before:.2f}, after {os.getloadavg()[0]:.2f} on {os.cpu_count()} "
            "cores"
        )


if __name__ == "__main__":
    main()
