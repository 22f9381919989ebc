from phoihop.audit.registry import register_event

register_event("deadline.started", "Bắt đầu tính thời hạn")
register_event("deadline.extended", "Gia hạn")
register_event("deadline.suspended", "Tạm dừng thời hạn")
register_event("deadline.resumed", "Tiếp tục tính thời hạn")
register_event("deadline.completed", "Hoàn thành trong thời hạn hoặc quá hạn")
register_event("deadline.feed_token_rotated", "Cấp lại khóa lịch thời hạn")
register_event("deadline.owner_changed", "Đổi người phụ trách thời hạn")
register_event("deadline.complexity_set", "Xác định mức độ phức tạp (tính lại thời hạn)")
