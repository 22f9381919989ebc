"""Bar charts of counts as accessible SVG, shared by the areas' statistics and reports: one
drawing, no script, no external resource, readable on a 390 px phone."""

from dataclasses import dataclass
from html import escape

UNSPECIFIED = "Chưa xác định"


@dataclass(frozen=True)
class Breakdown:
    title: str
    rows: list[tuple[str, int]]


def bar_chart_svg(breakdown: Breakdown, *, chart_id: str) -> str:
    """A horizontal bar chart as accessible SVG: a title, a description listing every value,
    and a ``<title>`` on each bar. No script, no external resource.

    Each label sits on its own line above its bar, in a drawing 360 units wide: on a 390 px
    phone the text keeps about its nominal size (14 px) instead of shrinking with a side
    column of labels."""
    rows = breakdown.rows or [(UNSPECIFIED, 0)]
    top = max(n for _, n in rows) or 1
    label_h, bar_h, gap, width, number_w = 18, 16, 10, 360, 48
    step = label_h + bar_h + gap
    height = len(rows) * step
    desc = "; ".join(f"{label}: {n}" for label, n in rows)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height}" '
        f'width="100%" style="max-width:28rem" aria-labelledby="{chart_id}-t {chart_id}-d" '
        'class="chart">',
        f'<title id="{chart_id}-t">{escape(breakdown.title)}</title>',
        f'<desc id="{chart_id}-d">{escape(desc)}</desc>',
    ]
    for i, (label, n) in enumerate(rows):
        y = i * step
        w = round((width - number_w) * n / top)
        parts += [
            f'<text x="0" y="{y + 14}" font-size="14" fill="#1d2733">{escape(label[:46])}</text>',
            f'<rect x="0" y="{y + label_h}" width="{max(w, 1)}" height="{bar_h}" '
            f'fill="#1f4e8c"><title>{escape(label)}: {n}</title></rect>',
            f'<text x="{w + 6}" y="{y + label_h + 13}" font-size="14" font-weight="bold" '
            f'fill="#1d2733">{n}</text>',
        ]
    parts.append("</svg>")
    return "".join(parts)
