from phoihop.audit.registry import register_event

# Values are never written to the log: these events carry {"changed": true} or a purpose.
register_event("identity.stored", "Lưu danh tính người gửi đơn (mã hóa)")
register_event("identity.read", "Xem danh tính người gửi đơn")
register_event("identity.scan_read", "Xem bản quét đơn có bút tích")
register_event("identity.marked", "Đánh dấu thêm thông tin nhận diện người gửi đơn")
register_event(
    "identity.orphans_removed", "Xóa danh tính trong kho không gắn với đơn, lượt tiếp nào"
)
register_event("identity.keys_rotated", "Mã hóa lại kho danh tính bằng khóa mới")
register_event("identity.addressed", "Ghi họ tên người gửi trên văn bản gửi chính người gửi")
register_event("identity.searched", "Tra cứu người gửi đơn theo họ tên (đã từng gửi đơn chưa)")
