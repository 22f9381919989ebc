"""Triage of a registered letter by its content (TT 05/2021 Đ6; RULEBOOK §3)."""

from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone

from phoihop.audit.services import audit_record, field_changes
from phoihop.casework.clocks import clock_start, due_sync
from phoihop.casework.errors import ItemStateError
from phoihop.casework.services import item_locked, item_require_status, step_add
from phoihop.letters import eligibility
from phoihop.letters.errors import LetterInputError
from phoihop.letters.models import Letter
from phoihop.letters.steps import StepKind


@transaction.atomic
def letter_classify(
    *,
    actor,
    letter: Letter,
    kind: str,
    instance: int | None = None,
    field: str = "",
    level: str = "",
    has_signature: bool = True,
    has_name_address: bool = True,
    names_violator: bool = False,
    has_evidence: bool = False,
    grounds: Sequence[str] = (),
    is_remote: bool = False,
    previous_instance: Letter | None = None,
) -> Letter:
    """Classify a letter by its content, purpose and request — not its title (TT 05/2021 Đ6
    k1, XL-02) — and record the eligibility checks; start the kind's intake clock.

    Complaints: accept within 10 days of receipt (Luật KN Đ27, KN-03; second complaint Đ36,
    KN-07). Denunciations: initial processing within 7 working days (Luật TC Đ24 k1, TC-01);
    a denunciation forwarded by an authority is reported on within 20 days (Đ26 k2, TC-03).
    A mixed letter is split instead (``letter_split``).

    Raises:
        PermissionDenied: actor may not triage this letter.
        ItemStateError: already classified, or not awaiting triage.
        LetterInputError: unknown kind or ground; an instance on a non-complaint.

    Records: ``letter.classified`` (kind, instance, field, eligibility flags).
    """
    letter = item_locked(letter, actor, "triage")
    item_require_status(letter, "received", message="Chỉ phân loại được đơn mới tiếp nhận.")
    if letter.kind != Letter.Kind.UNCLASSIFIED:
        raise ItemStateError("Đơn đã được phân loại.", code="classified")
    if kind not in Letter.Kind.values or kind == Letter.Kind.UNCLASSIFIED:
        raise LetterInputError("Loại đơn không hợp lệ.", code="kind")
    unknown = sorted(set(grounds) - set(eligibility.GROUNDS))
    if unknown:
        raise LetterInputError(f"Căn cứ không thụ lý không hợp lệ: {', '.join(unknown)}.")
    if kind != Letter.Kind.COMPLAINT and instance:
        raise LetterInputError("Chỉ đơn khiếu nại mới có lần khiếu nại.", code="instance")
    if kind == Letter.Kind.COMPLAINT:
        instance = instance or (2 if previous_instance else 1)
    before = {"kind": letter.kind}
    letter.kind, letter.instance, letter.field, letter.level = kind, instance, field, level
    letter.has_signature, letter.has_name_address = has_signature, has_name_address
    letter.names_violator, letter.has_evidence = names_violator, has_evidence
    letter.grounds, letter.is_remote = sorted(set(grounds)), is_remote
    letter.previous_instance = previous_instance
    letter.full_clean()
    letter.save()
    if kind == Letter.Kind.COMPLAINT:
        clock_start(letter, "KN-07" if instance == 2 else "KN-03", letter.received_on, actor)
    elif kind == Letter.Kind.DENUNCIATION:
        clock_start(letter, "TC-01", letter.received_on, actor)
        if letter.forwarded_from_id:
            clock_start(letter, "TC-03", letter.received_on, actor)
    due_sync(letter)
    step_add(letter, StepKind.CLASSIFIED, timezone.localdate(), actor, letter.get_kind_display())
    audit_record(
        actor=actor,
        event="letter.classified",
        target=letter,
        data={
            **field_changes(before, {"kind": kind}),
            "instance": instance,
            "field": field,
            "has_signature": has_signature,
            "has_name_address": has_name_address,
            "names_violator": names_violator,
            "has_evidence": has_evidence,
            "grounds": letter.grounds,
        },
    )
    return letter
