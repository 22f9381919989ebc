"""Resolution of accepted letters: complaints (first and second instance), denunciations and
petitions. Luật Khiếu nại 2011 Đ27–Đ44, Luật Tố cáo 2018 Đ28–Đ36 (RULEBOOK §1–§2).
"""

from datetime import date

from django.db import transaction
from django.utils import timezone

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
from phoihop.documents.models import Document
from phoihop.letters import eligibility
from phoihop.letters.errors import LetterExtensionError, LetterNotEligibleError
from phoihop.letters.models import Letter
from phoihop.letters.services.common import INTAKE_RULES, RESOLUTION_RULES, issue
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
    remote 60/70). Denunciations: TC-08 (30 days, extended by decision), an acceptance decision
    (Luật TC Đ29 k2) and the TC-07 clock to notify the parties within 5 working days.

    Raises:
        PermissionDenied: actor may not decide on this letter.
        ItemStateError: not awaiting triage.
        LetterNotEligibleError: an Đ11 ground, missing signature or name, or an anonymous
            denunciation without named violator and evidence.

    Records: ``letter.accepted`` (rule, complex), ``document.issued``, ``deadline.started``.
    """
    letter = item_locked(letter, actor, "decide")
    item_require_status(letter, "received", message="Chỉ thụ lý được đơn đang chờ xử lý.")
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
        variant = {"remote": letter.is_remote}
        if letter.kind == Letter.Kind.COMPLAINT:
            variant["complex"] = letter.is_complex
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
    step_add(letter, StepKind.ACCEPTED, on, actor, "", document)
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


@transaction.atomic
def letter_notify_parties(*, actor, letter: Letter, on: date, note: str = "") -> Letter:
    """Record the notice of acceptance to the denouncer and the denounced person (Luật TC Đ29
    k3; TC-07). The notice to the denouncer goes to the vault address, not onto the case.

    Raises:
        PermissionDenied; ItemStateError: not an accepted denunciation.

    Records: ``letter.parties_notified``.
    """
    letter = item_locked(letter, actor, "resolve")
    _require_open_case(letter)
    if letter.kind != Letter.Kind.DENUNCIATION:
        raise ItemStateError("Chỉ đơn tố cáo mới có bước thông báo thụ lý cho các bên.")
    clocks_stop(letter, ["TC-07"], on, actor)
    due_sync(letter)
    step_add(
        letter,
        StepKind.VERIFICATION,
        on,
        actor,
        note or "Đã thông báo thụ lý cho người tố cáo và người bị tố cáo.",
    )
    audit_record(actor=actor, event="letter.parties_notified", target=letter, data={"on": on})
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

    Raises:
        PermissionDenied; ItemStateError: not under resolution.
        LetterExtensionError: not a denunciation, over 30 days, or no extension left.

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
    clock_extend(letter, _main_clock(letter), days=days, reason=reason, actor=actor)
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


@transaction.atomic
def letter_suspend(*, actor, letter: Letter, on: date, reason: str) -> Letter:
    """Suspend resolution (tạm đình chỉ; Luật TC Đ36, Luật KN as amended 2025): the clock
    stops until ``letter_resume``.

    Raises:
        PermissionDenied; ItemStateError: not under resolution, or no running clock.

    Records: ``letter.suspended``, ``deadline.suspended``, ``document.issued``.
    """
    letter = item_locked(letter, actor, "decide")
    _require_open_case(letter)
    clock_suspend(letter, _main_clock(letter), on=on, reason=reason, actor=actor)
    document = issue(
        letter,
        actor=actor,
        doc_type=Document.Type.DECISION,
        title="Về việc tạm đình chỉ việc giải quyết",
        on=on,
        paragraphs=[reason],
    )
    due_sync(letter)
    step_add(letter, StepKind.SUSPENDED, on, actor, reason, document)
    audit_record(actor=actor, event="letter.suspended", target=letter, data={"on": on})
    return letter


@transaction.atomic
def letter_resume(*, actor, letter: Letter, on: date) -> Letter:
    """Resume a suspended resolution; the due date moves by the days it stood still.

    Raises:
        PermissionDenied; ItemStateError: not suspended.

    Records: ``letter.resumed``, ``deadline.resumed``.
    """
    letter = item_locked(letter, actor, "decide")
    _require_open_case(letter)
    clock_resume(letter, _main_clock(letter, statuses=("suspended",)), on=on, actor=actor)
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
) -> Letter:
    """Record a withdrawal in writing (Luật KN Đ10 as amended by Luật 136/2025; KN-12, KN-16).

    Total: resolution stops and the letter closes. Partial: the withdrawn content is recorded
    and is not re-examined, unless the withdrawal was coerced or threatened.

    Raises:
        PermissionDenied; ItemStateError: not awaiting triage or resolution.

    Records: ``letter.withdrawn`` (partial, coerced), ``document.issued`` for a total one.
    """
    letter = item_locked(letter, actor, "resolve")
    item_require_status(
        letter, "received", "accepted", message="Chỉ rút được đơn đang xử lý hoặc đang giải quyết."
    )
    document = None
    if partial:
        step_add(letter, StepKind.WITHDRAWN_PART, on, actor, withdrawn_content)
    else:
        document = issue(
            letter,
            actor=actor,
            doc_type=Document.Type.NOTICE,
            title="Về việc đình chỉ giải quyết do người gửi rút đơn",
            on=on,
            paragraphs=[
                "Người gửi đơn rút toàn bộ nội dung bằng văn bản; đình chỉ "
                "việc giải quyết (Điều 10 Luật Khiếu nại)."
            ],
        )
        letter.status = Letter.Status.WITHDRAWN
        letter.closed_at = timezone.now()
        clocks_stop(letter, None, on, actor)
        step_add(letter, StepKind.WITHDRAWN, on, actor, withdrawn_content, document)
    letter.withdrawal_coerced = coerced
    letter.save(update_fields=["status", "closed_at", "withdrawal_coerced", "updated_at"])
    due_sync(letter)
    audit_record(
        actor=actor,
        event="letter.withdrawn",
        target=letter,
        data={
            "partial": partial,
            "coerced": coerced,
            "document": document.symbol if document else None,
        },
    )
    return letter


@transaction.atomic
def letter_conclude(*, actor, letter: Letter, on: date, summary: str) -> Letter:
    """Issue the outcome: a complaint decision (Luật KN Đ31, Đ40), a conclusion on the
    denunciation (Luật TC Đ35) or the answer to a petition; stop the resolution clocks.
    A complaint decision must then be published within 15 days (NĐ 124/2020; KN-13).

    Raises:
        PermissionDenied; ItemStateError: not under resolution, or still suspended.

    Records: ``letter.concluded`` (document, on time), ``document.issued``.
    """
    letter = item_locked(letter, actor, "decide")
    _require_open_case(letter)
    if clocks_open(letter).filter(status="suspended").exists():
        raise ItemStateError("Việc giải quyết đang tạm đình chỉ; tiếp tục trước khi kết luận.")
    if letter.kind == Letter.Kind.COMPLAINT:
        doc_type = Document.Type.DECISION
        title = f"Về việc giải quyết khiếu nại (lần {'hai' if letter.instance == 2 else 'đầu'})"
    elif letter.kind == Letter.Kind.DENUNCIATION:
        doc_type, title = Document.Type.CONCLUSION, "Kết luận nội dung tố cáo"
    else:
        doc_type, title = Document.Type.OFFICIAL_LETTER, "V/v trả lời kiến nghị, phản ánh"
    on_time = all(d.due_on >= on for d in clocks_open(letter, RESOLUTION_RULES))
    document = issue(
        letter, actor=actor, doc_type=doc_type, title=title, on=on, paragraphs=[summary]
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
    "meeting": "Công bố tại cuộc họp ở cơ quan, tổ chức nơi người khiếu nại công tác",
    "posting": "Niêm yết tại trụ sở làm việc hoặc nơi tiếp công dân (ít nhất 15 ngày)",
    "media": "Thông báo trên phương tiện thông tin đại chúng",
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
def letter_report_issue(*, actor, organization, stats, on: date):
    """Prepare the periodic report on letters (Báo cáo, ``Số: nn/BC-<body>`` once issued) from
    statistics the actor was allowed to see, as a draft: no number is used until it is issued.

    Raises:
        PermissionDenied: actor holds no ``letters.export_letter`` on *organization*.

    Records: ``letter.report_issued``, ``document.issued``.
    """
    from phoihop.access.policy import require_in
    from phoihop.documents import letter_forms
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
            "Số liệu chi tiết theo cơ quan, loại đơn, trạng thái và lĩnh vực tại các bảng sau.",
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
) -> Letter:
    """One resolution step by name, for the pages and the API alike; ``note`` is the reason,
    the summary or the withdrawn content, as the step needs.

    Raises:
        ItemStateError: unknown step; and whatever the step's own service raises.
    """
    steps = {
        "verify": lambda: letter_verify(actor=actor, letter=letter, on=on, note=note),
        "notify": lambda: letter_notify_parties(actor=actor, letter=letter, on=on, note=note),
        "extend": lambda: letter_extend(
            actor=actor, letter=letter, days=days or 0, reason=note, on=on
        ),
        "suspend": lambda: letter_suspend(actor=actor, letter=letter, on=on, reason=note),
        "resume": lambda: letter_resume(actor=actor, letter=letter, on=on),
        "withdraw_partial": lambda: letter_withdraw(
            actor=actor, letter=letter, on=on, partial=True, withdrawn_content=note, coerced=coerced
        ),
        "withdraw": lambda: letter_withdraw(
            actor=actor,
            letter=letter,
            on=on,
            partial=False,
            withdrawn_content=note,
            coerced=coerced,
        ),
        "conclude": lambda: letter_conclude(actor=actor, letter=letter, on=on, summary=note),
        "publish": lambda: letter_publish(actor=actor, letter=letter, on=on, method=method),
    }
    if action not in steps:
        raise ItemStateError("Bước giải quyết không hợp lệ.", code="action")
    return steps[action]()
