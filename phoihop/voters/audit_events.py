from django.utils.translation import pgettext_lazy

from phoihop.audit.registry import register_event

register_event(
    "voters.session.created", pgettext_lazy("audit event", "Tạo kỳ họp để tiếp xúc cử tri")
)
register_event(
    "voters.meeting.planned", pgettext_lazy("audit event", "Lập kế hoạch hội nghị tiếp xúc cử tri")
)
register_event(
    "voters.meeting.held", pgettext_lazy("audit event", "Ghi biên bản hội nghị tiếp xúc cử tri")
)
register_event(
    "voters.petitions.recorded", pgettext_lazy("audit event", "Ghi kiến nghị của cử tri")
)
register_event(
    "voters.consolidation.run", pgettext_lazy("audit event", "Chạy tổng hợp kiến nghị tự động")
)
register_event(
    "voters.consolidation.decided",
    pgettext_lazy("audit event", "Quyết định tổng hợp kiến nghị cử tri"),
)
register_event(
    "voters.consolidated.routed",
    pgettext_lazy("audit event", "Chuyển kiến nghị cử tri đến cấp có thẩm quyền"),
)
register_event(
    "voters.consolidated.answered", pgettext_lazy("audit event", "Trả lời kiến nghị cử tri")
)
register_event(
    "voters.report.issued",
    pgettext_lazy("audit event", "Ban hành báo cáo tổng hợp kiến nghị cử tri"),
)
register_event(
    "voters.feedback.recorded",
    pgettext_lazy("audit event", "Ghi phản hồi của điểm tiếp xúc về trả lời kiến nghị"),
)
