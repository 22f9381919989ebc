"""The exchange area's entry in the main navigation."""

from phoihop.access.grants import has_permission_anywhere
from phoihop.core.registry import NavItem, navigation

SEEN_WITH = ("exchange.view_dispatch", "exchange.view_delivery", "exchange.view_periodicreport")

navigation.register(
    "exchange",
    NavItem(
        "exchange",
        "Văn bản đi, đến",
        "exchange:home",
        order=38,
        visible=lambda user: any(has_permission_anywhere(user, p) for p in SEEN_WITH),
    ),
)
