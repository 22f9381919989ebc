"""The exchange area's audit events."""

from phoihop.audit.registry import register_event

register_event("exchange.dispatch.sent", "Gửi văn bản đến cơ quan khác, vào sổ văn bản đi")
register_event("exchange.delivery.registered", "Nhận, vào sổ văn bản đến, báo đã nhận")
register_event("exchange.delivery.returned", "Trả lại văn bản gửi sai nơi nhận")
register_event("exchange.delivery.stepped", "Cập nhật việc xử lý văn bản đến")
register_event("exchange.report.prepared", "Lập dự thảo báo cáo định kỳ")
