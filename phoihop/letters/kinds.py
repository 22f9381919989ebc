"""Letters as a kind of tracked item of the casework layer."""

from phoihop.casework.registry import ItemKind, item_kinds
from phoihop.letters.models import Letter
from phoihop.letters.steps import StepKind


def _letter_reopen(letter, actor, on):
    from phoihop.letters.services.outcomes import letter_reopen

    letter_reopen(letter, actor, on)


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
        receive_permission="letters.add_letter",
        chain_field="supervised_by",
        date_field="received_on",
        field_field="field",
        step_labels={
            **{k.value: str(k.label) for k in StepKind},
            "handover_refused": "Cơ quan nhận từ chối đơn chuyển đến",
        },
        # The step codes of ``StepForm``; ``letters.forms.step_choices`` narrows them further
        # by the letter's kind and clocks.
        actions={
            "received": (
                "classify",
                "reclassify",
                "split",
                "forward",
                "guide",
                "return",
                "file",
                "use_for_inspection",
                "refuse",
                "accept",
                "withdraw",
            ),
            "accepted": (
                "notify",
                "verify",
                "dialogue",
                "extend",
                "suspend",
                "resume",
                "withdraw_partial",
                "withdraw",
                "conclude",
            ),
            "resolved": ("publish",),
        },
        get=_letter_get,
        reopen=_letter_reopen,
    )
)
