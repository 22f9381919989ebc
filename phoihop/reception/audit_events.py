from phoihop.audit.registry import register_event

register_event("reception.schedule.created", "Lập lịch tiếp công dân")
register_event("reception.schedule.changed", "Sửa lịch tiếp công dân")
register_event("reception.visit.registered", "Vào sổ lượt tiếp công dân")
register_event("reception.visit.answered", "Trả lời công dân sau khi tiếp")
