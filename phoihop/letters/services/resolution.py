"""Resolution of accepted letters: complaints (first and second instance), denunciations and
petitions. Luật Khiếu nại 2011 Đ27–Đ44, Luật Tố cáo 2018 Đ28–Đ36 (RULEBOOK §1–§2).
"""

from collections.abc import Sequence
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from phoihop.audit.services import audit_record
from phoihop.casework.clocks import (
    clock_extend,
    clock_resume,
    clock_start,
    clock_suspend,
    clocks_open,
    clocks_stop,
    due_sync,
)
from phoihop.casework.errors import ItemStateError
from phoihop.casework.selectors import step_list
from phoihop.casework.services import item_assign, item_locked, item_require_status, step_add
from phoihop.documents import letter_forms
from phoihop.documents.models import Document
from phoihop.letters import eligibility
from phoihop.letters.errors import (
    LetterExtensionError,
    LetterInputError,
    LetterNotEligibleError,
    LetterStateError,
)
from phoihop.letters.models import Letter
from phoihop.letters.services.common import INTAKE_RULES, RESOLUTION_RULES, issue, letter_facts
from phoihop.letters.steps import StepKind

# Luật Tố cáo Đ30 k2–k3: an extension is at most 30 days; one for a complex case, two for an
# especially complex one.
MAX_EXTENSION_DAYS = 30


def _resolution_rule(letter: Letter) -> str | None:
    if letter.kind == Letter.Kind.COMPLAINT:
        return "KN-08" if letter.instance == 2 else "KN-04"  # Luật KN Đ28 / Đ37
    if letter.kind == Letter.Kind.DENUNCIATION:
        return "TC-08"  # Luật TC Đ30 k1
    return None  # petitions and feedback: no statutory resolution period in the rulebook


@transaction.atomic
def letter_accept(
    *,
    actor,
    letter: Letter,
    on: date,
    is_complex: bool = False,
    is_especially_complex: bool = False,
    assignee=None,
) -> Letter:
    """Accept a letter for resolution (thụ lý) and start the resolution clock.

    Complaints: KN-04 (30 days, 45 complex; remote 45/60) or, second instance, KN-08 (45/60,
    remote 60/70). Denunciations: TC-08 (30 days, extended by decision; the Law on
    Denunciations gives remote areas no longer period, Đ30), an acceptance decision (Luật TC
    Đ29 k2) and the TC-07 clock to notify the parties within 5 working days. Petitions and
    feedback are not "thụ lý": they are taken up for consideration (tiếp nhận, xem xét).

    Raises:
        PermissionDenied: actor may not decide on this letter.
        ItemStateError: not awaiting triage.
        LetterInputError: the acceptance date is before the letter was received.
        LetterNotEligibleError: an Đ11 ground, missing signature or name, or an anonymous
            denunciation (Luật TC Đ25 k1: use it for inspection, forward or file it instead).

    Records: ``letter.accepted`` (rule, complex), ``document.issued``, ``deadline.started``.
    """
    letter = item_locked(letter, actor, "decide")
    item_require_status(letter, "received", message="Chỉ thụ lý được đơn đang chờ xử lý.")
    if on < letter.received_on:
        raise LetterInputError(
            f"Ngày thụ lý ({on:%d/%m/%Y}) không được trước ngày nhận đơn "
            f"({letter.received_on:%d/%m/%Y}).",
            code="accepted_before_received",
        )
    found = eligibility.problems(letter)
    if found:
        raise LetterNotEligibleError(
            "Đơn không đủ điều kiện thụ lý: " + "; ".join(found), code="not_eligible"
        )
    letter.is_complex = is_complex or is_especially_complex
    letter.is_especially_complex = is_especially_complex
    letter.status = Letter.Status.ACCEPTED
    letter.accepted_on = on
    letter.outcome_on = on
    letter.competent_organization = letter.organization
    letter.full_clean()
    letter.save()
    clocks_stop(letter, INTAKE_RULES, on, actor)
    rule = _resolution_rule(letter)
    if rule:
        variant = {}
        if letter.kind == Letter.Kind.COMPLAINT:
            # Luật KN Đ28, Đ37: longer periods for complex cases and remote areas.
            variant = {"complex": letter.is_complex, "remote": letter.is_remote}
        clock_start(letter, rule, on, actor, **variant)
    if letter.kind == Letter.Kind.DENUNCIATION:
        clock_start(letter, "TC-07", on, actor)
        doc_type, title = Document.Type.DECISION, "Về việc thụ lý tố cáo"
        text = "Thụ lý giải quyết tố cáo; thời hạn giải quyết theo Điều 30 Luật Tố cáo."
    elif letter.kind == Letter.Kind.COMPLAINT:
        doc_type, title = Document.Type.NOTICE, "Về việc thụ lý giải quyết khiếu nại"
        text = (
            f"Thụ lý giải quyết khiếu nại lần {'hai' if letter.instance == 2 else 'đầu'} "
            "theo Điều 27 Luật Khiếu nại."
        )
    else:
        doc_type, title = Document.Type.NOTICE, "Về việc tiếp nhận, xem xét kiến nghị, phản ánh"
        text = "Tiếp nhận kiến nghị, phản ánh để xem xét, giải quyết theo thẩm quyền."
    document = issue(letter, actor=actor, doc_type=doc_type, title=title, on=on, paragraphs=[text])
    due_sync(letter)
    step = StepKind.ACCEPTED if rule else StepKind.TAKEN_UP
    step_add(letter, step, on, actor, "", document)
    audit_record(
        actor=actor,
        event="letter.accepted",
        target=letter,
        data={
            "rule": rule,
            "complex": letter.is_complex,
            "especially_complex": is_especially_complex,
            "document": document.symbol,
        },
    )
    if assignee is not None:
        item_assign(actor=actor, item=letter, assignee=assignee)
    return letter


