"""The one door from this area to the text engine (``phoihop.text``): only its public
functions are used, here.

- ``text_key(text)``: the key exact duplicates share (folded, abbreviations expanded, spaces and
  punctuation aside), hashed to 40 characters;
- ``near_duplicate_groups(items)``: texts that say the same thing in nearly the same words
  (a campaign's variants), as groups of ids: pairs scored by the engine
  (:func:`phoihop.text.consolidate.score_petitions`: word and character 4-gram cosines), kept
  when their wording is at least ``NEAR``, then joined into connected components (the
  "campaign" grouping of ACUS/GSA practice, PEERS §1).

Large inputs are read in blocks of ``BLOCK`` texts in sorted order; each block carries the
representatives of the groups found so far, so a group spanning blocks is still one group.
"""

import hashlib
from collections.abc import Sequence

import numpy as np

from phoihop.text.consolidate import Models, Params, Petition, score_petitions
from phoihop.text.learn import PAIR_FEATURES
from phoihop.text.normalize import search_key

NEAR = 0.7  # word or 4-gram cosine at or above which two comments are one wording
BLOCK = 1200
CARRIED = 200  # representatives carried into the next block
_PARAMS = Params(df_cap_ratio=1.0, neighbours=12)
_WORD = PAIR_FEATURES.index("word_cos")
_CHAR = PAIR_FEATURES.index("char_cos")
_models: Models | None = None


def text_key(text: str) -> str:
    return hashlib.sha1(search_key(text).encode(), usedforsecurity=False).hexdigest()


def _engine_models() -> Models:
    global _models
    if _models is None:
        _models = Models.default()
    return _models


class _Components:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _pairs(items: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Pairs of ids whose wording is near (engine scores over distinct texts)."""
    if len(items) < 2:
        return []
    scored = score_petitions([Petition(id=i, text=t) for i, t in items], _engine_models(), _PARAMS)
    wording = np.maximum(scored.features[:, _WORD], scored.features[:, _CHAR])
    keep = wording >= NEAR
    first_id: dict[int, str] = {}
    for index, k in enumerate(scored.of_petition):
        first_id.setdefault(int(k), items[index][0])
    # Items sharing one distinct text are one wording too.
    same = [(first_id[int(k)], items[i][0]) for i, k in enumerate(scored.of_petition)]
    near = [
        (first_id[int(r)], first_id[int(c)])
        for r, c in zip(scored.rows[keep], scored.cols[keep], strict=True)
    ]
    return [p for p in same if p[0] != p[1]] + near


def near_duplicate_groups(items: Sequence[tuple[str, str]]) -> list[list[str]]:
    """Groups of ids (each id once, groups in the order of their first id in *items*)."""
    components = _Components()
    for item_id, _ in items:
        components.find(item_id)
    ordered = sorted(items, key=lambda it: search_key(it[1]))
    carried: list[tuple[str, str]] = []
    for start in range(0, len(ordered), BLOCK):
        block = ordered[start : start + BLOCK]
        carried_ids = {c for c, _ in carried}
        for a, b in _pairs(carried + [it for it in block if it[0] not in carried_ids]):
            components.union(a, b)
        roots: dict[str, tuple[str, str]] = {}
        for it in carried + block:
            roots.setdefault(components.find(it[0]), it)
        carried = list(roots.values())[:CARRIED]
    groups: dict[str, list[str]] = {}
    for item_id, _ in items:
        groups.setdefault(components.find(item_id), []).append(item_id)
    return list(groups.values())
