"""Letters as a kind of tracked item of the casework layer."""

from phoihop.casework.registry import ItemKind, item_kinds
from phoihop.letters.models import Letter
from phoihop.letters.steps import StepKind


def _letter_get(viewer, public_id):
    from phoihop.letters.selectors import letter_get

    return letter_get(viewer=viewer, public_id=public_id)


item_kinds.register_kind(
    ItemKind(
        model=Letter,
        label="Đơn",
        view_permission="letters.view_letter",
        assign_permission="letters.triage_letter",
        supervise_permission="letters.supervise_letter",
        resolve_permission="letters.resolve_letter",
        chain_field="supervised_by",
        date_field="received_on",
        field_field="field",
        step_labels={k.value: str(k.label) for k in StepKind},
        actions={
            "received": ("classify", "split", "forward", "guide", "return", "file", "accept"),
            "accepted": (
                "notify_parties",
                "verify",
                "extend",
                "suspend",
                "resume",
                "withdraw",
                "conclude",
            ),
            "resolved": ("publish",),
        },
        get=_letter_get,
    )
)
