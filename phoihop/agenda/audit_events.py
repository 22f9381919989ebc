from django.utils.translation import pgettext_lazy

from phoihop.audit.registry import register_event

register_event("engagement.created", pgettext_lazy("audit event", "Thêm lịch công tác"))
register_event("engagement.changed", pgettext_lazy("audit event", "Sửa lịch công tác"))
