from phoihop.testing import UrlCheck


def _own_notification(tree, user):
    from phoihop.notifications.models import Notification
    from phoihop.notifications.tests.matrix import SUBJECTS

    return {"pk": SUBJECTS[Notification](tree.own, user).pk}


def _staff_account(tree, user):
    from phoihop.testing import grant, make_user

    account = make_user(f"nhan.vien.{user.pk}")
    grant(account, "clerk", tree.own)
    return {"pk": account.pk}


def _staff_grant(tree, user):
    from phoihop.access.models import Grant

    kwargs = _staff_account(tree, user)
    return {**kwargs, "grant_id": Grant.objects.get(user_id=kwargs["pk"]).pk}


def _grant_body(tree, user, kwargs):
    from phoihop.access.models import Role

    return {"organization": tree.own.pk, "role": Role.objects.get(code="specialist").pk}


STAFF = "access.change_grant"
POSTED = {"method": "post", "ok_status": (200, 302)}

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
    "web:staff_list": UrlCheck(permission=STAFF),
    "web:staff_create": UrlCheck(permission=STAFF),
    "web:staff_detail": UrlCheck(permission=STAFF, kwargs=_staff_account),
    "web:staff_grant": UrlCheck(
        permission=STAFF, kwargs=_staff_account, data=_grant_body, **POSTED
    ),
    "web:staff_revoke": UrlCheck(permission=STAFF, kwargs=_staff_grant, **POSTED),
    "web:staff_totp_reset": UrlCheck(permission=STAFF, kwargs=_staff_account, **POSTED),
    "web:staff_active": UrlCheck(
        permission=STAFF, kwargs=_staff_account, data={"active": "0"}, **POSTED
    ),
}
