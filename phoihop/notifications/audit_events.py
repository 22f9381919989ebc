from phoihop.audit.registry import register_event

register_event("notification.read", "Đọc thông báo")
