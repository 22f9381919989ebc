"""Tables scroll inside their card on a 390 px phone instead of widening the page."""

import re
from pathlib import Path

import phoihop

TEMPLATES = sorted(Path(phoihop.__file__).parent.glob("*/templates/**/*.html"))
WRAPPED = re.compile(r'<div class="[^"]*\btable-wrap\b[^"]*"[^>]*>\s*$')


def _unwrapped(path: Path) -> list[int]:
    text = path.read_text()
    return [
        text.count("\n", 0, m.start()) + 1
        for m in re.finditer(r"<table\b", text)
        if not WRAPPED.search(text[: m.start()])
    ]


def test_every_table_sits_in_a_horizontally_scrolling_wrapper():
    assert TEMPLATES
    offenders = {
        str(p.relative_to(Path(phoihop.__file__).parent)): _unwrapped(p) for p in TEMPLATES
    }
    assert {p: lines for p, lines in offenders.items() if lines} == {}
