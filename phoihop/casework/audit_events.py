from phoihop.audit.registry import register_event

register_event("casework.assigned", "Giao việc cho cán bộ xử lý")
register_event("casework.linked", "Liên kết hai việc")
register_event("casework.followed", "Theo dõi tiến độ một việc")
register_event("casework.unfollowed", "Thôi theo dõi một việc")
register_event("casework.follow_up_sent", "Gửi đề nghị xem xét, giải quyết")
register_event("casework.follow_up_answered", "Trả lời đề nghị xem xét, giải quyết")
register_event("casework.supervision_assigned", "Phân công giám sát theo phạm vi")
register_event("casework.supervision_revoked", "Thu hồi phân công giám sát")
register_event("casework.handover_acknowledged", "Xác nhận đã nhận việc chuyển đến")
register_event("casework.handover_refused", "Từ chối việc chuyển đến")
