"""The law-making area's audit events."""

from django.utils.translation import pgettext_lazy

from phoihop.audit.registry import register_event

register_event("lawmaking.draft.imported", pgettext_lazy("audit event", "Nhập dự thảo văn bản"))
register_event(
    "lawmaking.version.imported", pgettext_lazy("audit event", "Nhập phiên bản mới của dự thảo")
)
register_event(
    "lawmaking.consultation.opened", pgettext_lazy("audit event", "Mở đợt lấy ý kiến dự thảo")
)
register_event(
    "lawmaking.consultation.closed", pgettext_lazy("audit event", "Kết thúc thời gian lấy ý kiến")
)
register_event("lawmaking.request.sent", pgettext_lazy("audit event", "Gửi công văn đề nghị góp ý"))
register_event(
    "lawmaking.request.answered", pgettext_lazy("audit event", "Ghi nhận văn bản góp ý của cơ quan")
)
register_event(
    "lawmaking.conference.recorded",
    pgettext_lazy("audit event", "Ghi nhận hội nghị, tọa đàm lấy ý kiến"),
)
register_event("lawmaking.comments.entered", pgettext_lazy("audit event", "Nhập ý kiến góp ý"))
register_event(
    "lawmaking.comments.imported", pgettext_lazy("audit event", "Nhập ý kiến góp ý từ tệp")
)
register_event(
    "lawmaking.comment.public", pgettext_lazy("audit event", "Người dân góp ý trên cổng công dân")
)
register_event("lawmaking.merge.run", pgettext_lazy("audit event", "Gộp ý kiến trùng lặp"))
register_event(
    "lawmaking.opinion.split", pgettext_lazy("audit event", "Tách ý kiến khỏi nhóm đã gộp")
)
register_event(
    "lawmaking.opinion.responded", pgettext_lazy("audit event", "Tiếp thu, giải trình ý kiến")
)
register_event(
    "lawmaking.report.issued", pgettext_lazy("audit event", "Ban hành báo cáo tổng hợp ý kiến")
)
register_event(
    "lawmaking.results.published",
    pgettext_lazy("audit event", "Công khai việc tiếp thu, giải trình"),
)
register_event(
    "lawmaking.contact.verified", pgettext_lazy("audit event", "Xác minh liên hệ của người góp ý")
)
register_event(
    "lawmaking.critique.created", pgettext_lazy("audit event", "Xây dựng văn bản phản biện xã hội")
)
register_event("lawmaking.critique.point", pgettext_lazy("audit event", "Thêm ý kiến phản biện"))
register_event(
    "lawmaking.critique.sent", pgettext_lazy("audit event", "Gửi văn bản phản biện xã hội")
)
register_event(
    "lawmaking.critique.answered",
    pgettext_lazy("audit event", "Tiếp thu, giải trình ý kiến phản biện xã hội"),
)
register_event(
    "lawmaking.round.opened",
    pgettext_lazy("audit event", "Bắt đầu tổng hợp đề xuất nhiệm vụ lập pháp"),
)
register_event(
    "lawmaking.proposal.recorded",
    pgettext_lazy("audit event", "Ghi nhận đề xuất nhiệm vụ lập pháp của đại biểu"),
)
register_event(
    "lawmaking.round.sent", pgettext_lazy("audit event", "Gửi đề xuất nhiệm vụ lập pháp đến UBTVQH")
)
