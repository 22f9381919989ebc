from phoihop.audit.registry import register_event, register_sealed

register_event("letter.registered", "Vào sổ đơn")
register_event("letter.classified", "Phân loại đơn")
register_event("letter.split", "Tách đơn nhiều nội dung")
register_event("letter.duplicate_marked", "Xác định đơn trùng")
register_event("letter.forwarded", "Chuyển đơn")
register_event("letter.forward_acknowledged", "Xác nhận đã nhận đơn chuyển đến")
register_event("letter.guided", "Hướng dẫn người gửi đơn")
register_event("letter.returned", "Trả lại đơn")
register_event("letter.filed", "Lưu đơn")
register_event("letter.used_for_inspection", "Dùng tố cáo nặc danh làm căn cứ thanh tra, kiểm tra")
register_event("letter.refused", "Thông báo không thụ lý khiếu nại")
register_event("letter.dialogue_held", "Đối thoại giải quyết khiếu nại")
register_event(
    "letter.accepted", "Thụ lý khiếu nại, tố cáo; tiếp nhận, xem xét kiến nghị, phản ánh"
)
register_event("letter.parties_notified", "Gửi thông báo, quyết định cho các bên")
register_event("letter.verified", "Ghi nhận xác minh")
register_event("letter.extended", "Gia hạn giải quyết")
register_event("letter.suspended", "Tạm đình chỉ giải quyết")
register_event("letter.resumed", "Tiếp tục giải quyết")
register_event("letter.withdrawn", "Rút đơn")
register_event("letter.concluded", "Ban hành quyết định, kết luận, trả lời")
register_event("letter.published", "Công khai quyết định giải quyết")
register_event("letter.report_issued", "Lập báo cáo định kỳ về đơn")

# A direct SQL UPDATE of these fields is found by `phoihop audit verify` (decision 0102).
# Derived columns (due_on, content_key, search keys) are left out: services recompute them.
register_sealed(
    "letters.letter",
    (
        "organization_id",
        "year",
        "number",
        "reference",
        "channel",
        "received_on",
        "content",
        "sender_id",
        "kind",
        "status",
        "competent_organization_id",
        "accepted_on",
        "decided_on",
        "published_on",
        "withdrawal_coerced",
        "duplicate_of_id",
        "assigned_to_id",
        "closed_at",
    ),
)
register_event("letter.identity_marked", "Đánh dấu thêm thông tin nhận diện trong nội dung đơn")
register_event("letter.reclassified", "Phân loại lại đơn")
register_event("letter.complexity_set", "Xác định mức độ phức tạp của vụ việc")
