"""The supervision area's entry in the main navigation."""

from phoihop.access.grants import has_permission_anywhere
from phoihop.core.registry import NavItem, navigation

# Every role with a supervision permission holds view_plan (the pages' gate).
_SEEN_WITH = ("supervision.view_plan",)

navigation.register(
    "supervision",
    NavItem(
        "supervision",
        "Giám sát",
        "supervision:home",
        order=40,
        visible=lambda user: any(has_permission_anywhere(user, p) for p in _SEEN_WITH),
    ),
)
