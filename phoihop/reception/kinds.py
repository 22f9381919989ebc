"""Reception visits as a kind of tracked item of the casework layer."""

from phoihop.casework.registry import ItemKind, item_kinds
from phoihop.reception.models import Visit


def _visit_get(viewer, public_id):
    from phoihop.reception.selectors import visit_get

    return visit_get(viewer=viewer, public_id=public_id)


item_kinds.register_kind(
    ItemKind(
        model=Visit,
        label="Lượt tiếp công dân",
        view_permission="reception.view_visit",
        assign_permission="reception.change_visit",
        date_field="visited_on",
        step_labels={"registered": "Vào sổ tiếp công dân", "answered": "Trả lời công dân"},
        actions={"received": ("answer", "assign")},
        get=_visit_get,
    )
)
