"""The exchange area's audit events."""

from django.utils.translation import pgettext_lazy

from phoihop.audit.registry import register_event

register_event(
    "exchange.dispatch.sent",
    pgettext_lazy("audit event", "Gửi văn bản đến cơ quan khác, vào sổ văn bản đi"),
)
register_event(
    "exchange.delivery.registered",
    pgettext_lazy("audit event", "Nhận, vào sổ văn bản đến, báo đã nhận"),
)
register_event(
    "exchange.delivery.returned", pgettext_lazy("audit event", "Trả lại văn bản gửi sai nơi nhận")
)
register_event(
    "exchange.delivery.stepped", pgettext_lazy("audit event", "Cập nhật việc xử lý văn bản đến")
)
register_event(
    "exchange.report.prepared", pgettext_lazy("audit event", "Lập dự thảo báo cáo định kỳ")
)
