"""The council area's tracked items as kinds of the casework layer. Agenda items, submissions
and tasks are the responsible body's, seen read-only by the body in the chain field (the
council, its standing committee, a briefing's chairing body), whose own steps are the
``supervise`` action (decision 0240)."""

from phoihop.casework.registry import ItemKind, item_kinds
from phoihop.council.models import AgendaItem, Resolution, Session, Submission, Task


def _getter(name):
    def get(viewer, public_id):
        from phoihop.council import selectors

        return getattr(selectors, name)(viewer=viewer, public_id=public_id)

    return get


item_kinds.register_kind(
    ItemKind(
        model=Session,
        label="Kỳ họp HĐND",
        view_permission="council.view_session",
        assign_permission="council.change_session",
        date_field="opens_on",
        step_labels={
            "planned": "Dự kiến kỳ họp",
            "agenda": "Thêm nội dung kỳ họp",
            "convened": "Quyết định triệu tập",
            "attendance": "Điểm danh đại biểu",
            "closed": "Bế mạc, biên bản kỳ họp",
        },
        actions={"planned": ("assign",), "convened": ("assign",)},
        get=_getter("session_get"),
    )
)

item_kinds.register_kind(
    ItemKind(
        model=AgendaItem,
        label="Nội dung kỳ họp",
        view_permission="council.view_agendaitem",
        assign_permission="council.change_agendaitem",
        supervise_permission="council.supervise_agendaitem",
        resolve_permission="council.change_agendaitem",
        chain_field="council",
        date_field="documents_by",
        step_labels={
            "listed": "Đưa vào chương trình kỳ họp",
            "paper": "Nhận tài liệu",
            "submitted": "Đủ hồ sơ",
            "examined": "Báo cáo thẩm tra",
            "voted": "Biểu quyết",
            "withdrawn": "Rút khỏi chương trình",
        },
        actions={"preparing": ("paper", "assign"), "submitted": ("paper", "assign")},
        get=_getter("agenda_get"),
    )
)

item_kinds.register_kind(
    ItemKind(
        model=Resolution,
        label="Nghị quyết",
        view_permission="council.view_resolution",
        assign_permission="council.change_resolution",
        date_field="adopted_on",
        step_labels={
            "adopted": "Thông qua",
            "signed": "Ký chứng thực",
            "published": "Gửi đăng công báo, công bố",
            "task": "Giao nhiệm vụ thực hiện",
        },
        actions={"adopted": ("sign", "assign"), "signed": ("publish", "assign")},
        get=_getter("resolution_get"),
    )
)

item_kinds.register_kind(
    ItemKind(
        model=Submission,
        label="Tờ trình giữa hai kỳ họp",
        view_permission="council.view_submission",
        assign_permission="council.change_submission",
        supervise_permission="council.supervise_submission",
        resolve_permission="council.change_submission",
        chain_field="council",
        date_field="received_on",
        step_labels={
            "received": "Thường trực nhận tờ trình",
            "paper": "Nhận tài liệu",
            "consulting": "Gửi phiếu lấy ý kiến đại biểu",
            "ballot": "Đại biểu trả lời phiếu",
            "counted": "Kiểm phiếu",
            "decided": "Thường trực quyết định",
            "rejected": "Không thông qua",
            "returned": "Trả lại tờ trình",
        },
        actions={"received": ("paper", "assign")},
        get=_getter("submission_get"),
    )
)

item_kinds.register_kind(
    ItemKind(
        model=Task,
        label="Nhiệm vụ thực hiện nghị quyết, kết luận giao ban",
        view_permission="council.view_task",
        assign_permission="council.change_task",
        supervise_permission="council.supervise_task",
        resolve_permission="council.report_task",
        chain_field="assigned_by",
        date_field="set_on",
        step_labels={
            "set": "Giao nhiệm vụ",
            "progress": "Báo cáo tiến độ",
            "reported_done": "Báo cáo hoàn thành",
            "accepted": "Cơ quan giao nhiệm vụ xác nhận hoàn thành",
            "reopened": "Yêu cầu tiếp tục thực hiện",
        },
        actions={"open": ("progress", "report_done", "assign"), "reported_done": ("accept",)},
        get=_getter("task_get"),
    )
)