def _require_open_case(letter: Letter) -> None:
    item_require_status(letter, "accepted", message="Đơn không ở bước giải quyết.")


# The notices to the parties a denunciation case owes: acceptance (Luật TC Đ29 k3, TC-07),
# suspension or termination (Đ34 k4, TC-18), each within 5 working days.
NOTICE_RULES = ("TC-07", "TC-18")


@transaction.atomic
def letter_notify_parties(*, actor, letter: Letter, on: date, note: str = "") -> Letter:
    """Record that the notices owed to the denouncer and the denounced person were sent: of
    acceptance (Luật TC Đ29 k3; TC-07), or of the decision to suspend or end the case (Đ34 k4;
    TC-18). The notice to the denouncer goes to the vault address, not onto the case.

    Raises:
        PermissionDenied; ItemStateError: not a denunciation with a notice due.

    Records: ``letter.parties_notified`` (rules).
    """
    letter = item_locked(letter, actor, "resolve")
    if letter.kind != Letter.Kind.DENUNCIATION:
        raise ItemStateError("Chỉ đơn tố cáo mới có bước thông báo cho các bên.")
    due = list(clocks_open(letter, NOTICE_RULES).values_list("rule_id", flat=True))
    if not due:
        raise ItemStateError(
            "Không có thông báo nào đang chờ gửi cho các bên.", code="nothing_to_notify"
        )
    clocks_stop(letter, NOTICE_RULES, on, actor)
    due_sync(letter)
    step_add(
        letter,
        StepKind.NOTIFIED,
        on,
        actor,
        note or "Đã gửi thông báo, quyết định cho người tố cáo và người bị tố cáo.",
    )
    audit_record(
        actor=actor, event="letter.parties_notified", target=letter, data={"on": on, "rules": due}
    )
    return letter


@transaction.atomic
def letter_verify(*, actor, letter: Letter, on: date, note: str) -> Letter:
    """Record a verification step (xác minh; Luật TC Đ28 step 2, Luật KN Đ29).

    Raises:
        PermissionDenied; ItemStateError: not under resolution.

    Records: ``letter.verified``.
    """
    letter = item_locked(letter, actor, "resolve")
    _require_open_case(letter)
    step_add(letter, StepKind.VERIFICATION, on, actor, note)
    audit_record(actor=actor, event="letter.verified", target=letter, data={"on": on})
    return letter


def _main_clock(letter: Letter, statuses=("running",)):
    rule = _resolution_rule(letter)
    clock = (
        clocks_open(letter, [rule] if rule else ["__none__"]).filter(status__in=statuses).first()
    )
    if clock is None:
        raise ItemStateError("Đơn không có thời hạn giải quyết đang chạy.", code="no_clock")
    return clock


