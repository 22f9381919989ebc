"""The law-making area's audit events."""

from phoihop.audit.registry import register_event

register_event("lawmaking.draft.imported", "Nhập dự thảo văn bản")
register_event("lawmaking.version.imported", "Nhập phiên bản mới của dự thảo")
register_event("lawmaking.consultation.opened", "Mở đợt lấy ý kiến dự thảo")
register_event("lawmaking.consultation.closed", "Kết thúc thời gian lấy ý kiến")
register_event("lawmaking.request.sent", "Gửi công văn đề nghị góp ý")
register_event("lawmaking.request.answered", "Ghi nhận văn bản góp ý của cơ quan")
register_event("lawmaking.conference.recorded", "Ghi nhận hội nghị, tọa đàm lấy ý kiến")
register_event("lawmaking.comments.entered", "Nhập ý kiến góp ý")
register_event("lawmaking.comments.imported", "Nhập ý kiến góp ý từ tệp")
register_event("lawmaking.comment.public", "Người dân góp ý trên cổng công dân")
register_event("lawmaking.merge.run", "Gộp ý kiến trùng lặp")
register_event("lawmaking.opinion.split", "Tách ý kiến khỏi nhóm đã gộp")
register_event("lawmaking.opinion.responded", "Tiếp thu, giải trình ý kiến")
register_event("lawmaking.report.issued", "Ban hành báo cáo tổng hợp ý kiến")
register_event("lawmaking.results.published", "Công khai việc tiếp thu, giải trình")
register_event("lawmaking.contact.verified", "Xác minh liên hệ của người góp ý")
