from phoihop.audit.registry import register_event

register_event("system.unattributed_change", "Thay đổi không rõ người thực hiện")
register_event("audit.verified", "Kiểm tra chuỗi nhật ký")
