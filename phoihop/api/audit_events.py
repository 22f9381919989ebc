from django.utils.translation import pgettext_lazy

from phoihop.audit.registry import register_event, register_renamed

register_event("api.token.issued", pgettext_lazy("audit event", "Cấp khóa API"))
register_event("api.token.revoked", pgettext_lazy("audit event", "Thu hồi khóa API"))
# The accounts' staff token was recorded as "user.api_token_issued" until 2026-12 (decision 0037).
register_renamed("user.api_token_issued", "api.token.issued")
