from django.utils.translation import pgettext_lazy

from phoihop.audit.registry import register_event, register_sealed

register_event("letter.registered", pgettext_lazy("audit event", "Vào sổ đơn"))
register_event("letter.classified", pgettext_lazy("audit event", "Phân loại đơn"))
register_event("letter.split", pgettext_lazy("audit event", "Tách đơn nhiều nội dung"))
register_event("letter.duplicate_marked", pgettext_lazy("audit event", "Xác định đơn trùng"))
register_event("letter.forwarded", pgettext_lazy("audit event", "Chuyển đơn"))
register_event(
    "letter.forward_acknowledged", pgettext_lazy("audit event", "Xác nhận đã nhận đơn chuyển đến")
)
register_event("letter.guided", pgettext_lazy("audit event", "Hướng dẫn người gửi đơn"))
register_event("letter.returned", pgettext_lazy("audit event", "Trả lại đơn"))
register_event("letter.filed", pgettext_lazy("audit event", "Lưu đơn"))
register_event(
    "letter.used_for_inspection",
    pgettext_lazy("audit event", "Dùng tố cáo nặc danh làm căn cứ thanh tra, kiểm tra"),
)
register_event("letter.refused", pgettext_lazy("audit event", "Thông báo không thụ lý khiếu nại"))
register_event(
    "letter.dialogue_held", pgettext_lazy("audit event", "Đối thoại giải quyết khiếu nại")
)
register_event(
    "letter.accepted",
    pgettext_lazy(
        "audit event", "Thụ lý khiếu nại, tố cáo; tiếp nhận, xem xét kiến nghị, phản ánh"
    ),
)
register_event(
    "letter.parties_notified", pgettext_lazy("audit event", "Gửi thông báo, quyết định cho các bên")
)
register_event("letter.verified", pgettext_lazy("audit event", "Ghi nhận xác minh"))
register_event("letter.extended", pgettext_lazy("audit event", "Gia hạn giải quyết"))
register_event("letter.suspended", pgettext_lazy("audit event", "Tạm đình chỉ giải quyết"))
register_event("letter.resumed", pgettext_lazy("audit event", "Tiếp tục giải quyết"))
register_event("letter.withdrawn", pgettext_lazy("audit event", "Rút đơn"))
register_event(
    "letter.concluded", pgettext_lazy("audit event", "Ban hành quyết định, kết luận, trả lời")
)
register_event("letter.published", pgettext_lazy("audit event", "Công khai quyết định giải quyết"))
register_event("letter.report_issued", pgettext_lazy("audit event", "Lập báo cáo định kỳ về đơn"))

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
register_event(
    "letter.identity_marked",
    pgettext_lazy("audit event", "Đánh dấu thêm thông tin nhận diện trong nội dung đơn"),
)
register_event("letter.reclassified", pgettext_lazy("audit event", "Phân loại lại đơn"))
register_event(
    "letter.complexity_set", pgettext_lazy("audit event", "Xác định mức độ phức tạp của vụ việc")
)
