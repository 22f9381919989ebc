"""Complaints about voter lists as a kind of tracked item of the casework layer."""

from phoihop.casework.registry import ItemKind, item_kinds
from phoihop.elections.models import VoterListComplaint


def _get(viewer, public_id):
    from phoihop.elections.selectors import complaint_get

    return complaint_get(viewer=viewer, public_id=public_id)


item_kinds.register_kind(
    ItemKind(
        model=VoterListComplaint,
        label="Khiếu nại về danh sách cử tri",
        view_permission="elections.view_voterlistcomplaint",
        assign_permission="elections.change_voterlistcomplaint",
        resolve_permission="elections.change_voterlistcomplaint",
        date_field="received_on",
        step_labels={
            "received": "Nhận khiếu nại",
            "upheld": "Chấp nhận khiếu nại",
            "rejected": "Không chấp nhận",
        },
        actions={"received": ("resolve", "assign")},
        get=_get,
    )
)
