from django.utils.translation import pgettext_lazy

from phoihop.audit.registry import register_event

register_event("notification.read", pgettext_lazy("audit event", "Đọc thông báo"))
