from phoihop.audit.registry import register_event

register_event("public.letter.submitted", "Công dân gửi đơn qua cổng công dân")
register_event(
    "public.receipt.reshown", "Mã truy cập được hiện lại một lần cho người gửi lại biểu mẫu"
)
