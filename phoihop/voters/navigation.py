"""The voters' module entry in the main navigation."""

from phoihop.access.grants import has_permission_anywhere
from phoihop.core.registry import NavItem, navigation

navigation.register(
    "voters",
    NavItem(
        "voters",
        "Tiếp xúc cử tri",
        "voters:session_list",
        order=35,
        visible=lambda user: (
            has_permission_anywhere(user, "voters.view_session")
            or has_permission_anywhere(user, "voters.view_consolidatedpetition")
        ),
    ),
)
