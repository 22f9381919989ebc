"""The shell's own navigation entries; modules register theirs the same way."""

from django.utils.translation import gettext_noop as _
from django.utils.translation import pgettext_lazy

from phoihop.access.grants import has_permission_anywhere
from phoihop.core.registry import NavItem, navigation

navigation.register("home", NavItem("home", _("Trang chủ"), "web:home", order=0))
navigation.register(
    "organizations",
    NavItem("organizations", pgettext_lazy("menu", "Cơ quan"), "web:organizations", order=80),
)
navigation.register(
    "audit",
    NavItem(
        "audit",
        _("Nhật ký"),
        "web:audit",
        order=90,
        visible=lambda user: has_permission_anywhere(user, "audit.view_auditevent"),
    ),
)
navigation.register(
    "accounts.staff",
    NavItem(
        "accounts.staff",
        _("Tài khoản"),
        "web:staff_list",
        order=90,
        visible=lambda user: has_permission_anywhere(user, "access.change_grant"),
    ),
)
