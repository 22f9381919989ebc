from django.utils.translation import pgettext_lazy

from phoihop.audit.registry import register_event

register_event("casework.assigned", pgettext_lazy("audit event", "Giao việc cho cán bộ xử lý"))
register_event("casework.linked", pgettext_lazy("audit event", "Liên kết hai việc"))
register_event("casework.followed", pgettext_lazy("audit event", "Theo dõi tiến độ một việc"))
register_event("casework.unfollowed", pgettext_lazy("audit event", "Thôi theo dõi một việc"))
register_event(
    "casework.follow_up_sent", pgettext_lazy("audit event", "Gửi đề nghị xem xét, giải quyết")
)
register_event(
    "casework.follow_up_answered",
    pgettext_lazy("audit event", "Trả lời đề nghị xem xét, giải quyết"),
)
register_event(
    "casework.supervision_assigned", pgettext_lazy("audit event", "Phân công giám sát theo phạm vi")
)
register_event(
    "casework.supervision_revoked", pgettext_lazy("audit event", "Thu hồi phân công giám sát")
)
register_event(
    "casework.handover_acknowledged",
    pgettext_lazy("audit event", "Xác nhận đã nhận việc chuyển đến"),
)
register_event("casework.handover_refused", pgettext_lazy("audit event", "Từ chối việc chuyển đến"))
