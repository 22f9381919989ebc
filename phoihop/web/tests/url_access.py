from phoihop.testing import UrlCheck


def _own_notification(tree, user):
    from phoihop.notifications.models import Notification
    from phoihop.notifications.tests.matrix import SUBJECTS

    return {"pk": SUBJECTS[Notification](tree.own, user).pk}


PUBLIC = {
    "accounts:login": "trang đăng nhập",
    "accounts:demo_codes": "mã trình diễn (rỗng khi không ở chế độ trình diễn)",
    "accounts:logout": "đăng xuất (POST)",
    "set_language": "chọn ngôn ngữ",
    "api:schema": "lược đồ OpenAPI",
    "api:docs": "tài liệu API",
}
PREFIXES_PUBLIC = {
    "admin:": "trang quản trị Django: chỉ tài khoản is_staff, sau khi qua xác thực hai lớp",
}
PROTECTED = {
    "web:home": UrlCheck(),
    "web:organizations": UrlCheck(),
    "web:notifications": UrlCheck(),
    "web:audit": UrlCheck(permission="audit.view_auditevent"),
    "web:notification_read": UrlCheck(kwargs=_own_notification, method="post", ok_status=(302,)),
}
