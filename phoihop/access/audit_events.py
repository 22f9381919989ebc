from django.utils.translation import pgettext_lazy

from phoihop.audit.registry import register_event

register_event("grant.created", pgettext_lazy("audit event", "Cấp quyền"))
register_event("grant.revoked", pgettext_lazy("audit event", "Thu hồi quyền"))
register_event("role.synced", pgettext_lazy("audit event", "Cập nhật vai trò"))
