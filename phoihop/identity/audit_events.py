from django.utils.translation import pgettext_lazy

from phoihop.audit.registry import register_event

# Values are never written to the log: these events carry {"changed": true} or a purpose.
register_event(
    "identity.stored", pgettext_lazy("audit event", "Lưu danh tính người gửi đơn (mã hóa)")
)
register_event("identity.read", pgettext_lazy("audit event", "Xem danh tính người gửi đơn"))
register_event("identity.scan_read", pgettext_lazy("audit event", "Xem bản quét đơn có bút tích"))
register_event(
    "identity.marked",
    pgettext_lazy("audit event", "Đánh dấu thêm thông tin nhận diện người gửi đơn"),
)
register_event(
    "identity.orphans_removed",
    pgettext_lazy("audit event", "Xóa danh tính trong kho không gắn với đơn, lượt tiếp nào"),
)
register_event(
    "identity.keys_rotated", pgettext_lazy("audit event", "Mã hóa lại kho danh tính bằng khóa mới")
)
register_event(
    "identity.addressed",
    pgettext_lazy("audit event", "Ghi họ tên người gửi trên văn bản gửi chính người gửi"),
)
register_event(
    "identity.searched",
    pgettext_lazy("audit event", "Tra cứu người gửi đơn theo họ tên (đã từng gửi đơn chưa)"),
)
