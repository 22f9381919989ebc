"""The council area's audit events."""

from django.utils.translation import pgettext_lazy

from phoihop.audit.registry import register_event

register_event("council.session.planned", pgettext_lazy("audit event", "Dự kiến kỳ họp HĐND"))
register_event(
    "council.session.convened", pgettext_lazy("audit event", "Quyết định triệu tập kỳ họp")
)
register_event(
    "council.session.closed", pgettext_lazy("audit event", "Bế mạc kỳ họp, ban hành biên bản")
)
register_event(
    "council.session.attendance", pgettext_lazy("audit event", "Điểm danh đại biểu dự kỳ họp")
)
register_event(
    "council.agenda.listed", pgettext_lazy("audit event", "Đưa nội dung vào chương trình kỳ họp")
)
register_event("council.agenda.paper", pgettext_lazy("audit event", "Nhận tài liệu của hồ sơ"))
register_event("council.agenda.voted", pgettext_lazy("audit event", "Ghi kết quả biểu quyết"))
register_event("council.resolution.adopted", pgettext_lazy("audit event", "Cấp số nghị quyết"))
register_event(
    "council.resolution.signed", pgettext_lazy("audit event", "Ký chứng thực nghị quyết")
)
register_event(
    "council.resolution.published",
    pgettext_lazy("audit event", "Gửi đăng công báo, công bố nghị quyết"),
)
register_event(
    "council.resolution.file", pgettext_lazy("audit event", "Lưu tệp nghị quyết (bản ký, bản Word)")
)
register_event("council.task.set", pgettext_lazy("audit event", "Giao nhiệm vụ"))
register_event("council.task.stepped", pgettext_lazy("audit event", "Cập nhật nhiệm vụ"))
register_event(
    "council.submission.received", pgettext_lazy("audit event", "Thường trực HĐND nhận tờ trình")
)
register_event(
    "council.submission.decided",
    pgettext_lazy("audit event", "Thường trực HĐND quyết định giữa hai kỳ họp"),
)
register_event(
    "council.consultation.opened", pgettext_lazy("audit event", "Gửi phiếu lấy ý kiến đại biểu")
)
register_event(
    "council.consultation.answered",
    pgettext_lazy("audit event", "Đại biểu trả lời phiếu lấy ý kiến"),
)
register_event(
    "council.consultation.counted", pgettext_lazy("audit event", "Kiểm phiếu lấy ý kiến đại biểu")
)
register_event("council.briefing.planned", pgettext_lazy("audit event", "Dự kiến giao ban"))
register_event(
    "council.briefing.held", pgettext_lazy("audit event", "Ghi thành phần, biên bản giao ban")
)
register_event(
    "council.briefing.concluded", pgettext_lazy("audit event", "Thông báo kết luận giao ban")
)
register_event(
    "council.report.prepared", pgettext_lazy("audit event", "Lập dự thảo báo cáo trình kỳ họp")
)
