"""The supervision area's audit events."""

from django.utils.translation import pgettext_lazy

from phoihop.audit.registry import register_event

register_event(
    "supervision.programme.created", pgettext_lazy("audit event", "Lập chương trình giám sát")
)
register_event("supervision.plan.created", pgettext_lazy("audit event", "Lập kế hoạch giám sát"))
register_event(
    "supervision.plan.team_changed",
    pgettext_lazy("audit event", "Thay đổi thành phần đoàn giám sát"),
)
register_event(
    "supervision.report.requested",
    pgettext_lazy("audit event", "Đề nghị cơ quan chịu sự giám sát báo cáo"),
)
register_event(
    "supervision.report.received",
    pgettext_lazy("audit event", "Nhận báo cáo của cơ quan chịu sự giám sát"),
)
register_event(
    "supervision.visit.recorded",
    pgettext_lazy("audit event", "Ghi biên bản buổi làm việc của đoàn giám sát"),
)
register_event(
    "supervision.plan.concluded",
    pgettext_lazy("audit event", "Ban hành báo cáo, thông báo kết luận giám sát"),
)
register_event(
    "supervision.recommendation.stepped",
    pgettext_lazy("audit event", "Cập nhật kiến nghị sau giám sát"),
)
register_event("supervision.question.registered", pgettext_lazy("audit event", "Đăng ký chất vấn"))
register_event("supervision.question.answered", pgettext_lazy("audit event", "Trả lời chất vấn"))
register_event(
    "supervision.question.assessed",
    pgettext_lazy("audit event", "Đại biểu đánh giá câu trả lời chất vấn"),
)
register_event("supervision.pledge.recorded", pgettext_lazy("audit event", "Ghi nhận lời hứa"))
register_event(
    "supervision.pledge.stepped", pgettext_lazy("audit event", "Cập nhật thực hiện lời hứa")
)
