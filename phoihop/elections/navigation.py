from django.utils.translation import gettext_noop as _

from phoihop.access.grants import has_permission_anywhere
from phoihop.core.registry import NavItem, navigation

navigation.register(
    "elections",
    NavItem(
        "elections",
        _("Bầu cử"),
        "elections:list",
        order=60,
        visible=lambda user: has_permission_anywhere(user, "elections.view_election"),
    ),
)
