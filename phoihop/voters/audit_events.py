from phoihop.audit.registry import register_event

register_event("voters.session.created", "Tạo kỳ họp để tiếp xúc cử tri")
register_event("voters.meeting.planned", "Lập kế hoạch hội nghị tiếp xúc cử tri")
register_event("voters.meeting.held", "Ghi biên bản hội nghị tiếp xúc cử tri")
register_event("voters.petitions.recorded", "Ghi kiến nghị của cử tri")
register_event("voters.consolidation.run", "Chạy tổng hợp kiến nghị tự động")
register_event("voters.consolidation.decided", "Quyết định tổng hợp kiến nghị cử tri")
register_event("voters.consolidated.routed", "Chuyển kiến nghị cử tri đến cấp có thẩm quyền")
register_event("voters.consolidated.answered", "Trả lời kiến nghị cử tri")
register_event("voters.report.issued", "Ban hành báo cáo tổng hợp kiến nghị cử tri")
register_event("voters.feedback.recorded", "Ghi phản hồi của điểm tiếp xúc về trả lời kiến nghị")
