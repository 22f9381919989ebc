"""Correcting a letter's handling without starting over: a new classification until the
letter is accepted, and the complexity of a case marked or changed when its time runs short
(decision 0144). Both are audited with the reason and appear in the letter's history."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from phoihop.audit.services import audit_record, field_changes
from phoihop.casework.clocks import clock_start, clocks_open, clocks_stop, due_sync
from phoihop.casework.errors import ItemStateError
from phoihop.casework.services import item_locked, item_require_status, step_add
from phoihop.deadlines.services import deadline_complexity_set
from phoihop.letters.errors import LetterInputError
from phoihop.letters.models import Letter
from phoihop.letters.steps import StepKind

# The intake clocks that depend on the kind (the XL-07 processing clock does not).
KIND_INTAKE_RULES = ("KN-03", "KN-07", "TC-01", "TC-03")
# The resolution clocks whose period depends on complexity (Luật KN Đ28, Đ37).
COMPLEXITY_RULES = ("KN-04", "KN-05", "KN-08")


@transaction.atomic
def letter_reclassify(
    *,
    actor,
    letter: Letter,
    kind: str,
    reason: str,
    instance: int | None = None,
    field: str | None = None,
    level: str | None = None,
) -> Letter:
    """Correct the classification of a letter still awaiting triage (before acceptance): the
    intake clock of the old kind is closed and the new kind's clock runs from the date of
    receipt, as if it had been classified so from the start (TT 05/2021 Đ6).

    Raises:
        PermissionDenied: actor may not triage this letter.
        ItemStateError: the letter is not awaiting triage, or not classified yet.
        LetterInputError: unknown kind, the same kind, or no reason.

    Records: ``letter.reclassified`` (kind old/new, instance, reason).
    """
    letter = item_locked(letter, actor, "triage")
    item_require_status(
        letter, "received", message="Chỉ phân loại lại được đơn chưa thụ lý, chưa xử lý xong."
    )
    if letter.kind == Letter.Kind.UNCLASSIFIED:
        raise ItemStateError("Đơn chưa được phân loại; dùng “Phân loại”.", code="unclassified")
    if kind not in Letter.Kind.values or kind in (Letter.Kind.UNCLASSIFIED, Letter.Kind.MIXED):
        raise LetterInputError("Loại đơn không hợp lệ.", code="kind")
    if not reason.strip():
        raise LetterInputError("Ghi lý do phân loại lại.", code="reason")
    if kind != Letter.Kind.COMPLAINT:
        instance = None
    elif not instance:
        instance = letter.instance or 1
    if kind == letter.kind and instance == letter.instance:
        raise LetterInputError("Loại đơn không thay đổi.", code="same")
    today = timezone.localdate()
    before = {"kind": letter.kind, "instance": letter.instance}
    old_label = letter.get_kind_display()
    clocks_stop(letter, KIND_INTAKE_RULES, today, actor)
    letter.kind, letter.instance = kind, instance
    if field is not None:
        letter.field = field
    if level is not None:
        letter.level = level
    letter.full_clean()
    letter.save(update_fields=["kind", "instance", "field", "level", "updated_at"])
    if kind == Letter.Kind.COMPLAINT:
        clock_start(letter, "KN-07" if instance == 2 else "KN-03", letter.received_on, actor)
    elif kind == Letter.Kind.DENUNCIATION:
        clock_start(letter, "TC-01", letter.received_on, actor)
        if letter.forwarded_from_id:
            clock_start(letter, "TC-03", letter.received_on, actor)
    due_sync(letter)
    step_add(
        letter,
        StepKind.CLASSIFIED,
        today,
        actor,
        f"Phân loại lại: {old_label} → {letter.get_kind_display()}. Lý do: {reason.strip()}",
    )
    audit_record(
        actor=actor,
        event="letter.reclassified",
        target=letter,
        data={
            **field_changes(before, {"kind": kind, "instance": instance}),
            "reason": reason.strip(),
        },
    )
    return letter


@transaction.atomic
def letter_complexity_set(
    *,
    actor,
    letter: Letter,
    is_complex: bool,
    is_especially_complex: bool,
    reason: str,
    on: date,
) -> Letter:
    """Mark or change the complexity of an accepted case, with the reason. A complaint's
    resolution period is computed again with the longer period the law gives a complex case
    (Luật KN Đ28: 45 days instead of 30; Đ37: 60 instead of 45); a denunciation that becomes
    complex may then be extended by decision (Luật TC Đ30 k2).

    Raises:
        PermissionDenied: actor may not decide on this letter.
        ItemStateError: the case is not under resolution.
        LetterInputError: no reason, or nothing changes.

    Records: ``letter.complexity_set`` (old/new, reason) and ``deadline.complexity_set``.
    """
    letter = item_locked(letter, actor, "decide")
    item_require_status(
        letter, "accepted", message="Chỉ xác định mức độ phức tạp khi đang giải quyết."
    )
    if not reason.strip():
        raise LetterInputError("Ghi lý do xác định vụ việc phức tạp.", code="reason")
    is_complex = is_complex or is_especially_complex
    before = {
        "is_complex": letter.is_complex,
        "is_especially_complex": letter.is_especially_complex,
    }
    after = {"is_complex": is_complex, "is_especially_complex": is_especially_complex}
    if before == after:
        raise LetterInputError("Mức độ phức tạp không thay đổi.", code="same")
    letter.is_complex, letter.is_especially_complex = is_complex, is_especially_complex
    letter.save(update_fields=["is_complex", "is_especially_complex", "updated_at"])
    if letter.kind == Letter.Kind.COMPLAINT:
        for deadline in clocks_open(letter, COMPLEXITY_RULES):
            deadline_complexity_set(
                deadline=deadline,
                # A complaint has no "especially complex" period: the longer one applies.
                is_complex=is_complex,
                is_especially_complex=False,
                reason=reason.strip(),
                actor=actor,
            )
    due_sync(letter)
    label = (
        "đặc biệt phức tạp"
        if is_especially_complex
        else "phức tạp"
        if is_complex
        else "không phức tạp"
    )
    step_add(letter, StepKind.COMPLEXITY, on, actor, f"Vụ việc {label}. Lý do: {reason.strip()}")
    audit_record(
        actor=actor,
        event="letter.complexity_set",
        target=letter,
        data={**field_changes(before, after), "reason": reason.strip()},
    )
    return letter
