"""Triage of a registered letter by its content (TT 05/2021 Đ6; RULEBOOK §3)."""

from collections.abc import Sequence
from datetime import date

from django.db import transaction
from django.utils import timezone

from phoihop.audit.services import audit_record, field_changes
from phoihop.casework.clocks import clock_main, clock_start, due_sync
from phoihop.casework.errors import ItemStateError
from phoihop.casework.services import item_locked, item_require_status, step_add
from phoihop.deadlines import engine
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
    has_signature: bool | None = None,
    has_name_address: bool | None = None,
    names_violator: bool = False,
    has_evidence: bool = False,
    grounds: Sequence[str] = (),
    is_remote: bool = False,
    previous_instance: Letter | None = None,
    outside_competence: bool = False,
    act_known_on: date | None = None,
    obstacle_days: int = 0,
) -> Letter:
    """Classify a letter by its content, purpose and request — not its title (TT 05/2021 Đ6
    k1, XL-02) — and record the eligibility checks; start the kind's intake clock.

    Complaints: accept within 10 days of receipt (Luật KN Đ27, KN-03; second complaint Đ36,
    KN-07). Denunciations: initial processing within 7 working days (Luật TC Đ24 k1, TC-01);
    a denunciation forwarded by an authority is reported on within 20 days (Đ26 k2, TC-03).
    A mixed letter is split instead (``letter_split``). An anonymous denunciation is not
    processed under the Law on Denunciations (Đ25 k1): it gets no TC-01, TC-02 or TC-03 clock.
    A denunciation outside competence (*outside_competence*) runs TC-02 from receipt: forward
    it within 5 working days (Đ24 k2); the letter shows that due date while it runs.

    Complaints: the limitation period (KN-01, 90 days from *act_known_on*) or, for a second
    complaint, the window after the first decision or the lapse of its time limit (KN-06, 30
    days, remote 45) is computed, *obstacle_days* added (Đ9; KN-02); a letter received after it
    is flagged "time-barred" as a suggestion — the officer decides (Đ11 k6). A second complaint
    needs the first decision or the lapse of the first time limit (Luật KN Đ33 k1).

    Raises:
        PermissionDenied: actor may not triage this letter.
        ItemStateError: already classified, or not awaiting triage.
        LetterInputError: unknown kind or ground; an instance on a non-complaint; a second
            complaint with neither a first decision nor a lapsed first time limit.

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
    if obstacle_days < 0:
        raise LetterInputError("Số ngày có trở ngại không được âm.", code="obstacle_days")
    if act_known_on is not None and act_known_on > letter.received_on:
        raise LetterInputError(
            "Ngày nhận được, biết được quyết định không được sau ngày nhận đơn.",
            code="act_known_on",
        )
    if kind == Letter.Kind.COMPLAINT:
        instance = instance or (2 if previous_instance else 1)
    # Left out, the flags stay as registration recorded them (a portal letter is unsigned).
    has_signature = letter.has_signature if has_signature is None else has_signature
    has_name_address = letter.has_name_address if has_name_address is None else has_name_address
    limitation_due = None
    if kind == Letter.Kind.COMPLAINT:
        limitation_due = _limitation_due(
            letter,
            instance=instance,
            previous=previous_instance,
            act_known_on=act_known_on,
            obstacle_days=obstacle_days,
            remote=is_remote,
        )
    before = {"kind": letter.kind}
    letter.kind, letter.instance, letter.field, letter.level = kind, instance, field, level
    letter.has_signature, letter.has_name_address = has_signature, has_name_address
    letter.names_violator, letter.has_evidence = names_violator, has_evidence
    letter.grounds, letter.is_remote = sorted(set(grounds)), is_remote
    letter.previous_instance = previous_instance
    letter.act_known_on, letter.obstacle_days = act_known_on, obstacle_days
    letter.limitation_due_on = limitation_due
    letter.full_clean()
    letter.save()
    if kind == Letter.Kind.COMPLAINT:
        clock_start(letter, "KN-07" if instance == 2 else "KN-03", letter.received_on, actor)
    elif kind == Letter.Kind.DENUNCIATION and has_name_address:
        clock_start(letter, "TC-01", letter.received_on, actor)
        if outside_competence:
            clock_start(letter, "TC-02", letter.received_on, actor)
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
            "outside_competence": outside_competence,
            "limitation_due_on": limitation_due,
            "time_barred_suggested": letter.time_barred_suggested,
        },
    )
    return letter


def _limitation_due(
    letter: Letter,
    *,
    instance: int,
    previous: Letter | None,
    act_known_on: date | None,
    obstacle_days: int,
    remote: bool,
) -> date | None:
    """The last day of the complainant's period (KN-01 or KN-06), or None when its start is
    unknown. Raises LetterInputError for a second complaint without a first decision or a
    lapsed first time limit (Luật KN Đ33 k1)."""
    if instance == 1:
        if act_known_on is None:
            return None
        return engine.compute_due("KN-01", act_known_on, extra_days=obstacle_days).due
    start = act_known_on
    if start is None and previous is not None:
        if previous.decided_on is not None:
            start = previous.decided_on
        else:
            first = clock_main(previous, ["KN-04"], running_only=False)
            if first is not None and first.due_on < letter.received_on:
                start = first.due_on
    if start is None:
        raise LetterInputError(
            "Khiếu nại lần hai cần có quyết định giải quyết khiếu nại lần đầu hoặc đã hết thời "
            "hạn giải quyết lần đầu mà chưa được giải quyết (Luật Khiếu nại Đ33 k1); ghi ngày "
            "nhận được quyết định lần đầu hoặc chọn đơn khiếu nại lần đầu.",
            code="second_instance",
        )
    return engine.compute_due("KN-06", start, remote=remote, extra_days=obstacle_days).due
