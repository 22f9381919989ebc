from phoihop.audit.registry import register_event

register_event("system.unattributed_change", "Thay đổi không rõ người thực hiện")
register_event("audit.verified", "Kiểm tra chuỗi nhật ký")
# Written by ``phoihop.audit.admin.AuditedAdmin``.
register_event("admin.object_created", "Tạo qua trang quản trị")
register_event("admin.object_changed", "Sửa qua trang quản trị")
register_event("admin.object_deleted", "Xóa qua trang quản trị")
