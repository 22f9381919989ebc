from phoihop.audit.registry import register_event

register_event("engagement.created", "Thêm lịch công tác")
register_event("engagement.changed", "Sửa lịch công tác")
