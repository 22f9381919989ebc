from phoihop.audit.registry import register_event

register_event("public.letter.submitted", "Công dân gửi đơn qua cổng công dân")
