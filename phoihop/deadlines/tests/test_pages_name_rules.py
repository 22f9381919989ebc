"""Pages name a clock by what it counts and its legal basis, never by the rulebook's internal
code ("GS-10", "TX-04"): officials and citizens read the law's words, not our index."""

import re
import tomllib
from pathlib import Path

PHOIHOP = Path(__file__).resolve().parents[2]


def _rule_code():
    """A pattern for the codes of the shipped rules (their prefixes, read from the rules)."""
    prefixes = set()
    for path in (PHOIHOP / "deadlines" / "data").glob("*.toml"):
        rules = tomllib.loads(path.read_text(encoding="utf-8")).get("rules", {})
        prefixes |= {code.split("-")[0] for code in rules if "-" in code}
    assert {"GS", "TX", "KH", "BC"} <= prefixes
    return re.compile(rf"\b(?:{'|'.join(sorted(prefixes))})-\d{{2}}[a-z]?\b")


def test_no_page_template_shows_a_rule_code():
    code = _rule_code()
    comment = re.compile(r"{#.*?#}|{% comment %}.*?{% endcomment %}", re.DOTALL)
    shown = [
        f"{path.relative_to(PHOIHOP)}: {match.group(0)}"
        for path in sorted(PHOIHOP.rglob("templates/**/*.html"))
        for match in code.finditer(comment.sub("", path.read_text(encoding="utf-8")))
    ]
    assert shown == []