@transaction.atomic
def letter_extend(*, actor, letter: Letter, days: int, reason: str, on: date) -> Letter:
    """Extend the resolution of a denunciation by decision (Luật Tố cáo Đ30 k2–k4, TC-08):
    at most 30 days each time; once for a complex case, twice for an especially complex one.
    Complaints have no extension: the law gives longer periods for complex cases instead.

    An extension extends a period that is still running: one decided after the period ran out
    is refused, and the overdue record stays in the history (decision 0124).

    Raises:
        PermissionDenied; ItemStateError: not under resolution.
        LetterExtensionError: not a denunciation, over 30 days, no extension left, or the
            period already expired on the decision day.

    Records: ``letter.extended`` (days, extension number), ``deadline.extended``,
    ``document.issued``.
    """
    letter = item_locked(letter, actor, "decide")
    _require_open_case(letter)
    if letter.kind != Letter.Kind.DENUNCIATION:
        raise LetterExtensionError(
            "Chỉ gia hạn giải quyết tố cáo; khiếu nại phức tạp dùng thời hạn dài hơn khi thụ lý."
        )
    if not 1 <= days <= MAX_EXTENSION_DAYS:
        raise LetterExtensionError("Mỗi lần gia hạn không quá 30 ngày (Luật Tố cáo Đ30).")
    allowed = 2 if letter.is_especially_complex else 1 if letter.is_complex else 0
    done = step_list(item=letter).filter(kind=StepKind.EXTENDED).count()
    if done >= allowed:
        raise LetterExtensionError(
            "Không được gia hạn thêm: vụ việc phức tạp gia hạn một lần, đặc biệt phức tạp hai "
            "lần (Luật Tố cáo Đ30)."
            if allowed
            else "Chỉ vụ việc phức tạp hoặc đặc biệt phức tạp mới được gia hạn (Luật Tố cáo Đ30)."
        )
    clock = _main_clock(letter)
    if on > clock.due_on:
        raise LetterExtensionError(
            f"Không gia hạn được: thời hạn giải quyết đã hết ngày {clock.due_on:%d/%m/%Y}. "
            "Gia hạn chỉ áp dụng cho thời hạn đang còn (Luật Tố cáo Đ30); việc quá hạn được "
            "giữ nguyên trong lịch sử giải quyết.",
            code="expired",
        )
    if on < clock.start_on:
        raise LetterInputError("Ngày gia hạn không được trước ngày thụ lý.", code="on")
    clock_extend(letter, clock, days=days, reason=reason, actor=actor)
    document = issue(
        letter,
        actor=actor,
        doc_type=Document.Type.DECISION,
        title="Về việc gia hạn giải quyết tố cáo",
        on=on,
        paragraphs=[f"Gia hạn giải quyết tố cáo thêm {days} ngày. Lý do: {reason}"],
    )
    due_sync(letter)
    step_add(letter, StepKind.EXTENDED, on, actor, f"{days} ngày — {reason}", document)
    audit_record(
        actor=actor,
        event="letter.extended",
        target=letter,
        data={"days": days, "extension": done + 1, "document": document.symbol},
    )
    return letter


# The statutory grounds to suspend resolution. Denunciations: Luật Tố cáo 2018 Đ34 k1.
# Complaints: the grounds the Law on Complaints gives since its 2025 amendment (Luật
# 136/2025/QH15; RULEBOOK KN-09, KN-16), read as the same two waits (decision 0123).
# The texts are Vietnamese (they go into the step and the document); gettext_noop only lists
# them for the forms' English labels. The same for PUBLICATION_METHODS.
SUSPENSION_GROUNDS: dict[str, str] = {
    "awaiting_other_result": gettext_noop(
        "Cần đợi kết quả giải quyết của cơ quan, tổ chức, cá nhân khác "
        "hoặc đợi kết quả giải quyết vụ việc khác có liên quan"
    ),
    "awaiting_expertise": gettext_noop("Cần đợi kết quả giám định bổ sung, giám định lại"),
}
_SUSPENSION_CITATION = {
    Letter.Kind.DENUNCIATION: {
        "awaiting_other_result": "Điểm a khoản 1 Điều 34 Luật Tố cáo",
        "awaiting_expertise": "Điểm b khoản 1 Điều 34 Luật Tố cáo",
    },
    Letter.Kind.COMPLAINT: {
        "awaiting_other_result": "Luật Khiếu nại (sửa đổi, bổ sung năm 2025)",
        "awaiting_expertise": "Luật Khiếu nại (sửa đổi, bổ sung năm 2025)",
    },
}


def _step_decision(letter: Letter, *, actor, on: date, form: str, title: str, text, grounds):
    """The draft decision of a step (suspension, termination): its form, ground and text."""
    composition = letter_forms.step_decision(
        letter_facts(letter), form, title, text, grounds=grounds
    )
    return issue(
        letter,
        actor=actor,
        doc_type=Document.Type.DECISION,
        title=title,
        on=on,
        paragraphs=[],
        composition=composition,
    )


