"""The incoming copy of an exchanged document as a kind of the casework layer: the receiving
body's item (its clerk registers it, its handler deals with it), seen read-only by the sender."""

from phoihop.casework.registry import ItemKind, item_kinds
from phoihop.exchange.models import Delivery


def _get(viewer, public_id):
    from phoihop.exchange.selectors import delivery_get

    return delivery_get(viewer=viewer, public_id=public_id)


item_kinds.register_kind(
    ItemKind(
        model=Delivery,
        label="Văn bản đến từ cơ quan phối hợp",
        view_permission="exchange.view_delivery",
        assign_permission="exchange.change_delivery",
        resolve_permission="exchange.report_delivery",
        date_field="received_on",
        step_labels={
            "sent": "Cơ quan gửi chuyển văn bản",
            "registered": "Vào sổ văn bản đến, báo đã nhận",
            "due": "Giao hạn xử lý",
            "progress": "Báo cáo tiến độ xử lý",
            "done": "Xử lý xong",
            "returned": "Trả lại nơi gửi",
        },
        actions={"handling": ("progress", "done", "assign"), "sent": ("assign",)},
        get=_get,
    )
)
