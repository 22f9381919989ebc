"""Work over contiguous ranges of items in forked worker processes, results in range order.

The engine's per-text analysis and pair scoring are pure Python per item, so they run in
several processes. Workers are forked after the parent has built what they read (the
gazetteer, the typo table, the term matrices): they see it without copying or pickling,
and send back compact results (NumPy arrays, short lists), one per range, which the parent
takes in range order. The result therefore never depends on how many processes ran.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

R = TypeVar("R")

# What the forked workers read: set by the parent just before it forks them.
_TASK: dict[str, Any] = {}


def cores() -> int:
    """CPU cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def ranges(n: int, size: int) -> list[tuple[int, int]]:
    """``[start, stop)`` ranges of at most *size* items covering ``0..n``."""
    size = max(1, size)
    return [(start, min(n, start + size)) for start in range(0, n, size)]


def map_ranges(
    fn: Callable[[Any, int, int], R],
    shared: Any,
    spans: list[tuple[int, int]],
    processes: int,
) -> Iterator[R]:
    """``fn(shared, start, stop)`` for each span, yielded in span order.

    With more than one process and more than one span, the spans run in forked workers
    that inherit *shared*; otherwise in this process.
    """
    if processes <= 1 or len(spans) <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for start, stop in spans:
            yield fn(shared, start, stop)
        return
    _TASK.update(fn=fn, shared=shared)
    try:
        with multiprocessing.get_context("fork").Pool(min(processes, len(spans))) as pool:
            yield from pool.imap(_run, spans)
    finally:
        _TASK.clear()


def _run(span: tuple[int, int]) -> Any:
    return _TASK["fn"](_TASK["shared"], *span)