@transaction.atomic
def letter_suspend(*, actor, letter: Letter, on: date, reason: str, ground: str = "") -> Letter:
    """Suspend resolution (tạm đình chỉ) on a statutory ground only: waiting for another body's
    result or a related case, or for an additional or repeated expert assessment (Luật Tố cáo
    2018 Đ34 k1; complaints: Luật Khiếu nại as amended by Luật 136/2025, KN-09). The clock stops
    until ``letter_resume``; the suspended time does not count (Đ34 k2).

    The decision goes to the parties within 5 working days (Đ34 k4; TC-18 for a denunciation).
    A complainant who does not continue within 30 days of a suspension notice loses the
    complaint (Luật KN Đ11 k8; KN-17 runs from the notice).

    Raises:
        PermissionDenied; ItemStateError: not under resolution, or no running clock.
        LetterInputError: no statutory ground, or a petition (nothing to suspend by law).

    Records: ``letter.suspended`` (ground), ``deadline.suspended``, ``document.issued``.
    """
    letter = item_locked(letter, actor, "decide")
    _require_open_case(letter)
    citations = _SUSPENSION_CITATION.get(letter.kind)
    if citations is None:
        raise LetterInputError(
            "Chỉ tạm đình chỉ việc giải quyết khiếu nại, tố cáo.", code="suspend_kind"
        )
    if ground not in SUSPENSION_GROUNDS:
        raise LetterInputError(
            "Chọn căn cứ tạm đình chỉ theo luật: cần đợi kết quả giải quyết của cơ quan khác "
            "hoặc vụ việc liên quan; cần đợi kết quả giám định bổ sung, giám định lại "
            "(Luật Tố cáo Đ34 k1).",
            code="ground",
        )
    clock_suspend(letter, _main_clock(letter), on=on, reason=reason, actor=actor)
    what = "tố cáo" if letter.kind == Letter.Kind.DENUNCIATION else "khiếu nại"
    title = f"Về việc tạm đình chỉ việc giải quyết {what}"
    document = _step_decision(
        letter,
        actor=actor,
        on=on,
        form=letter_forms.SUSPENSION,
        title=title,
        text=f"Tạm đình chỉ việc giải quyết {what} kể từ ngày {on:%d/%m/%Y}; thời gian tạm "
        "đình chỉ không tính vào thời hạn giải quyết",
        grounds=[
            f"Xét thấy: {SUSPENSION_GROUNDS[ground]} ({citations[ground]}).",
            *([f"Lý do cụ thể: {reason.strip().rstrip('.')}."] if reason.strip() else []),
        ],
    )
    if letter.kind == Letter.Kind.DENUNCIATION:
        clock_start(letter, "TC-18", on, actor)
    else:
        clock_start(letter, "KN-17", on, actor)
    due_sync(letter)
    step_add(letter, StepKind.SUSPENDED, on, actor, SUSPENSION_GROUNDS[ground], document)
    audit_record(
        actor=actor, event="letter.suspended", target=letter, data={"on": on, "ground": ground}
    )
    return letter


@transaction.atomic
def letter_resume(*, actor, letter: Letter, on: date) -> Letter:
    """Resume a suspended resolution; the due date moves by the days it stood still. A
    complainant's 30-day window to continue (KN-17) ends with it.

    Raises:
        PermissionDenied; ItemStateError: not suspended.

    Records: ``letter.resumed``, ``deadline.resumed``.
    """
    letter = item_locked(letter, actor, "decide")
    _require_open_case(letter)
    clock_resume(letter, _main_clock(letter, statuses=("suspended",)), on=on, actor=actor)
    clocks_stop(letter, ["KN-17"], on, actor)
    due_sync(letter)
    step_add(letter, StepKind.RESUMED, on, actor)
    audit_record(actor=actor, event="letter.resumed", target=letter, data={"on": on})
    return letter


