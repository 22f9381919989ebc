from phoihop.audit.registry import register_event

register_event("system.unattributed_change", "Thay đổi không rõ người thực hiện")
register_event("audit.verified", "Kiểm tra chuỗi nhật ký")
register_event("audit.chain_keyed", "Chuyển nhật ký sang chuỗi có khóa")
register_event("audit.rows_sealed", "Niêm phong các dòng dữ liệu chưa có nhật ký")
register_event("audit.rollback_accepted", "Chấp nhận nhật ký lùi về bản sao lưu cũ")
register_event("audit.key_rotated", "Chuyển chuỗi nhật ký sang khóa mới")
# Written by ``phoihop.audit.admin.AuditedAdmin``.
register_event("admin.object_created", "Tạo qua trang quản trị")
register_event("admin.object_changed", "Sửa qua trang quản trị")
register_event("admin.object_deleted", "Xóa qua trang quản trị")
