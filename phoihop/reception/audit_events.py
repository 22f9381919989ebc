from django.utils.translation import pgettext_lazy

from phoihop.audit.registry import register_event

register_event("reception.schedule.created", pgettext_lazy("audit event", "Lập lịch tiếp công dân"))
register_event("reception.schedule.changed", pgettext_lazy("audit event", "Sửa lịch tiếp công dân"))
register_event(
    "reception.visit.registered", pgettext_lazy("audit event", "Vào sổ lượt tiếp công dân")
)
register_event(
    "reception.visit.answered", pgettext_lazy("audit event", "Trả lời công dân sau khi tiếp")
)