@transaction.atomic
def letter_withdraw(
    *,
    actor,
    letter: Letter,
    on: date,
    partial: bool,
    withdrawn_content: str,
    coerced: bool = False,
    signs_of_violation: bool = False,
    withdrawing_count: int | None = None,
) -> Letter:
    """Record a withdrawal in writing (Luật TC Đ33; Luật KN Đ10 as amended by Luật 136/2025;
    KN-12, KN-16).

    The case goes on — the withdrawal is recorded and nothing closes — when:
    part of the content is withdrawn (the rest is resolved); only some of several senders
    withdraw (Đ33 k2: the case continues for the others); the withdrawal was coerced, threatened
    or bought, or the denounced act shows signs of a violation of law (Đ33 k3; complaints
    KN-16: a coerced withdrawal is examined).

    Otherwise the letter closes as withdrawn: a denunciation case under resolution ends by a
    *Quyết định đình chỉ* (Luật TC Đ34 k3 a), sent to the parties within 5 working days (Đ34
    k4, TC-18); a complaint case by a notice ending the resolution (Luật KN Đ10). A letter
    never accepted gets no such document: there is no case to end.

    Raises:
        PermissionDenied; ItemStateError: not awaiting triage or resolution.
        LetterInputError: a withdrawing count above the number of senders.

    Records: ``letter.withdrawn`` (partial, coerced, signs_of_violation, continued, document).
    """
    letter = item_locked(letter, actor, "resolve")
    item_require_status(
        letter, "received", "accepted", message="Chỉ rút được đơn đang xử lý hoặc đang giải quyết."
    )
    count = withdrawing_count if withdrawing_count is not None else letter.sender_count
    if not 1 <= count <= letter.sender_count:
        raise LetterInputError(
            f"Số người rút đơn phải từ 1 đến {letter.sender_count}.", code="withdrawing_count"
        )
    reasons = []
    if partial:
        reasons.append("rút một phần nội dung, phần còn lại tiếp tục được giải quyết")
    if count < letter.sender_count:
        reasons.append(
            f"{count}/{letter.sender_count} người rút; tiếp tục giải quyết cho những người "
            "còn lại (Luật Tố cáo Đ33 k2)"
        )
    if coerced:
        reasons.append("việc rút đơn do bị ép buộc, đe dọa hoặc mua chuộc (Luật Tố cáo Đ33 k3)")
    if signs_of_violation and letter.kind == Letter.Kind.DENUNCIATION:
        reasons.append("hành vi bị tố cáo có dấu hiệu vi phạm pháp luật (Luật Tố cáo Đ33 k3)")
    document = None
    continued = bool(reasons)
    if partial:
        step_add(letter, StepKind.WITHDRAWN_PART, on, actor, withdrawn_content)
        if len(reasons) > 1:
            step_add(letter, StepKind.WITHDRAWN_CONTINUED, on, actor, "; ".join(reasons[1:]))
    elif continued:
        step_add(
            letter,
            StepKind.WITHDRAWN_CONTINUED,
            on,
            actor,
            f"{withdrawn_content} — vẫn tiếp tục giải quyết: {'; '.join(reasons)}",
        )
    else:
        if letter.status == Letter.Status.ACCEPTED:
            document = _termination_document(letter, actor=actor, on=on)
        letter.status = Letter.Status.WITHDRAWN
        letter.closed_at = timezone.now()
        letter.outcome_on = letter.outcome_on or on
        clocks_stop(letter, None, on, actor)
        if document is not None and letter.kind == Letter.Kind.DENUNCIATION:
            clock_start(letter, "TC-18", on, actor)
        step_add(letter, StepKind.WITHDRAWN, on, actor, withdrawn_content, document)
    letter.withdrawal_coerced = letter.withdrawal_coerced or coerced
    letter.save(
        update_fields=["status", "closed_at", "outcome_on", "withdrawal_coerced", "updated_at"]
    )
    due_sync(letter)
    audit_record(
        actor=actor,
        event="letter.withdrawn",
        target=letter,
        data={
            "partial": partial,
            "coerced": coerced,
            "signs_of_violation": signs_of_violation,
            "withdrawing": count,
            "senders": letter.sender_count,
            "continued": continued,
            "document": document.symbol if document else None,
        },
    )
    return letter


def _termination_document(letter: Letter, *, actor, on: date):
    """The document that ends an accepted case after a total withdrawal."""
    if letter.kind == Letter.Kind.DENUNCIATION:
        return _step_decision(
            letter,
            actor=actor,
            on=on,
            form=letter_forms.TERMINATION,
            title="Về việc đình chỉ việc giải quyết tố cáo",
            text=f"Đình chỉ việc giải quyết tố cáo kể từ ngày {on:%d/%m/%Y}; quyết định được "
            "gửi đến người tố cáo, người bị tố cáo trong thời hạn 05 ngày làm việc (khoản 4 "
            "Điều 34 Luật Tố cáo)",
            grounds=[
                "Xét thấy: người tố cáo rút toàn bộ nội dung tố cáo bằng văn bản; hành vi bị tố "
                "cáo không có dấu hiệu vi phạm pháp luật và không có căn cứ xác định việc rút tố "
                "cáo do bị đe dọa, mua chuộc (khoản 3 Điều 33 và điểm a khoản 3 Điều 34 Luật "
                "Tố cáo)."
            ],
        )
    if letter.kind == Letter.Kind.COMPLAINT:
        return issue(
            letter,
            actor=actor,
            doc_type=Document.Type.NOTICE,
            title="Về việc đình chỉ giải quyết khiếu nại do người khiếu nại rút khiếu nại",
            on=on,
            paragraphs=[
                "Người khiếu nại rút toàn bộ khiếu nại bằng văn bản; đình chỉ việc giải quyết "
                "khiếu nại (Điều 10 Luật Khiếu nại)."
            ],
        )
    return issue(
        letter,
        actor=actor,
        doc_type=Document.Type.NOTICE,
        title="Về việc dừng xem xét kiến nghị, phản ánh do người gửi rút đơn",
        on=on,
        paragraphs=["Người gửi đơn rút toàn bộ nội dung đơn; dừng việc xem xét."],
    )


