from django.utils.translation import pgettext_lazy

from phoihop.audit.registry import register_event

register_event("document.issued", pgettext_lazy("audit event", "Ban hành văn bản (cấp số)"))
register_event(
    "document.drafted", pgettext_lazy("audit event", "Soạn dự thảo văn bản (chưa cấp số)")
)
register_event("document.draft_changed", pgettext_lazy("audit event", "Sửa dự thảo văn bản"))
register_event("document.signatory_set", pgettext_lazy("audit event", "Phân công người ký văn bản"))
