"""Voter meetings and consolidated petitions as kinds of tracked item of the casework layer."""

from phoihop.casework.registry import ItemKind, item_kinds
from phoihop.voters.models import ConsolidatedPetition, Meeting


def _meeting_get(viewer, public_id):
    from phoihop.voters.selectors import meeting_get

    return meeting_get(viewer=viewer, public_id=public_id)


def _consolidated_get(viewer, public_id):
    from phoihop.voters.selectors import consolidated_get

    return consolidated_get(viewer=viewer, public_id=public_id)


def _reopen(item, actor, on):
    from phoihop.voters.services import consolidated_reopen

    consolidated_reopen(item=item, actor=actor, on=on)


item_kinds.register_kind(
    ItemKind(
        model=Meeting,
        label="Hội nghị tiếp xúc cử tri",
        view_permission="voters.view_meeting",
        assign_permission="voters.change_meeting",
        date_field="held_on",
        step_labels={
            "planned": "Lập kế hoạch tiếp xúc cử tri",
            "petitions": "Ghi kiến nghị của cử tri",
            "held": "Ghi biên bản hội nghị",
            "cancelled": "Hủy hội nghị",
        },
        actions={"planned": ("record", "assign")},
        get=_meeting_get,
    )
)

item_kinds.register_kind(
    ItemKind(
        model=ConsolidatedPetition,
        label="Kiến nghị cử tri tổng hợp",
        view_permission="voters.view_consolidatedpetition",
        assign_permission="voters.change_consolidatedpetition",
        supervise_permission="voters.supervise_consolidatedpetition",
        resolve_permission="voters.answer_consolidatedpetition",
        receive_permission="voters.receive_consolidatedpetition",
        chain_field="forwarded_by",
        date_field="routed_on",
        field_field="field",
        step_labels={
            "proposed": "Máy đề xuất nhóm",
            "accept": "Duyệt nhóm kiến nghị",
            "split": "Tách nhóm",
            "merge": "Gộp nhóm",
            "move": "Chuyển kiến nghị giữa các nhóm",
            "rename": "Sửa nội dung tổng hợp",
            "classify": "Quyết định lĩnh vực, cấp, cơ quan",
            "route": "Chuyển đến cấp có thẩm quyền",
            "receipt": "Cơ quan nhận xác nhận",
            "received": "Vào sổ kiến nghị được chuyển đến",
            "handover_refused": "Cơ quan nhận từ chối",
            "answer": "Trả lời kiến nghị",
            "repeat": "Phát hiện kiến nghị lặp lại",
            "opinion": "Xếp một ý kiến ra khỏi nhóm kiến nghị",
            "feedback": "Phản hồi của điểm tiếp xúc về trả lời",
            "follow_up": "Đề nghị xem xét, giải quyết",
            "follow_up_answered": "Trả lời đề nghị xem xét, giải quyết",
        },
        actions={
            "proposed": ("consolidate",),
            "accepted": ("consolidate", "route", "assign"),
            "routed": ("answer", "assign"),
        },
        get=_consolidated_get,
        reopen=_reopen,
    )
)