@transaction.atomic
def letter_dialogue(*, actor, letter: Letter, on: date, minutes: str) -> Letter:
    """Record a dialogue with the complainant, the person complained against and those
    concerned, with its minutes (Biên bản đối thoại; Luật KN Đ30 at first instance, where the
    requests and the verification result differ; mandatory at second instance, Đ38). The
    minutes' result is quoted in the decision (Đ31, Đ40).

    Raises:
        PermissionDenied; ItemStateError: not an accepted complaint.
        LetterInputError: empty minutes, or a date before acceptance.

    Records: ``letter.dialogue_held`` (document), ``document.issued``.
    """
    letter = item_locked(letter, actor, "resolve")
    _require_open_case(letter)
    if letter.kind != Letter.Kind.COMPLAINT:
        raise ItemStateError("Đối thoại là bước giải quyết khiếu nại.", code="not_complaint")
    if not minutes.strip():
        raise LetterInputError(
            "Nhập nội dung biên bản đối thoại: ý kiến các bên, kết quả đối thoại.",
            code="minutes",
        )
    if letter.accepted_on and on < letter.accepted_on:
        raise LetterInputError("Ngày đối thoại không được trước ngày thụ lý.", code="on")
    composition = letter_forms.dialogue_minutes(letter_facts(letter), minutes)
    document = issue(
        letter,
        actor=actor,
        doc_type=Document.Type.MINUTES,
        title=composition.title,
        on=on,
        paragraphs=[],
        composition=composition,
    )
    step_add(letter, StepKind.DIALOGUE, on, actor, minutes.strip(), document)
    audit_record(
        actor=actor,
        event="letter.dialogue_held",
        target=letter,
        data={"on": on, "document": document.symbol},
    )
    return letter


def _complaint_decision_contents(
    letter: Letter, *, summary: str, verification_result: str, legal_basis: str, conclusion: str
) -> letter_forms.DecisionContents:
    """What a complaint decision states (Luật KN Đ31 first instance, Đ40 second); every part
    is required, and the last dialogue's result is quoted."""
    missing = [
        label
        for label, value in (
            ("kết quả xác minh", verification_result),
            ("căn cứ pháp luật", legal_basis),
            ("kết luận nội dung khiếu nại đúng, sai", conclusion),
            ("nội dung quyết định", summary),
        )
        if not value.strip()
    ]
    if missing:
        article = "Điều 40" if letter.instance == 2 else "Điều 31"
        raise LetterInputError(
            f"Quyết định giải quyết khiếu nại phải có ({article} Luật Khiếu nại): "
            + ", ".join(missing)
            + ".",
            code="decision_contents",
        )
    dialogue = step_list(item=letter).filter(kind=StepKind.DIALOGUE).order_by("-on", "-id").first()
    return letter_forms.DecisionContents(
        verification=verification_result,
        legal_basis=legal_basis,
        conclusion=conclusion,
        decision=summary,
        dialogue=dialogue.note if dialogue else "",
    )


