"""Show the engine's evidence inside the petitions: the shared words, roads and names marked."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from phoihop.voters.engine import fold

register = template.Library()


def _fold_aligned(text: str) -> str:
    """Fold character by character, so that positions in the folded text are positions in
    *text*."""
    out = []
    for ch in text:
        f = fold(ch)
        out.append(f[0] if len(f) >= 1 else " ")
    return "".join(out)


def _pattern(needle: str, *, road: bool) -> str:
    if road:  # "dt816" is written ĐT.816, ĐT 816, ĐT-816
        body = "".join(re.escape(c) + r"[.\-\s]?" for c in needle[:-1]) + re.escape(needle[-1])
    else:
        body = r"[\s.\-]*".join(re.escape(w) for w in needle.split())
    return r"(?<!\w)" + body + r"(?!\w)"


def _spans(text: str, evidence: dict | None) -> list[tuple[int, int]]:
    evidence = evidence or {}
    needles = {
        (fold(str(n)).strip(), key == "roads")
        for key in ("roads", "names", "terms")
        for n in evidence.get(key, [])
        if str(n).strip()
    }
    folded = _fold_aligned(text)
    found = sorted(
        (m.start(), m.end())
        for needle, road in needles
        for m in re.finditer(_pattern(needle, road=road), folded)
    )
    merged: list[tuple[int, int]] = []
    for start, end in found:  # overlapping terms ("sửa chữa", "chữa đường") mark one span
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


@register.filter
def evidence_words(petitions, evidence: dict | None) -> str:
    """The evidence as the voters wrote it (with diacritics), from the group's petitions."""
    seen: dict[str, str] = {}
    for petition in petitions:
        for start, end in _spans(petition.text, evidence):
            word = petition.text[start:end]
            seen.setdefault(fold(word), word)
    return ", ".join(seen.values())


@register.filter
def evidence_marked(text: str, evidence: dict | None) -> str:
    spans = _spans(text, evidence)
    if not spans:
        return escape(text)
    parts, last = [], 0
    for start, end in spans:
        parts.append(escape(text[last:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        last = end
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))
