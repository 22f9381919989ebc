"""The council area's entry in the main navigation."""

from phoihop.access.grants import has_permission_anywhere
from phoihop.core.registry import NavItem, navigation

_SEEN_WITH = ("council.view_session", "council.view_task", "council.view_submission")

navigation.register(
    "council",
    NavItem(
        "council",
        "Kỳ họp, giao ban",
        "council:home",
        order=35,
        visible=lambda user: any(has_permission_anywhere(user, p) for p in _SEEN_WITH),
    ),
)