@transaction.atomic
def letter_conclude(
    *,
    actor,
    letter: Letter,
    on: date,
    summary: str,
    verification_result: str = "",
    legal_basis: str = "",
    conclusion: str = "",
) -> Letter:
    """Issue the outcome: a complaint decision (Luật KN Đ31, Đ40), a conclusion on the
    denunciation (Luật TC Đ35) or the answer to a petition; stop the resolution clocks.

    A complaint decision states the complainant, the content, the verification result, the
    dialogue's result if any, the legal bases, the conclusion, the decision and the right to
    complain again or to sue; a second-instance decision needs a dialogue first (Đ38). It must
    then be published within 15 days (NĐ 124/2020; KN-13).

    Raises:
        PermissionDenied; ItemStateError: not under resolution, or still suspended.
        LetterInputError: a complaint decision missing a content Đ31/Đ40 require.
        LetterStateError: a second-instance complaint without a dialogue.

    Records: ``letter.concluded`` (document, on time), ``document.issued``.
    """
    letter = item_locked(letter, actor, "decide")
    _require_open_case(letter)
    if clocks_open(letter).filter(status="suspended").exists():
        raise ItemStateError("Việc giải quyết đang tạm đình chỉ; tiếp tục trước khi kết luận.")
    composition = None
    if letter.kind == Letter.Kind.COMPLAINT:
        if (
            letter.instance == 2
            and not step_list(item=letter).filter(kind=StepKind.DIALOGUE).exists()
        ):
            raise LetterStateError(
                "Giải quyết khiếu nại lần hai phải tổ chức đối thoại trước khi ra quyết định "
                "(Điều 38 Luật Khiếu nại).",
                code="dialogue_required",
            )
        contents = _complaint_decision_contents(
            letter,
            summary=summary,
            verification_result=verification_result,
            legal_basis=legal_basis,
            conclusion=conclusion,
        )
        composition = letter_forms.complaint_decision(letter_facts(letter), contents, on)
        doc_type, title = Document.Type.DECISION, composition.title
    elif letter.kind == Letter.Kind.DENUNCIATION:
        doc_type, title = Document.Type.CONCLUSION, "Kết luận nội dung tố cáo"
    else:
        doc_type, title = Document.Type.OFFICIAL_LETTER, "V/v trả lời kiến nghị, phản ánh"
    on_time = all(d.due_on >= on for d in clocks_open(letter, RESOLUTION_RULES))
    document = issue(
        letter,
        actor=actor,
        doc_type=doc_type,
        title=title,
        on=on,
        paragraphs=[summary],
        composition=composition,
    )
    clocks_stop(letter, None, on, actor)
    letter.status = Letter.Status.RESOLVED
    letter.decided_on = on
    letter.closed_at = timezone.now()
    letter.save(update_fields=["status", "decided_on", "closed_at", "updated_at"])
    if letter.kind == Letter.Kind.COMPLAINT:
        clock_start(letter, "KN-13", on, actor)
    due_sync(letter)
    step_add(letter, StepKind.CONCLUDED, on, actor, summary, document)
    audit_record(
        actor=actor,
        event="letter.concluded",
        target=letter,
        data={"document": document.symbol, "on_time": on_time},
    )
    return letter


PUBLICATION_METHODS = {
    "meeting": gettext_noop("Công bố tại cuộc họp ở cơ quan, tổ chức nơi người khiếu nại công tác"),
    "posting": gettext_noop(
        "Niêm yết tại trụ sở làm việc hoặc nơi tiếp công dân (ít nhất 15 ngày)"
    ),
    "media": gettext_noop("Thông báo trên phương tiện thông tin đại chúng"),
}


@transaction.atomic
def letter_publish(*, actor, letter: Letter, on: date, method: str) -> Letter:
    """Record the publication of a complaint decision within 15 days of issue (NĐ 124/2020
    detailing Luật KN Đ41 k3; KN-13): a meeting, a posting of at least 15 days, or the media.

    Raises:
        PermissionDenied; ItemStateError: not a decided complaint, already published, or an
            unknown method.

    Records: ``letter.published`` (method, on time), ``deadline.completed`` (KN-13).
    """
    letter = item_locked(letter, actor, "resolve")
    if letter.status != Letter.Status.RESOLVED or letter.kind != Letter.Kind.COMPLAINT:
        raise ItemStateError("Chỉ công khai quyết định giải quyết khiếu nại đã ban hành.")
    if letter.published_on:
        raise ItemStateError("Quyết định đã được công khai.")
    if method not in PUBLICATION_METHODS:
        raise ItemStateError("Hình thức công khai không hợp lệ.", code="method")
    on_time = all(d.due_on >= on for d in clocks_open(letter, ["KN-13"]))
    clocks_stop(letter, ["KN-13"], on, actor)
    letter.published_on = on
    letter.save(update_fields=["published_on", "updated_at"])
    due_sync(letter)
    step_add(letter, StepKind.PUBLISHED, on, actor, PUBLICATION_METHODS[method])
    audit_record(
        actor=actor,
        event="letter.published",
        target=letter,
        data={"method": method, "on_time": on_time},
    )
    return letter


