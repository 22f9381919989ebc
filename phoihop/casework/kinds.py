"""The shared layer's own kind of item: the follow-up request."""

from phoihop.casework.models import FollowUp
from phoihop.casework.registry import ItemKind, item_kinds


def _follow_up_get(viewer, public_id):
    from phoihop.casework.selectors import follow_up_get

    return follow_up_get(viewer=viewer, public_id=public_id)


item_kinds.register_kind(
    ItemKind(
        model=FollowUp,
        label="Đề nghị xem xét, giải quyết",
        view_permission="",
        assign_permission="",
        step_labels={"answered": "Trả lời đề nghị"},
        actions={"open": ("answer", "assign")},
        get=_follow_up_get,
    )
)
