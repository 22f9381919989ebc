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


@register.filter
def evidence_marked(text: str, evidence: dict | None) -> str:
    evidence = evidence or {}
    needles = [
        fold(str(n)).strip()
        for key in ("roads", "names", "terms")
        for n in evidence.get(key, [])
        if str(n).strip()
    ]
    if not needles:
        return escape(text)
    folded = _fold_aligned(text)
    spans = []
    for needle in sorted(set(needles), key=len, reverse=True):
        pattern = r"(?<!\w)" + r"[\s.\-]*".join(re.escape(w) for w in needle.split()) + r"(?!\w)"
        for m in re.finditer(pattern, folded):
            if not any(s < m.end() and m.start() < e for s, e in spans):
                spans.append((m.start(), m.end()))
    spans.sort()
    parts, last = [], 0
    for start, end in spans:
        parts.append(escape(text[last:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        last = end
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))
