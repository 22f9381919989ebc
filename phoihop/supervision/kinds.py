"""Supervision items as kinds of tracked item of the casework layer. Each names the
supervising body in ``supervised_by`` (the chain field): that body sees the item read-only,
finds it on the supervisors' overview and sends follow-ups (decision 0200)."""

from phoihop.casework.registry import ItemKind, item_kinds
from phoihop.supervision.models import BodyReport, Plan, Pledge, Question, Recommendation


def _getter(name):
    def get(viewer, public_id):
        from phoihop.supervision import selectors

        return getattr(selectors, name)(viewer=viewer, public_id=public_id)

    return get


item_kinds.register_kind(
    ItemKind(
        model=Plan,
        label="Kế hoạch giám sát",
        view_permission="supervision.view_plan",
        assign_permission="supervision.change_plan",
        date_field="starts_on",
        step_labels={
            "created": "Lập kế hoạch",
            "team": "Thành phần đoàn",
            "visit": "Làm việc với cơ quan chịu sự giám sát",
            "concluded": "Ban hành báo cáo, thông báo kết luận",
            "resupervision": "Tái giám sát",
        },
        actions={"preparing": ("assign",), "visiting": ("assign",)},
        get=_getter("plan_get"),
    )
)

item_kinds.register_kind(
    ItemKind(
        model=BodyReport,
        label="Báo cáo phục vụ giám sát",
        view_permission="supervision.view_bodyreport",
        assign_permission="supervision.change_bodyreport",
        supervise_permission="supervision.supervise_bodyreport",
        resolve_permission="supervision.change_bodyreport",
        chain_field="supervised_by",
        date_field="requested_on",
        step_labels={"requested": "Đề nghị báo cáo", "received": "Nhận báo cáo"},
        actions={"requested": ("receive", "assign")},
        get=_getter("report_get"),
    )
)

item_kinds.register_kind(
    ItemKind(
        model=Recommendation,
        label="Kiến nghị sau giám sát",
        view_permission="supervision.view_recommendation",
        assign_permission="supervision.change_recommendation",
        supervise_permission="supervision.supervise_recommendation",
        resolve_permission="supervision.report_recommendation",
        chain_field="supervised_by",
        date_field="issued_on",
        field_field="topic",
        step_labels={
            "issued": "Ban hành kiến nghị",
            "accepted": "Tiếp thu kiến nghị",
            "progress": "Báo cáo tiến độ",
            "reported_done": "Báo cáo đã hoàn thành (kèm minh chứng)",
            "verified": "Chủ thể giám sát xác minh, đánh giá",
            "reopened": "Yêu cầu tiếp tục khắc phục",
            "closed": "Kết thúc theo dõi",
            "carried": "Chuyển sang tái giám sát",
            "replied": "Trả lời kiến nghị của Ủy ban MTTQ",
        },
        actions={
            "open": ("reply", "accept", "progress", "assign"),
            "accepted": ("reply", "progress", "report_done", "assign"),
            "remedying": ("progress", "report_done", "assign"),
            "reported_done": ("verify",),
            "verified": ("close",),
        },
        get=_getter("recommendation_get"),
    )
)

item_kinds.register_kind(
    ItemKind(
        model=Question,
        label="Chất vấn",
        view_permission="supervision.view_question",
        assign_permission="supervision.change_question",
        supervise_permission="supervision.supervise_question",
        resolve_permission="supervision.answer_question",
        chain_field="supervised_by",
        date_field="registered_on",
        step_labels={
            "registered": "Đăng ký chất vấn",
            "to_writing": "Chuyển trả lời bằng văn bản",
            "answered": "Trả lời chất vấn",
            "accepted": "Đại biểu đồng ý",
            "disputed": "Đại biểu chưa đồng ý — đưa vào chất vấn lại",
        },
        actions={
            "registered": ("answer", "to_writing", "assign"),
            "written_pending": ("answer", "assign"),
            "answered": ("assess",),
        },
        get=_getter("question_get"),
    )
)

item_kinds.register_kind(
    ItemKind(
        model=Pledge,
        label="Lời hứa khi trả lời chất vấn",
        view_permission="supervision.view_pledge",
        assign_permission="supervision.change_pledge",
        supervise_permission="supervision.supervise_pledge",
        resolve_permission="supervision.report_pledge",
        chain_field="supervised_by",
        date_field="made_on",
        step_labels={
            "made": "Ghi nhận lời hứa",
            "progress": "Báo cáo thực hiện",
            "reported_done": "Báo cáo đã thực hiện",
            "assessed": "Đánh giá việc thực hiện",
        },
        actions={"open": ("progress", "report_done", "assign"), "reported_done": ("assess",)},
        get=_getter("pledge_get"),
    )
)
