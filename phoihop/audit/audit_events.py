from django.utils.translation import pgettext_lazy

from phoihop.audit.registry import register_event

register_event(
    "system.unattributed_change", pgettext_lazy("audit event", "Thay đổi không rõ người thực hiện")
)
register_event("audit.verified", pgettext_lazy("audit event", "Kiểm tra chuỗi nhật ký"))
register_event(
    "audit.chain_keyed", pgettext_lazy("audit event", "Chuyển nhật ký sang chuỗi có khóa")
)
register_event(
    "audit.rows_sealed", pgettext_lazy("audit event", "Niêm phong các dòng dữ liệu chưa có nhật ký")
)
register_event(
    "audit.rollback_accepted",
    pgettext_lazy("audit event", "Chấp nhận nhật ký lùi về bản sao lưu cũ"),
)
register_event(
    "audit.key_rotated", pgettext_lazy("audit event", "Chuyển chuỗi nhật ký sang khóa mới")
)
# Written by ``phoihop.audit.admin.AuditedAdmin``.
register_event("admin.object_created", pgettext_lazy("audit event", "Tạo qua trang quản trị"))
register_event("admin.object_changed", pgettext_lazy("audit event", "Sửa qua trang quản trị"))
register_event("admin.object_deleted", pgettext_lazy("audit event", "Xóa qua trang quản trị"))
