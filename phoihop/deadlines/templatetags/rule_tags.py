"""How pages name a clock: the rule's title and its legal basis, never its internal code."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from phoihop.deadlines.models import rule_citation, rule_title

register = template.Library()


@register.simple_tag
def rule_named(rule_id: str) -> SafeString:
    """``{% rule_named d.rule_id %}``: "Trả lời chất vấn bằng văn bản (Khoản 3 Điều …)"."""
    citation = rule_citation(rule_id)
    if not citation:
        return format_html("{}", rule_title(rule_id))
    return format_html('{} <span class="muted">({})</span>', rule_title(rule_id), citation)
