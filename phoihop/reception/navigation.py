"""The reception module's entries in the main navigation: the register for those who keep it,
the schedules alone for an account that may see them but not the register (an administrator)."""

from phoihop.access.grants import has_permission_anywhere
from phoihop.core.registry import NavItem, navigation


def _keeps_register(user) -> bool:
    return has_permission_anywhere(user, "reception.view_visit")


navigation.register(
    "reception",
    NavItem(
        "reception", "Tiếp công dân", "reception:visit_list", order=30, visible=_keeps_register
    ),
)
navigation.register(
    "reception.schedules",
    NavItem(
        "reception.schedules",
        "Lịch tiếp công dân",
        "reception:schedule_list",
        order=30,
        visible=lambda user: (
            not _keeps_register(user) and has_permission_anywhere(user, "reception.view_schedule")
        ),
    ),
)
