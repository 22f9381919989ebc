"""The reception module's entries in the main navigation."""

from phoihop.access.grants import has_permission_anywhere
from phoihop.core.registry import NavItem, navigation

navigation.register(
    "reception",
    NavItem(
        "reception",
        "Tiếp công dân",
        "reception:visit_list",
        order=30,
        visible=lambda user: (
            has_permission_anywhere(user, "reception.view_visit")
            or has_permission_anywhere(user, "reception.view_schedule")
        ),
    ),
)
