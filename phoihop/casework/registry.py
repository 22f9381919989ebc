"""The kinds of tracked item. An area registers each of its item models in ``AppConfig.ready()``:

    item_kinds.register(ItemKind(model=Letter, label="Đơn", ...))

Shared code (supervision, follow-ups, links, the history, the assignment page) looks a kind up
by model or by its ``code`` (``"<app_label>.<model_name>"``) and never imports the area.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Model

from phoihop.core.registry import Registry

# The steps the layer itself adds to any kind's history (follow-ups, handovers); a kind's own
# ``step_labels`` may still name them differently.
LAYER_STEP_LABELS = {
    "follow_up": "Đề nghị xem xét, giải quyết",
    "follow_up_answered": "Trả lời đề nghị xem xét, giải quyết",
    "receipt": "Cơ quan nhận xác nhận đã nhận",
    "handover_refused": "Cơ quan nhận từ chối việc chuyển đến",
    "continued": "Tiếp nối thành việc của lĩnh vực khác",
}


@dataclass(frozen=True)
class ItemKind:
    """How the shared layer treats one model of tracked items.

    - ``step_labels``: the history's step codes and their labels (``Step.kind``).
    - ``actions``: per status, the step codes an officer may take (the page offers only those).
    - ``view_permission`` / ``assign_permission`` / ``resolve_permission``: the grant names a
      body's staff need, checked on the item's ``organization``.
    - ``supervise_permission``: the grant a supervising body needs; with ``chain_field`` (a
      foreign key to the body that handed the item down, if the area has one) and a
      ``SupervisionAssignment`` naming this kind, it sees the item read-only.
    - ``date_field`` / ``field_field``: what a supervision assignment's period and fields
      filter on.
    - ``receive_permission``: the grant a receiving body needs to acknowledge (or refuse) an
      item handed over to it.
    - ``get``: ``(viewer, public_id) -> item`` (404 when unseen), the area's own selector.
    - ``reopen``: ``(item, actor, on)``, what the area does when a body refuses an item it was
      handed: the item is back with its sender, awaiting a new decision.
    """

    model: type[Model]
    label: str
    view_permission: str
    assign_permission: str
    supervise_permission: str = ""
    resolve_permission: str = ""
    receive_permission: str = ""
    chain_field: str = ""
    date_field: str = "created_at"
    field_field: str = ""
    step_labels: dict[str, str] = field(default_factory=dict)
    actions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    get: Callable | None = None
    reopen: Callable | None = None

    @property
    def code(self) -> str:
        meta = self.model._meta
        return f"{meta.app_label}.{meta.model_name}"

    def step_label(self, code: str) -> str:
        return self.step_labels.get(code) or LAYER_STEP_LABELS.get(code, code)

    def actions_for(self, status: str) -> tuple[str, ...]:
        return self.actions.get(status, ())


class ItemKindRegistry(Registry):
    def register_kind(self, kind: ItemKind) -> ItemKind:
        self.register(kind.code, kind)
        return kind

    def for_model(self, model: type[Model]) -> ItemKind:
        meta = model._meta
        return self[f"{meta.app_label}.{meta.model_name}"]  # type: ignore[return-value]

    def get(self, code: str) -> ItemKind | None:
        try:
            return self[code]  # type: ignore[return-value]
        except KeyError:
            return None


item_kinds = ItemKindRegistry("tracked item kind")
