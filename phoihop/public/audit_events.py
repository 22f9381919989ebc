from phoihop.audit.registry import register_event

register_event("public.letter.submitted", "Công dân gửi đơn qua cổng công dân")
register_event(
    "public.receipt.reshown", "Mã truy cập được hiện lại một lần cho người gửi lại biểu mẫu"
)
register_event("public.subscription.requested", "Đề nghị đăng ký nhận tin qua thư điện tử")
register_event("public.subscription.confirmed", "Xác nhận đăng ký nhận tin qua thư điện tử")
register_event("public.subscription.cancelled", "Hủy đăng ký nhận tin qua thư điện tử")
