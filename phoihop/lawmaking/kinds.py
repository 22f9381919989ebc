"""Consultations and agency requests as kinds of tracked item of the casework layer."""

from phoihop.casework.registry import ItemKind, item_kinds
from phoihop.lawmaking.models import AgencyRequest, Consultation, Critique, ProposalRound


def _getter(name):
    def get(viewer, public_id):
        from phoihop.lawmaking import selectors

        return getattr(selectors, name)(viewer=viewer, public_id=public_id)

    return get


item_kinds.register_kind(
    ItemKind(
        model=Consultation,
        label="Đợt lấy ý kiến dự thảo",
        view_permission="lawmaking.view_consultation",
        assign_permission="lawmaking.change_consultation",
        date_field="opens_on",
        step_labels={
            "opened": "Mở đợt lấy ý kiến",
            "request": "Gửi công văn đề nghị góp ý",
            "answer": "Nhận văn bản góp ý",
            "conference": "Hội nghị, tọa đàm",
            "imported": "Nhập ý kiến từ tệp",
            "merged": "Gộp ý kiến trùng lặp",
            "closed": "Hết thời gian lấy ý kiến",
            "reported": "Ban hành báo cáo tổng hợp",
            "published": "Công khai tiếp thu, giải trình",
        },
        actions={"open": ("assign",), "closed": ("assign",)},
        get=_getter("consultation_get"),
    )
)

item_kinds.register_kind(
    ItemKind(
        model=AgencyRequest,
        label="Đề nghị góp ý bằng văn bản",
        view_permission="lawmaking.view_agencyrequest",
        assign_permission="lawmaking.change_agencyrequest",
        date_field="requested_on",
        step_labels={"sent": "Gửi công văn", "answered": "Nhận văn bản trả lời"},
        actions={"sent": ("answer", "assign")},
        get=_getter("request_get"),
    )
)

item_kinds.register_kind(
    ItemKind(
        model=Critique,
        label="Phản biện xã hội dự thảo",
        view_permission="lawmaking.view_critique",
        assign_permission="lawmaking.change_critique",
        date_field="created_at",
        step_labels={
            "created": "Xây dựng văn bản phản biện",
            "sent": "Gửi văn bản phản biện",
            "answered": "Nhận văn bản tiếp thu, giải trình",
        },
        actions={"drafting": ("assign",), "sent": ("assign",)},
        get=_getter("critique_get"),
    )
)

item_kinds.register_kind(
    ItemKind(
        model=ProposalRound,
        label="Đề xuất nhiệm vụ lập pháp nhiệm kỳ",
        view_permission="lawmaking.view_proposalround",
        assign_permission="lawmaking.change_proposalround",
        date_field="created_at",
        step_labels={
            "opened": "Bắt đầu tổng hợp đề xuất",
            "proposal": "Nhận đề xuất của đại biểu",
            "sent": "Gửi công văn đến Ủy ban Thường vụ Quốc hội",
        },
        actions={"collecting": ("assign",)},
        get=_getter("round_get"),
    )
)
