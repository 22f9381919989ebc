"""The supervision area's audit events."""

from phoihop.audit.registry import register_event

register_event("supervision.programme.created", "Lập chương trình giám sát")
register_event("supervision.plan.created", "Lập kế hoạch giám sát")
register_event("supervision.plan.team_changed", "Thay đổi thành phần đoàn giám sát")
register_event("supervision.report.requested", "Đề nghị cơ quan chịu sự giám sát báo cáo")
register_event("supervision.report.received", "Nhận báo cáo của cơ quan chịu sự giám sát")
register_event("supervision.visit.recorded", "Ghi biên bản buổi làm việc của đoàn giám sát")
register_event("supervision.plan.concluded", "Ban hành báo cáo, thông báo kết luận giám sát")
register_event("supervision.recommendation.stepped", "Cập nhật kiến nghị sau giám sát")
register_event("supervision.question.registered", "Đăng ký chất vấn")
register_event("supervision.question.answered", "Trả lời chất vấn")
register_event("supervision.question.assessed", "Đại biểu đánh giá câu trả lời chất vấn")
register_event("supervision.pledge.recorded", "Ghi nhận lời hứa")
register_event("supervision.pledge.stepped", "Cập nhật thực hiện lời hứa")
