"""What the shipped rule data shows to people (a clock's title and citation, a voting
threshold's citation, a holiday's source, a report period's basis) quotes the law only: never
the rulebook the rules were written from, nor its codes."""

import tomllib

from phoihop.deadlines.tests.test_pages_name_rules import PHOIHOP, _rule_code

SHOWN = ("citation", "citation_window", "citation_due", "source", "title", "label", "post")


def _shown_values(value, key=""):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _shown_values(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _shown_values(v, key)
    elif isinstance(value, str) and key in SHOWN:
        yield key, value


def test_shown_rule_data_names_the_law_not_the_rulebook():
    code = _rule_code()
    found = [
        f"{path.relative_to(PHOIHOP)} {key}: {value}"
        for path in sorted(PHOIHOP.rglob("data/**/*.toml"))
        for key, value in _shown_values(tomllib.loads(path.read_text(encoding="utf-8")))
        if "RULEBOOK" in value or code.search(value)
    ]
    assert found == []
