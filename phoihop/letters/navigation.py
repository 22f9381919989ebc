from django.utils.translation import gettext_noop as _

from phoihop.access.grants import has_permission_anywhere
from phoihop.core.registry import NavItem, navigation

navigation.register(
    "letters",
    NavItem(
        "letters",
        _("Sổ đơn"),
        "letters:list",
        order=30,
        visible=lambda user: has_permission_anywhere(user, "letters.view_letter"),
    ),
)
navigation.register(
    "letters.supervision",
    NavItem(
        "letters.supervision",
        _("Giám sát đơn"),
        "letters:supervision",
        order=35,
        visible=lambda user: has_permission_anywhere(user, "letters.supervise_letter"),
    ),
)
navigation.register(
    "letters.statistics",
    NavItem(
        "letters.statistics",
        _("Thống kê đơn"),
        "letters:statistics",
        order=36,
        visible=lambda user: has_permission_anywhere(user, "letters.export_letter"),
    ),
)
