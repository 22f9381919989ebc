from django.utils.translation import gettext_noop as _

from phoihop.access.grants import has_permission_anywhere
from phoihop.casework.registry import item_kinds
from phoihop.core.registry import NavItem, navigation


def _supervises(user) -> bool:
    return any(
        has_permission_anywhere(user, kind.supervise_permission)
        for kind in item_kinds.values()
        if kind.supervise_permission
    )


navigation.register(
    "casework.supervision",
    NavItem(
        "casework.supervision",
        _("Việc giám sát"),
        "casework:supervision_overview",
        order=34,
        visible=_supervises,
    ),
)
navigation.register(
    "casework.assignments",
    NavItem(
        "casework.assignments",
        _("Phân công giám sát"),
        "casework:supervision_assignments",
        order=90,
        visible=lambda user: has_permission_anywhere(user, "casework.add_supervisionassignment"),
    ),
)
