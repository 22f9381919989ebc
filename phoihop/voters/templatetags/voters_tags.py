"""Show the engine's evidence inside the petitions: the shared words, roads and names marked."""

from django import template

from phoihop.voters.evidence import marked, spans, words

register = template.Library()


@register.filter
def evidence_words(petitions, evidence: dict | None) -> str:
    """The evidence as the voters wrote it (with diacritics), from the group's petitions."""
    return words((p.text, spans(p.text, evidence)) for p in petitions)


@register.filter
def evidence_marked(text: str, evidence: dict | None) -> str:
    return marked(text, spans(text, evidence))
