from django.utils.translation import pgettext_lazy

from phoihop.audit.registry import register_event

register_event("election.created", pgettext_lazy("audit event", "Tạo cuộc bầu cử và lịch thời hạn"))
register_event(
    "election.body_created", pgettext_lazy("audit event", "Thành lập tổ chức phụ trách bầu cử")
)
register_event(
    "election.contest_created", pgettext_lazy("audit event", "Tạo cuộc bỏ phiếu ở đơn vị bầu cử")
)
register_event(
    "election.candidate_nominated", pgettext_lazy("audit event", "Ghi nhận người ứng cử")
)
register_event(
    "election.consultation_recorded",
    pgettext_lazy("audit event", "Ghi biên bản hội nghị hiệp thương"),
)
register_event(
    "election.voter_conference_recorded",
    pgettext_lazy("audit event", "Ghi kết quả hội nghị cử tri"),
)
register_event(
    "election.protocol_entered", pgettext_lazy("audit event", "Nhập biên bản kết quả kiểm phiếu")
)
register_event(
    "election.protocol_resolved", pgettext_lazy("audit event", "Kiểm tra biên bản bị giữ lại")
)
register_event(
    "election.contest_tabulated",
    pgettext_lazy("audit event", "Xác định kết quả bầu cử ở đơn vị bầu cử"),
)
register_event("election.published", pgettext_lazy("audit event", "Công bố kết quả bầu cử"))
register_event(
    "election.voter_list_posted", pgettext_lazy("audit event", "Niêm yết danh sách cử tri")
)
register_event(
    "election.ballots_delivered",
    pgettext_lazy("audit event", "Giao phiếu bầu, tài liệu cho Tổ bầu cử"),
)
register_event(
    "election.voter_list_changed", pgettext_lazy("audit event", "Sửa đổi, bổ sung danh sách cử tri")
)
register_event(
    "election.voter_list_complaint_received",
    pgettext_lazy("audit event", "Nhận khiếu nại về danh sách cử tri"),
)
register_event(
    "election.voter_list_complaint_resolved",
    pgettext_lazy("audit event", "Giải quyết khiếu nại về danh sách cử tri"),
)
