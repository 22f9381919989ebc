"""The engine's evidence inside the petitions: where the shared words, roads and names stand
in each text (folded, so that "DT816" finds "ĐT.816"), the words as the voters wrote them, and
the text with them marked."""

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from phoihop.voters.engine import fold

_FOLDED: dict[int, str] = {}  # code point -> its one-character fold (a table, not a cache)


def _fold_aligned(text: str) -> str:
    """Fold character by character, so that positions in the folded text are positions in
    *text*."""
    for ch in set(text):
        if ord(ch) not in _FOLDED:
            f = fold(ch)
            _FOLDED[ord(ch)] = f[0] if len(f) >= 1 else " "
    return text.translate(_FOLDED)


@lru_cache(maxsize=4096)
def _pattern(needle: str, *, road: bool) -> re.Pattern:
    if road:  # "dt816" is written ĐT.816, ĐT 816, ĐT-816
        body = "".join(re.escape(c) + r"[.\-\s]?" for c in needle[:-1]) + re.escape(needle[-1])
    else:
        body = r"[\s.\-]*".join(re.escape(w) for w in needle.split())
    return re.compile(r"(?<!\w)" + body + r"(?!\w)")


def _needles(evidence: dict | None) -> tuple[tuple[str, bool], ...]:
    evidence = evidence or {}
    return tuple(
        sorted(
            {
                (fold(str(n)).strip(), key == "roads")
                for key in ("roads", "names", "terms")
                for n in evidence.get(key, [])
                if str(n).strip()
            }
        )
    )


def spans(text: str, evidence: dict | None) -> tuple[tuple[int, int], ...]:
    return _spans_of(text, _needles(evidence))


def _spans_of(text: str, needles: tuple[tuple[str, bool], ...]) -> tuple[tuple[int, int], ...]:
    """The marked spans of *text*."""
    if not needles:
        return ()
    folded = _fold_aligned(text)
    found = sorted(
        (m.start(), m.end())
        for needle, road in needles
        for m in _pattern(needle, road=road).finditer(folded)
    )
    merged: list[tuple[int, int]] = []
    for start, end in found:  # overlapping terms ("sửa chữa", "chữa đường") mark one span
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def words(texts_and_spans) -> str:
    """The evidence as the voters wrote it (with diacritics), from ``(text, spans)`` pairs."""
    seen: dict[str, str] = {}
    for text, found in texts_and_spans:
        for start, end in found:
            word = text[start:end]
            seen.setdefault(fold(word), word)
    return ", ".join(seen.values())


def marked(text: str, found) -> SafeString:
    """*text*, escaped, with *found* spans in ``<mark>``."""
    if not found:
        return escape(text)
    parts, last = [], 0
    for start, end in found:
        parts.append(escape(text[last:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        last = end
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))


def mark_group(group, petitions) -> None:
    """Mark a group's *petitions* once for a page: ``p.marked`` on each, ``group.words``."""
    found = []
    for petition in petitions:
        petition_spans = spans(petition.text, group.evidence)
        petition.marked = marked(petition.text, petition_spans)
        found.append((petition.text, petition_spans))
    group.words = words(found)
