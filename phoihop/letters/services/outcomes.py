"""The intake outcomes of a letter outside this body's competence or not eligible: forward
(with the receiving body's receipt), guide, return, file, use an anonymous denunciation for
inspection, refuse a complaint with reasons (TT 05/2021 Đ7–Đ8; Luật TC Đ24–Đ25; Luật KN Đ27)."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from phoihop.accounts.services import system_actor
from phoihop.audit.services import audit_record
from phoihop.casework.clocks import clock_start, clocks_open, clocks_stop, due_sync
from phoihop.casework.errors import ItemStateError
from phoihop.casework.models import Handover
from phoihop.casework.services import (
    handover_acknowledge,
    item_locked,
    item_require_status,
    step_add,
)
from phoihop.casework.services.handover import handover_record
from phoihop.documents.models import Document
from phoihop.identity.services import identity_copy
from phoihop.letters import eligibility
from phoihop.letters.errors import LetterAlreadyForwardedError, LetterInputError, LetterStateError
from phoihop.letters.models import Letter
from phoihop.letters.services.common import INTAKE_RULES, issue
from phoihop.letters.services.register import new_letter
from phoihop.letters.steps import StepKind
from phoihop.organizations.models import Organization
from phoihop.organizations.selectors import letters_office


def _close(letter: Letter, status: str, on: date, note: str, actor) -> None:
    letter.status = status
    letter.outcome_on = on
    letter.outcome_note = note
    letter.closed_at = timezone.now()
    letter.full_clean()
    letter.save(
        update_fields=[
            "status",
            "outcome_on",
            "outcome_note",
            "closed_at",
            "competent_organization",
            "updated_at",
        ]
    )
    clocks_stop(letter, INTAKE_RULES, on, actor)
    due_sync(letter)


def _forwarded_before(letter: Letter) -> bool:
    """True if this body has already forwarded a denunciation with this content (XL-05).

    TT 05/2021: the same receiver forwards the same content once. A body that received the
    denunciation by forwarding and is not competent either sends it on to the competent body
    (Luật TC Đ24 k2; decision 0120): that is its own first forwarding, not a repeat.
    """
    keys = {letter.content_key}
    if letter.duplicate_of_id:
        keys.add(letter.duplicate_of.content_key)
    return Handover.objects.filter(
        matter_key__in=keys,
        matter_kind=Letter.Kind.DENUNCIATION,
        from_organization_id=letter.organization_id,
    ).exists()


@transaction.atomic
def letter_forward(
    *, actor, letter: Letter, to_organization: Organization, on: date, note: str = ""
) -> Handover:
    """Send a letter outside this body's competence to the competent body, with a forwarding
    slip (Phiếu chuyển đơn) that names the sender only by pseudonym.

    A denunciation is forwarded within 5 working days of receipt (Luật TC Đ24 k2, TC-02), and
    this body forwards a denunciation with the same content only once (TT 05/2021; XL-05). A
    body that received it by forwarding may send it on to the competent body.

    Raises:
        PermissionDenied: actor may not triage this letter.
        ItemStateError: not awaiting triage, or forwarding to its own body.
        LetterAlreadyForwardedError: this body already forwarded the same denunciation.

    Records: ``letter.forwarded`` (to, document, on time), ``document.issued``; TC-02 — running
    since classification, or started now from receipt — is completed on the forwarding day.
    """
    letter = item_locked(letter, actor, "triage")
    item_require_status(letter, "received", message="Chỉ chuyển được đơn đang chờ xử lý.")
    # A body staffed by another unit receives through it (decision 0140).
    to_organization = letters_office(to_organization)
    if to_organization.pk == letter.organization_id:
        raise ItemStateError("Không thể chuyển đơn cho chính cơ quan mình.")
    is_denunciation = letter.kind == Letter.Kind.DENUNCIATION
    if is_denunciation and _forwarded_before(letter):
        raise LetterAlreadyForwardedError(
            "Đơn tố cáo cùng nội dung đã được chuyển một lần; không chuyển lại "
            "(Thông tư 05/2021/TT-TTCP).",
            code="forwarded_once",
        )
    document = issue(
        letter,
        actor=actor,
        doc_type=Document.Type.FORWARDING_SLIP,
        title=f"Về việc chuyển đơn đến {to_organization.name}",
        on=on,
        paragraphs=[
            f"{letter.organization.name} chuyển đơn đến {to_organization.name} để xem xét, "
            "giải quyết theo thẩm quyền và thông báo kết quả cho cơ quan chuyển đơn.",
            f"Tóm tắt nội dung: {letter.summary}",
            *([note] if note else []),
        ],
        recipients=[to_organization.name],
    )
    handover = handover_record(
        item=letter,
        to_organization=to_organization,
        on=on,
        note=note,
        document=document,
        matter_key=letter.content_key,
        matter_kind=letter.kind,
    )
    on_time = None
    if is_denunciation and letter.has_name_address:
        tc02 = clocks_open(letter, ["TC-02"]).first() or clock_start(
            letter, "TC-02", letter.received_on, actor
        )
        on_time = on <= tc02.due_on
    letter.competent_organization = to_organization
    _close(letter, Letter.Status.FORWARDED, on, note, actor)
    step_add(letter, StepKind.FORWARDED, on, actor, to_organization.name, document)
    audit_record(
        actor=actor,
        event="letter.forwarded",
        target=letter,
        related=to_organization,
        data={"to": to_organization.code, "document": document.symbol, "on_time": on_time},
    )
    return handover


def forwarding_acknowledge(*, actor, forwarding: Handover, on: date) -> Letter:
    """The receiving body confirms receipt and enters the letter in its own register.

    The identity is copied to a vault entry held by the receiving body (sealed bytes only,
    never opened), so that its cleared officers — not the forwarder's — may read it. The body
    that first forwarded the matter keeps following it down the chain (``supervised_by``).

    Raises:
        PermissionDenied: actor may not register letters for the receiving body.
        ItemStateError: already acknowledged or refused.

    Records: ``casework.handover_acknowledged`` on both letters, and the new letter's events.
    """

    def receive(handover: Handover) -> Letter:
        source = handover.item
        sender = (
            identity_copy(
                actor=actor, identity=source.sender, organization=handover.to_organization
            )
            if source.sender_id
            else None
        )
        letter = new_letter(
            actor=actor,
            organization=handover.to_organization,
            channel=Letter.Channel.FORWARDED,
            received_on=on,
            content=source.content,
            sender=sender,
            sender_count=source.sender_count,
            has_signature=source.has_signature,
            forwarded_from=handover.from_organization,
            supervised_by=source.supervised_by or handover.from_organization,
            source_letter=source,
        )
        step_add(
            letter,
            StepKind.REGISTERED,
            on,
            actor,
            f"{handover.from_organization.name} chuyển đến (đơn {source.reference})",
            handover.document,
        )
        return letter

    return handover_acknowledge(actor=actor, handover=forwarding, on=on, receive=receive)


def letter_reopen(letter: Letter, actor, on: date) -> None:
    """A body refused the letter this body forwarded: it is back in this register awaiting a
    new decision, with a new processing clock from the refusal (TT 05/2021; XL-07)."""
    letter = Letter.objects.select_for_update().get(pk=letter.pk)
    if letter.status != Letter.Status.FORWARDED:
        return
    letter.status = Letter.Status.RECEIVED
    letter.closed_at = None
    letter.outcome_on = None
    letter.competent_organization = None
    letter.save(
        update_fields=[
            "status",
            "closed_at",
            "outcome_on",
            "competent_organization",
            "updated_at",
        ]
    )
    clock_start(letter, "XL-07", on, system_actor())


@transaction.atomic
def _simple_outcome(
    *, actor, letter, on, note, status, step, event, doc_type, title, text
) -> Letter:
    letter = item_locked(letter, actor, "triage")
    item_require_status(letter, "received", message="Đơn không còn ở bước xử lý đơn.")
    document = issue(
        letter,
        actor=actor,
        doc_type=doc_type,
        title=title,
        on=on,
        paragraphs=[text, *([note] if note else [])],
    )
    _close(letter, status, on, note, actor)
    step_add(letter, step, on, actor, note, document)
    audit_record(actor=actor, event=event, target=letter, data={"document": document.symbol})
    return letter


def letter_guide(
    *,
    actor,
    letter: Letter,
    on: date,
    note: str,
    competent_organization: Organization | None = None,
) -> Letter:
    """Guide the sender to the competent body (a complaint or petition outside competence,
    TT 05/2021 Đ7–Đ8), with a guidance slip.

    Raises:
        PermissionDenied; ItemStateError: not awaiting triage.

    Records: ``letter.guided``, ``document.issued``.
    """
    with transaction.atomic():
        if competent_organization is not None:
            Letter.objects.filter(pk=letter.pk).update(
                competent_organization=competent_organization
            )
            letter.refresh_from_db()
        where = f" đến {competent_organization.name}" if competent_organization else ""
        return _simple_outcome(
            actor=actor,
            letter=letter,
            on=on,
            note=note,
            status=Letter.Status.GUIDED,
            step=StepKind.GUIDED,
            event="letter.guided",
            doc_type=Document.Type.GUIDANCE,
            title="Về việc hướng dẫn gửi đơn",
            text=f"Nội dung đơn không thuộc thẩm quyền giải quyết; đề nghị người gửi đơn gửi "
            f"đơn{where} để được xem xét, giải quyết theo quy định.",
        )


def letter_return(*, actor, letter: Letter, on: date, note: str) -> Letter:
    """Return the letter and its papers to the sender, giving the reason (TT 05/2021).

    Raises:
        PermissionDenied; ItemStateError: not awaiting triage.

    Records: ``letter.returned``, ``document.issued``.
    """
    return _simple_outcome(
        actor=actor,
        letter=letter,
        on=on,
        note=note,
        status=Letter.Status.RETURNED,
        step=StepKind.RETURNED,
        event="letter.returned",
        doc_type=Document.Type.NOTICE,
        title="Về việc trả lại đơn",
        text="Đơn không đủ điều kiện xử lý; trả lại đơn và giấy tờ kèm theo cho người gửi.",
    )


def letter_file_away(*, actor, letter: Letter, on: date, note: str) -> Letter:
    """File a letter without action (anonymous without evidence, duplicate already handled,
    already answered...; Luật TC Đ25 k1, TT 05/2021).

    Raises:
        PermissionDenied; ItemStateError: not awaiting triage.

    Records: ``letter.filed``, ``document.issued``.
    """
    return _simple_outcome(
        actor=actor,
        letter=letter,
        on=on,
        note=note,
        status=Letter.Status.FILED,
        step=StepKind.FILED,
        event="letter.filed",
        doc_type=Document.Type.NOTICE,
        title="Về việc lưu đơn",
        text="Đơn không đủ điều kiện xử lý theo quy định; lưu đơn.",
    )


@transaction.atomic
def letter_use_for_inspection(*, actor, letter: Letter, on: date, note: str = "") -> Letter:
    """An anonymous denunciation that names the violator and brings concrete, verifiable
    evidence is not accepted as tố cáo but used for inspection or checking within this body's
    competence (Luật Tố cáo Đ25 k2; TC-04, XL-04). No acceptance decision, no TC-07/TC-08, no
    notice to anybody: there is no denouncer. To send it to the competent body instead, forward
    it (``letter_forward``); without specifics, file it (``letter_file_away``).

    Raises:
        PermissionDenied; ItemStateError: not awaiting triage.
        LetterStateError: not an anonymous denunciation, or without named violator and evidence.

    Records: ``letter.used_for_inspection``.
    """
    letter = item_locked(letter, actor, "triage")
    item_require_status(letter, "received", message="Đơn không còn ở bước xử lý đơn.")
    if not eligibility.is_anonymous_denunciation(letter):
        raise LetterStateError(
            "Chỉ thông tin tố cáo không rõ họ tên, địa chỉ người tố cáo mới dùng làm căn cứ "
            "thanh tra, kiểm tra (Luật Tố cáo Đ25 k2); tố cáo có người tố cáo được thụ lý "
            "hoặc chuyển theo Luật.",
            code="not_anonymous",
        )
    if not (letter.names_violator and letter.has_evidence):
        raise LetterStateError(
            "Thông tin tố cáo nặc danh chỉ được dùng để thanh tra, kiểm tra khi nêu rõ người vi "
            "phạm và có tài liệu, chứng cứ cụ thể (Luật Tố cáo Đ25 k2); nếu không, lưu đơn.",
            code="not_specific",
        )
    note = note.strip() or "Dùng làm căn cứ thanh tra, kiểm tra theo thẩm quyền."
    letter.competent_organization = letter.organization
    _close(letter, Letter.Status.INSPECTION, on, note, actor)
    step_add(letter, StepKind.INSPECTION, on, actor, note)
    audit_record(actor=actor, event="letter.used_for_inspection", target=letter, data={"on": on})
    return letter


@transaction.atomic
def letter_refuse(*, actor, letter: Letter, on: date, note: str = "") -> Letter:
    """Refuse to accept a complaint, giving the reasons in writing (Luật Khiếu nại Đ27;
    RULEBOOK KN-03, KN-09): its own notice, listing the Đ11 grounds recorded at classification
    and the officer's note. A time bar suggested at classification counts only if the officer
    ticked it as a ground.

    Raises:
        PermissionDenied: actor may not decide on this letter.
        ItemStateError: not awaiting triage.
        LetterStateError: not a complaint.
        LetterInputError: neither a ground nor a reason.

    Records: ``letter.refused`` (grounds, document), ``document.issued``.
    """
    letter = item_locked(letter, actor, "decide")
    item_require_status(letter, "received", message="Chỉ từ chối thụ lý đơn đang chờ xử lý.")
    if letter.kind != Letter.Kind.COMPLAINT:
        raise LetterStateError(
            "Thông báo không thụ lý theo Điều 27 Luật Khiếu nại chỉ dùng cho đơn khiếu nại.",
            code="not_complaint",
        )
    reasons = [eligibility.GROUNDS[g] for g in letter.grounds if g in eligibility.GROUNDS]
    if not letter.has_signature and "unsigned" not in letter.grounds:
        reasons.append(eligibility.GROUNDS["unsigned"])
    if note.strip():
        reasons.append(note.strip())
    if not reasons:
        raise LetterInputError("Nêu rõ lý do không thụ lý (Luật Khiếu nại Đ27).", code="reason")
    document = issue(
        letter,
        actor=actor,
        doc_type=Document.Type.NOTICE,
        title="Về việc không thụ lý giải quyết khiếu nại",
        on=on,
        paragraphs=[
            "Khiếu nại không được thụ lý giải quyết vì các lý do sau (Điều 11, Điều 27 Luật "
            "Khiếu nại):",
            *(f"- {reason}" for reason in reasons),
        ],
    )
    _close(letter, Letter.Status.REJECTED, on, "; ".join(reasons), actor)
    step_add(letter, StepKind.REFUSED, on, actor, "; ".join(reasons), document)
    audit_record(
        actor=actor,
        event="letter.refused",
        target=letter,
        data={"grounds": letter.grounds, "document": document.symbol},
    )
    return letter
