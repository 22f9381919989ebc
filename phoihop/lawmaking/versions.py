"""Match the provisions of a later draft (dự thảo 2, 3…) to the earlier one, and show the
difference in words.

Pure Python. Articles are matched across the whole document by what they say, not by their
number (an inserted article renumbers all that follow); chapters, parts and sections by their
heading; clauses within their matched article and points within their matched clause. Each
pair is taken best first, one-to-one, a tie going to the nearer position. A provision of the
later draft without a match is new; one of the earlier without a match was removed.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from phoihop.text.normalize import fold

# Below this similarity two provisions are not the same provision.
MATCH_THRESHOLD = 0.45
_CONTAINERS = ("part", "chapter", "section")


@dataclass(frozen=True)
class Item:
    """A provision as compared: ``key`` unique in its version, ``parent`` its parent's key."""

    key: str
    level: str
    number: str
    heading: str
    text: str  # the provision's own text
    full_text: str  # with its descendants' text (what an article says as a whole)
    parent: str | None
    position: int


@dataclass(frozen=True)
class Match:
    new: str
    old: str | None
    similarity: float  # 1.0 identical wording; 0.0 when new

    @property
    def change(self) -> str:
        if self.old is None:
            return "new"
        return "same" if self.similarity >= 0.999 else "changed"


def _words(text: str) -> list[str]:
    return fold(text).split()


def similarity(a: str, b: str) -> float:
    """The share of words two texts have in the same order (0–1), diacritics and case aside."""
    wa, wb = _words(a), _words(b)
    if not wa and not wb:
        return 1.0
    if not wa or not wb:
        return 0.0
    matcher = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
    if matcher.real_quick_ratio() < MATCH_THRESHOLD:
        return matcher.real_quick_ratio()
    return matcher.ratio()


def _score(old: Item, new: Item) -> float:
    if old.level != new.level:
        return 0.0
    if new.level in _CONTAINERS:
        return similarity(old.heading, new.heading)
    if new.level == "article":
        heading = similarity(old.heading, new.heading)
        body = similarity(old.full_text, new.full_text)
        return 0.35 * heading + 0.65 * body if (old.full_text or new.full_text) else heading
    return similarity(old.full_text, new.full_text)


def _assign(
    olds: Sequence[Item], news: Sequence[Item], taken: set[str], result: dict[str, Match]
) -> None:
    pairs = []
    for n in news:
        for o in olds:
            if o.key in taken:
                continue
            s = _score(o, n)
            if s >= MATCH_THRESHOLD:
                pairs.append((-s, abs(o.position - n.position), n.key, o.key, s))
    pairs.sort()
    for _, _, new_key, old_key, s in pairs:
        if new_key in result or old_key in taken:
            continue
        result[new_key] = Match(new_key, old_key, round(s, 4))
        taken.add(old_key)


def match_versions(old: Sequence[Item], new: Sequence[Item]) -> list[Match]:
    """One :class:`Match` per provision of *new*, in its order."""
    result: dict[str, Match] = {}
    taken: set[str] = set()
    for level in ("part", "chapter", "section", "article"):
        _assign(
            [o for o in old if o.level == level],
            [n for n in new if n.level == level],
            taken,
            result,
        )
    for level in ("clause", "point"):
        olds_by_parent: dict[str | None, list[Item]] = {}
        for o in old:
            if o.level == level:
                olds_by_parent.setdefault(o.parent, []).append(o)
        news_by_parent: dict[str | None, list[Item]] = {}
        for n in new:
            if n.level == level:
                news_by_parent.setdefault(n.parent, []).append(n)
        for parent, children in news_by_parent.items():
            matched_parent = result.get(parent) if parent else None
            if matched_parent is None or matched_parent.old is None:
                continue
            _assign(olds_by_parent.get(matched_parent.old, []), children, taken, result)
    return [result.get(n.key, Match(n.key, None, 0.0)) for n in new]


_TOKEN = re.compile(r"\s+|[^\s]+")


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """The change from *old* to *new* as (op, text) runs: ``equal``, ``delete``, ``insert``;
    compared word by word (whitespace kept), so a reader sees which words changed."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    runs: list[tuple[str, str]] = []

    def add(op: str, text: str) -> None:
        if not text:
            return
        if runs and runs[-1][0] == op:
            runs[-1] = (op, runs[-1][1] + text)
        else:
            runs.append((op, text))

    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add("equal", "".join(a[i1:i2]))
        else:
            add("delete", "".join(a[i1:i2]))
            add("insert", "".join(b[j1:j2]))
    return runs
