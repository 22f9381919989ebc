from phoihop.audit.registry import register_event

register_event("election.created", "Tạo cuộc bầu cử và lịch thời hạn")
register_event("election.body_created", "Thành lập tổ chức phụ trách bầu cử")
register_event("election.contest_created", "Tạo cuộc bỏ phiếu ở đơn vị bầu cử")
register_event("election.candidate_nominated", "Ghi nhận người ứng cử")
register_event("election.consultation_recorded", "Ghi biên bản hội nghị hiệp thương")
register_event("election.voter_conference_recorded", "Ghi kết quả hội nghị cử tri")
register_event("election.protocol_entered", "Nhập biên bản kết quả kiểm phiếu")
register_event("election.protocol_resolved", "Kiểm tra biên bản bị giữ lại")
register_event("election.contest_tabulated", "Xác định kết quả bầu cử ở đơn vị bầu cử")
register_event("election.published", "Công bố kết quả bầu cử")
