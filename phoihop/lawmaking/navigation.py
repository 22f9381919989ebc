"""The law-making area's entry in the main navigation."""

from phoihop.access.grants import has_permission_anywhere
from phoihop.core.registry import NavItem, navigation

navigation.register(
    "lawmaking",
    NavItem(
        "lawmaking",
        "Góp ý dự thảo",
        "lawmaking:home",
        order=45,
        visible=lambda user: has_permission_anywhere(user, "lawmaking.view_draft"),
    ),
)
