from django.utils.translation import pgettext_lazy

from phoihop.audit.registry import register_event

register_event("user.signed_in", pgettext_lazy("audit event", "Đăng nhập"))
register_event("user.sign_in_failed", pgettext_lazy("audit event", "Đăng nhập không thành công"))
register_event("user.signed_out", pgettext_lazy("audit event", "Đăng xuất"))
register_event("user.created", pgettext_lazy("audit event", "Tạo tài khoản"))
register_event("user.disabled", pgettext_lazy("audit event", "Khóa tài khoản"))
register_event("user.enabled", pgettext_lazy("audit event", "Mở khóa tài khoản"))
register_event("user.totp_enrolled", pgettext_lazy("audit event", "Đăng ký mã xác thực hai lớp"))
register_event("user.totp_reset", pgettext_lazy("audit event", "Cấp lại mã xác thực hai lớp"))
register_event("user.person_linked", pgettext_lazy("audit event", "Gắn tài khoản với người"))