@transaction.atomic
def letter_report_issue(*, actor, organization, stats, on: date, summaries: Sequence[str] = ()):
    """Prepare the periodic report on letters (Báo cáo, ``Số: nn/BC-<body>`` once issued) from
    statistics the actor was allowed to see, as a draft: no number is used until it is issued.

    Raises:
        PermissionDenied: actor holds no ``letters.export_letter`` on *organization*.

    Records: ``letter.report_issued``, ``document.issued``.
    """
    from phoihop.access.policy import require_in
    from phoihop.documents.services import document_issue, signer_for

    require_in(actor, "letters.export_letter", organization)
    signer = signer_for(
        organization=organization,
        form=letter_forms.REPORT,
        default=letter_forms.default_signer_lines(organization.kind, letter_forms.REPORT),
    )
    period = f"từ ngày {stats.start:%d/%m/%Y} đến ngày {stats.end:%d/%m/%Y}"
    document = document_issue(
        actor=actor,
        organization=organization,
        doc_type=Document.Type.REPORT,
        title=f"Công tác tiếp nhận, xử lý và giải quyết đơn {period}",
        issued_on=on,
        paragraphs=[
            f"Trong kỳ báo cáo ({period}), tổng số đơn tiếp nhận là {stats.total}; "
            f"đang xử lý, giải quyết {stats.open}; quá hạn {stats.overdue}.",
            *summaries,
            "Số liệu chi tiết theo cơ quan, loại đơn, trạng thái và lĩnh vực tại các bảng sau; "
            "biểu tổng hợp theo Thông tư số 02/2021/TT-TTCP kèm theo (XLSX).",
        ],
        tables=[
            {
                "caption": b.title,
                "header": [b.title.replace("Theo ", "").capitalize(), "Số đơn"],
                "rows": [[label, str(n)] for label, n in b.rows],
            }
            for b in stats.breakdowns
        ],
        recipients=["Thường trực HĐND tỉnh", "Đoàn ĐBQH tỉnh", "Ban Thường trực UBMTTQ tỉnh"],
        signer_lines=signer.lines,
        signer_name=signer.name,
        form=letter_forms.REPORT,
        draft=True,
    )
    audit_record(
        actor=actor,
        event="letter.report_issued",
        target=document,
        organization=organization,
        data={"symbol": document.symbol, "start": stats.start, "end": stats.end},
    )
    return document


STEP_ACTIONS = (
    "verify",
    "dialogue",
    "notify",
    "extend",
    "suspend",
    "resume",
    "withdraw_partial",
    "withdraw",
    "conclude",
    "publish",
)


def letter_take_step(
    *,
    actor,
    letter: Letter,
    action: str,
    on: date,
    note: str = "",
    days: int | None = None,
    method: str = "",
    coerced: bool = False,
    signs_of_violation: bool = False,
    withdrawing_count: int | None = None,
    ground: str = "",
    verification_result: str = "",
    legal_basis: str = "",
    conclusion: str = "",
) -> Letter:
    """One resolution step by name, for the pages and the API alike; ``note`` is the reason,
    the summary, the minutes or the withdrawn content, as the step needs.

    Raises:
        ItemStateError: unknown step; and whatever the step's own service raises.
    """
    withdrawal = {
        "withdrawn_content": note,
        "coerced": coerced,
        "signs_of_violation": signs_of_violation,
        "withdrawing_count": withdrawing_count,
    }
    steps = {
        "verify": lambda: letter_verify(actor=actor, letter=letter, on=on, note=note),
        "dialogue": lambda: letter_dialogue(actor=actor, letter=letter, on=on, minutes=note),
        "notify": lambda: letter_notify_parties(actor=actor, letter=letter, on=on, note=note),
        "extend": lambda: letter_extend(
            actor=actor, letter=letter, days=days or 0, reason=note, on=on
        ),
        "suspend": lambda: letter_suspend(
            actor=actor, letter=letter, on=on, reason=note, ground=ground
        ),
        "resume": lambda: letter_resume(actor=actor, letter=letter, on=on),
        "withdraw_partial": lambda: letter_withdraw(
            actor=actor, letter=letter, on=on, partial=True, **withdrawal
        ),
        "withdraw": lambda: letter_withdraw(
            actor=actor, letter=letter, on=on, partial=False, **withdrawal
        ),
        "conclude": lambda: letter_conclude(
            actor=actor,
            letter=letter,
            on=on,
            summary=note,
            verification_result=verification_result,
            legal_basis=legal_basis,
            conclusion=conclusion,
        ),
        "publish": lambda: letter_publish(actor=actor, letter=letter, on=on, method=method),
    }
    if action not in steps:
        raise ItemStateError("Bước giải quyết không hợp lệ.", code="action")
    return steps[action]()
