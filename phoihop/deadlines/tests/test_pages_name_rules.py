"""Pages name a clock by what it counts and its legal basis, never by the rulebook's internal
code ("GS-10", "TX-04"): officials and citizens read the law's words, not our index."""

import re
import tomllib
from pathlib import Path

PHOIHOP = Path(__file__).resolve().parents[2]


def _rule_code():
    """A pattern for a rule code: capitals, a hyphen, two digits ("KH-01", "GK-01 a", "LP-06T").

    It is wider than the shipped rules' prefixes, since pages also cite rules the engine does
    not count (the rulebook's GK and KH rows); every shipped code must match it.
    """
    code = re.compile(r"\b[A-Z]{2,5}-\d{2}[A-Za-z]?\b")
    shipped = set()
    for path in (PHOIHOP / "deadlines" / "data").glob("*.toml"):
        shipped |= set(tomllib.loads(path.read_text(encoding="utf-8")).get("rules", {}))
    assert {"GS", "TX", "KH", "BC"} <= {c.split("-")[0] for c in shipped}
    assert [c for c in shipped if not code.fullmatch(c)] == []
    return code


def test_no_page_template_shows_a_rule_code():
    code = _rule_code()
    comment = re.compile(r"{#.*?#}|{% comment %}.*?{% endcomment %}", re.DOTALL)
    shown = [
        f"{path.relative_to(PHOIHOP)}: {match.group(0)}"
        for path in sorted(PHOIHOP.rglob("templates/**/*.html"))
        for match in code.finditer(comment.sub("", path.read_text(encoding="utf-8")))
    ]
    assert shown == []


def _field_texts(field):
    """What a model field shows on pages and forms: its name, help text and choice labels."""
    texts = [field.verbose_name, field.help_text]
    for value, label in field.flatchoices if field.choices else ():
        texts.append(label if label else value)
    return [str(text) for text in texts if text]


def test_no_model_field_shows_a_rule_code():
    from django.apps import apps
    from django.utils import translation

    code = _rule_code()
    with translation.override("vi"):
        shown = [
            f"{model._meta.label}.{field.name}: {text}"
            for model in apps.get_models()
            for field in model._meta.get_fields()
            if hasattr(field, "help_text")
            for text in _field_texts(field)
            if code.search(text)
        ]
    assert shown == []
