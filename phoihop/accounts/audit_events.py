from phoihop.audit.registry import register_event

register_event("user.signed_in", "Đăng nhập")
register_event("user.sign_in_failed", "Đăng nhập không thành công")
register_event("user.signed_out", "Đăng xuất")
register_event("user.created", "Tạo tài khoản")
register_event("user.disabled", "Khóa tài khoản")
register_event("user.enabled", "Mở khóa tài khoản")
register_event("user.totp_enrolled", "Đăng ký mã xác thực hai lớp")
register_event("user.api_token_issued", "Cấp khóa API")
register_event("user.totp_reset", "Cấp lại mã xác thực hai lớp")
register_event("user.person_linked", "Gắn tài khoản với người")
