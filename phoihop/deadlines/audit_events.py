from django.utils.translation import pgettext_lazy

from phoihop.audit.registry import register_event

register_event("deadline.started", pgettext_lazy("audit event", "Bắt đầu tính thời hạn"))
register_event("deadline.extended", pgettext_lazy("audit event", "Gia hạn"))
register_event("deadline.suspended", pgettext_lazy("audit event", "Tạm dừng thời hạn"))
register_event("deadline.resumed", pgettext_lazy("audit event", "Tiếp tục tính thời hạn"))
register_event(
    "deadline.completed", pgettext_lazy("audit event", "Hoàn thành trong thời hạn hoặc quá hạn")
)
register_event(
    "deadline.feed_token_rotated", pgettext_lazy("audit event", "Cấp lại khóa lịch thời hạn")
)
register_event(
    "deadline.owner_changed", pgettext_lazy("audit event", "Đổi người phụ trách thời hạn")
)
register_event(
    "deadline.complexity_set",
    pgettext_lazy("audit event", "Xác định mức độ phức tạp (tính lại thời hạn)"),
)
