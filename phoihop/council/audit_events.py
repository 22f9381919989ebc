"""The council area's audit events."""

from phoihop.audit.registry import register_event

register_event("council.session.planned", "Dự kiến kỳ họp HĐND")
register_event("council.session.convened", "Quyết định triệu tập kỳ họp")
register_event("council.session.closed", "Bế mạc kỳ họp, ban hành biên bản")
register_event("council.session.attendance", "Điểm danh đại biểu dự kỳ họp")
register_event("council.agenda.listed", "Đưa nội dung vào chương trình kỳ họp")
register_event("council.agenda.paper", "Nhận tài liệu của hồ sơ")
register_event("council.agenda.voted", "Ghi kết quả biểu quyết")
register_event("council.resolution.adopted", "Cấp số nghị quyết")
register_event("council.resolution.signed", "Ký chứng thực nghị quyết")
register_event("council.resolution.published", "Gửi đăng công báo, công bố nghị quyết")
register_event("council.task.set", "Giao nhiệm vụ")
register_event("council.task.stepped", "Cập nhật nhiệm vụ")
register_event("council.submission.received", "Thường trực HĐND nhận tờ trình")
register_event("council.submission.decided", "Thường trực HĐND quyết định giữa hai kỳ họp")
register_event("council.consultation.opened", "Gửi phiếu lấy ý kiến đại biểu")
register_event("council.consultation.answered", "Đại biểu trả lời phiếu lấy ý kiến")
register_event("council.consultation.counted", "Kiểm phiếu lấy ý kiến đại biểu")
register_event("council.briefing.planned", "Dự kiến giao ban")
register_event("council.briefing.held", "Ghi thành phần, biên bản giao ban")
register_event("council.briefing.concluded", "Thông báo kết luận giao ban")
