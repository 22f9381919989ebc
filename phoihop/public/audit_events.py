from django.utils.translation import pgettext_lazy

from phoihop.audit.registry import register_event

register_event(
    "public.letter.submitted", pgettext_lazy("audit event", "Công dân gửi đơn qua cổng công dân")
)
register_event(
    "public.receipt.reshown",
    pgettext_lazy("audit event", "Mã truy cập được hiện lại một lần cho người gửi lại biểu mẫu"),
)
register_event(
    "public.subscription.requested",
    pgettext_lazy("audit event", "Đề nghị đăng ký nhận tin qua thư điện tử"),
)
register_event(
    "public.subscription.confirmed",
    pgettext_lazy("audit event", "Xác nhận đăng ký nhận tin qua thư điện tử"),
)
register_event(
    "public.subscription.cancelled",
    pgettext_lazy("audit event", "Hủy đăng ký nhận tin qua thư điện tử"),
)
