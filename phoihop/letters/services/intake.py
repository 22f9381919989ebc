"""Intake of letters: the register, triage by content, and the intake outcomes.

TT 05/2021/TT-TTCP (xử lý đơn), Luật Tiếp công dân 2013 Đ28, Luật Tố cáo 2018 Đ24–Đ25, Luật
Khiếu nại 2011 Đ11 and Đ27 (RULEBOOK §1–§3).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from phoihop.access.grants import organization_scope
from phoihop.access.policy import require
from phoihop.audit.services import audit_record, field_changes
from phoihop.documents.models import Document
from phoihop.documents.services import number_take
from phoihop.identity.models import Identity
from phoihop.identity.services import (
    IdentityData,
    Scan,
    identity_mark_spans,
    identity_redact,
    identity_store,
)
from phoihop.letters import eligibility
from phoihop.letters.errors import (
    LetterAlreadyForwardedError,
    LetterInputError,
    LetterStateError,
)
from phoihop.letters.models import Forwarding, Letter, LetterStep
from phoihop.letters.services.common import (
    INTAKE_RULES,
    add_step,
    content_key,
    issue,
    start_clock,
    stop_clocks,
    sync_due,
)
from phoihop.organizations.models import Organization
from phoihop.text.services import search_index_upsert

LETTER_SERIES = "don"
SEARCH_KIND = "letter"


@dataclass(frozen=True, repr=False)
class Sender:
    """Who wrote the letter, as given at intake. Goes to the vault, never onto the case.

    ``count``: the number of people signing (a mass letter, "đông người", has 5 or more).
    """

    full_name: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    id_number: str = ""
    count: int = 1

    def __repr__(self) -> str:
        return "Sender(<bí mật>)"


@dataclass(frozen=True, repr=False)
class ReceivedDocument:
    """A paper handed in or attached (the letter's scan, an ID copy, evidence).

    Scans show handwriting, so they are sealed in the vault with the identity (Luật Tố cáo
    Đ56 k2).
    """

    name: str
    content_type: str
    content: bytes

    def __repr__(self) -> str:
        return f"ReceivedDocument(<{len(self.content)} byte>)"


def _summary(content: str) -> str:
    line = " ".join(content.split())
    return line if len(line) <= 200 else line[:197] + "…"


def _may_register(actor, organization: Organization) -> bool:
    return Organization.objects.filter(
        organization_scope(actor, "letters.add_letter", field=""), pk=organization.pk
    ).exists()


def _new_letter(
    *,
    actor,
    organization: Organization,
    channel: str,
    received_on: date,
    content: str,
    sender: Identity | None,
    sender_count: int,
    has_signature: bool = True,
    **links,
) -> Letter:
    """Number, validate and save a letter, index it and start the intake clock (XL-07).

    A letter forwarded by another body is supervised by that body unless *links* name the
    body that started the chain (``supervised_by``)."""
    if links.get("forwarded_from") is not None:
        links.setdefault("supervised_by", links["forwarded_from"])
    number = number_take(organization=organization, year=received_on.year, series=LETTER_SERIES)
    letter = Letter(
        organization=organization,
        year=received_on.year,
        number=number,
        reference=f"{number:02d}/{received_on.year}/Đ-{organization.doc_abbreviation}",
        channel=channel,
        received_on=received_on,
        content=content,
        summary=_summary(content),
        sender=sender,
        sender_count=sender_count,
        has_signature=has_signature,
        has_name_address=sender is not None,
        content_key=content_key(content),
        **links,
    )
    letter.full_clean()
    letter.save()
    # Same matter, already in this register and still open: the first is the case (XL-05).
    earlier = (
        Letter.objects.filter(organization=organization, content_key=letter.content_key)
        .exclude(pk=letter.pk)
        .order_by("received_on", "id")
        .first()
    )
    if earlier is not None:
        letter.duplicate_of = earlier
        letter.save(update_fields=["duplicate_of", "updated_at"])
    search_index_upsert(kind=SEARCH_KIND, object_id=letter.pk, title=letter.summary, body=content)
    # Process the letter within 10 working days of receipt (TT 05/2021; RULEBOOK XL-07).
    start_clock(letter, "XL-07", received_on, actor)
    sync_due(letter)
    return letter


@transaction.atomic
def letter_register(
    *,
    actor,
    organization: Organization,
    channel: str,
    received_on: date,
    content: str,
    sender: Sender | None = None,
    documents: Sequence[ReceivedDocument] = (),
    visit: object | UUID | None = None,
    forwarded_from: Organization | None = None,
    has_signature: bool = True,
    idempotency_key: str = "",
) -> Letter:
    """Enter a letter in *organization*'s register and start its processing clock.

    The sender's identity and the scans go to the vault; the letter keeps a pseudonym and the
    content with the sender's name, address, phone, e-mail and ID number stripped (Luật Tố cáo
    Đ56 k2). ``visit`` is the reception visit (an object with ``public_id``, or that UUID).
    A repeated call with the same ``idempotency_key`` returns the first letter unchanged.

    Raises:
        PermissionDenied: actor may not register letters for *organization*.
        LetterInputError: empty content, unknown channel, a date in the future.

    Records: ``letter.registered`` (channel, received_on, reference; never the identity),
    ``identity.stored``, ``deadline.started`` (XL-07).
    """
    if not _may_register(actor, organization):
        raise PermissionDenied
    if idempotency_key:
        existing = Letter.objects.filter(
            organization=organization, idempotency_key=idempotency_key
        ).first()
        if existing is not None:
            return existing
    if channel not in Letter.Channel.values:
        raise LetterInputError(f"Nguồn đơn không hợp lệ: {channel!r}.", code="channel")
    if not content or not content.strip():
        raise LetterInputError("Nội dung đơn không được để trống.", code="content")
    if received_on > timezone.localdate():
        raise LetterInputError("Ngày nhận đơn không được sau ngày hôm nay.", code="received_on")
    if channel == Letter.Channel.FORWARDED and forwarded_from is None:
        raise LetterInputError("Đơn do cơ quan khác chuyển đến phải ghi rõ cơ quan chuyển.")
    sender = sender or Sender()
    data = IdentityData(
        full_name=sender.full_name.strip(),
        address=sender.address.strip(),
        phone=sender.phone.strip(),
        email=sender.email.strip(),
        id_number=sender.id_number.strip(),
        original_content=content,
    )
    vault = None
    if not data.is_empty or documents:
        vault = identity_store(
            actor=actor,
            organization=organization,
            data=data,
            scans=[Scan(d.name, d.content_type, d.content) for d in documents],
        )
    try:
        with transaction.atomic():
            letter = _new_letter(
                actor=actor,
                organization=organization,
                channel=channel,
                received_on=received_on,
                content=identity_redact(content.strip(), data),
                sender=vault,
                sender_count=max(sender.count, 1),
                has_signature=has_signature,
                visit_ref=getattr(visit, "public_id", visit),
                forwarded_from=forwarded_from,
                idempotency_key=idempotency_key,
            )
    except IntegrityError:
        # A concurrent submit with the same key won the race: answer with its letter.
        existing = Letter.objects.filter(
            organization=organization, idempotency_key=idempotency_key
        ).first()
        if idempotency_key and existing is not None:
            return existing
        raise
    letter.has_name_address = bool(data.full_name and data.address)
    letter.save(update_fields=["has_name_address", "updated_at"])
    add_step(letter, LetterStep.Kind.REGISTERED, received_on, actor, letter.get_channel_display())
    audit_record(
        actor=actor,
        event="letter.registered",
        target=letter,
        data={
            "reference": letter.reference,
            "channel": channel,
            "received_on": received_on,
            "sender": {"changed": True} if vault else None,
            "visit": str(letter.visit_ref) if letter.visit_ref else None,
        },
    )
    return letter


def _locked(letter: Letter, actor, action: str) -> Letter:
    require(actor, action, letter)
    return Letter.objects.select_for_update().select_related("organization").get(pk=letter.pk)


def _require_status(letter: Letter, *statuses: str, message: str) -> None:
    if letter.status not in statuses:
        raise LetterStateError(message, code="status")


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
        LetterStateError: already classified, or not awaiting triage.
        LetterInputError: unknown kind or ground; an instance on a non-complaint.

    Records: ``letter.classified`` (kind, instance, field, eligibility flags).
    """
    letter = _locked(letter, actor, "triage")
    _require_status(letter, "received", message="Chỉ phân loại được đơn mới tiếp nhận.")
    if letter.kind != Letter.Kind.UNCLASSIFIED:
        raise LetterStateError("Đơn đã được phân loại.", code="classified")
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
        start_clock(letter, "KN-07" if instance == 2 else "KN-03", letter.received_on, actor)
    elif kind == Letter.Kind.DENUNCIATION:
        start_clock(letter, "TC-01", letter.received_on, actor)
        if letter.forwarded_from_id:
            start_clock(letter, "TC-03", letter.received_on, actor)
    sync_due(letter)
    add_step(
        letter, LetterStep.Kind.CLASSIFIED, timezone.localdate(), actor, letter.get_kind_display()
    )
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


@transaction.atomic
def letter_split(*, actor, letter: Letter, parts: Sequence[tuple[str, str]]) -> list[Letter]:
    """Split a letter with several contents into one letter per content (TT 05/2021 Đ6 k1 d).

    Each part is a (kind, content) pair and becomes its own entry in the register, with the
    same sender, date and channel, classified as given; the original is closed as split.

    Raises:
        PermissionDenied: actor may not triage this letter.
        LetterStateError: the letter is not awaiting triage.
        LetterInputError: fewer than two parts, or an empty or unknown part.

    Records: ``letter.split`` (the new references), and the parts' own events.
    """
    letter = _locked(letter, actor, "triage")
    _require_status(letter, "received", message="Chỉ tách được đơn mới tiếp nhận.")
    if len(parts) < 2:
        raise LetterInputError("Cần ít nhất hai nội dung để tách đơn.", code="parts")
    for kind, text in parts:
        if kind not in Letter.Kind.values or kind in ("unclassified", "mixed") or not text.strip():
            raise LetterInputError("Mỗi nội dung tách ra cần loại đơn và nội dung.")
    children = []
    for kind, text in parts:
        child = _new_letter(
            actor=actor,
            organization=letter.organization,
            channel=letter.channel,
            received_on=letter.received_on,
            content=text.strip(),
            sender=letter.sender,
            sender_count=letter.sender_count,
            has_signature=letter.has_signature,
            split_from=letter,
            visit_ref=letter.visit_ref,
            forwarded_from=letter.forwarded_from,
            supervised_by=letter.supervised_by,
            source_letter=letter.source_letter,
            assigned_to=letter.assigned_to,
        )
        add_step(
            child,
            LetterStep.Kind.REGISTERED,
            letter.received_on,
            actor,
            f"Tách từ đơn {letter.reference}",
        )
        audit_record(
            actor=actor,
            event="letter.registered",
            target=child,
            data={"reference": child.reference, "split_from": letter.reference},
        )
        children.append(
            letter_classify(
                actor=actor,
                letter=child,
                kind=kind,
                has_signature=letter.has_signature,
                has_name_address=letter.has_name_address,
            )
        )
    today = timezone.localdate()
    letter.kind = Letter.Kind.MIXED
    letter.status = Letter.Status.SPLIT
    letter.outcome_on = today
    letter.closed_at = timezone.now()
    letter.save(update_fields=["kind", "status", "outcome_on", "closed_at", "updated_at"])
    stop_clocks(letter, None, today, actor)
    sync_due(letter)
    add_step(letter, LetterStep.Kind.SPLIT, today, actor, ", ".join(c.reference for c in children))
    audit_record(
        actor=actor,
        event="letter.split",
        target=letter,
        data={"parts": [c.reference for c in children]},
    )
    return children


@transaction.atomic
def letter_mark_duplicate(*, actor, letter: Letter, original: Letter) -> Letter:
    """Record that *letter* repeats *original* (same person or same matter).

    Raises:
        PermissionDenied: actor may not triage *letter*, or cannot see *original*.
        LetterInputError: a letter cannot duplicate itself.

    Records: ``letter.duplicate_marked`` (duplicate_of old/new).
    """
    letter = _locked(letter, actor, "triage")
    require(actor, "view", original)
    if original.pk == letter.pk:
        raise LetterInputError("Đơn không thể trùng với chính nó.")
    before = {"duplicate_of": letter.duplicate_of_id}
    letter.duplicate_of = original
    letter.save(update_fields=["duplicate_of", "updated_at"])
    add_step(
        letter,
        LetterStep.Kind.DUPLICATE,
        timezone.localdate(),
        actor,
        f"Trùng với đơn {original.reference}",
    )
    audit_record(
        actor=actor,
        event="letter.duplicate_marked",
        target=letter,
        data=field_changes(before, {"duplicate_of": original.pk}),
    )
    return letter


@transaction.atomic
def letter_assign(*, actor, letter: Letter, assignee) -> Letter:
    """Give a letter to an officer; the clocks started from now on are theirs.

    Raises:
        PermissionDenied: actor may not triage this letter, or assignee may not view it.

    Records: ``letter.assigned`` (assigned_to old/new).
    """
    letter = _locked(letter, actor, "triage")
    require(assignee, "view", letter)
    before = {"assigned_to": letter.assigned_to_id}
    letter.assigned_to = assignee
    letter.save(update_fields=["assigned_to", "updated_at"])
    audit_record(
        actor=actor,
        event="letter.assigned",
        target=letter,
        data=field_changes(before, {"assigned_to": assignee.pk}),
    )
    return letter


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
    stop_clocks(letter, INTAKE_RULES, on, actor)
    sync_due(letter)


def _forwarded_before(letter: Letter) -> bool:
    """True if a denunciation with this content has already been forwarded (XL-05)."""
    keys = {letter.content_key}
    if letter.duplicate_of_id:
        keys.add(letter.duplicate_of.content_key)
    return Forwarding.objects.filter(content_key__in=keys, is_denunciation=True).exists()


@transaction.atomic
def letter_forward(
    *, actor, letter: Letter, to_organization: Organization, on: date, note: str = ""
) -> Forwarding:
    """Send a letter outside this body's competence to the competent body, with a forwarding
    slip (Phiếu chuyển đơn) that names the sender only by pseudonym.

    A denunciation is forwarded within 5 working days of receipt (Luật TC Đ24 k2, TC-02), and
    a denunciation with the same content only once (TT 05/2021; XL-05).

    Raises:
        PermissionDenied: actor may not triage this letter.
        LetterStateError: not awaiting triage, or forwarding to its own body.
        LetterAlreadyForwardedError: the same denunciation was already forwarded.

    Records: ``letter.forwarded`` (to, document), ``document.issued``; the TC-02 clock is
    started and stopped so the log shows whether it was on time.
    """
    letter = _locked(letter, actor, "triage")
    _require_status(letter, "received", message="Chỉ chuyển được đơn đang chờ xử lý.")
    if to_organization.pk == letter.organization_id:
        raise LetterStateError("Không thể chuyển đơn cho chính cơ quan mình.")
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
    forwarding = Forwarding.objects.create(
        letter=letter,
        from_organization=letter.organization,
        to_organization=to_organization,
        sent_on=on,
        note=note,
        content_key=letter.content_key,
        is_denunciation=is_denunciation,
        document=document,
    )
    if is_denunciation:
        tc02 = start_clock(letter, "TC-02", letter.received_on, actor)
        stop_clocks(letter, [tc02.rule_id], on, actor)
    letter.competent_organization = to_organization
    _close(letter, Letter.Status.FORWARDED, on, note, actor)
    add_step(letter, LetterStep.Kind.FORWARDED, on, actor, to_organization.name, document)
    audit_record(
        actor=actor,
        event="letter.forwarded",
        target=letter,
        related=to_organization,
        data={"to": to_organization.code, "document": document.symbol},
    )
    return forwarding


@transaction.atomic
def forwarding_acknowledge(*, actor, forwarding: Forwarding, on: date) -> Letter:
    """The receiving body confirms receipt and enters the letter in its own register.

    The identity is copied to a vault entry held by the receiving body (sealed bytes only,
    never opened), so that its cleared officers — not the forwarder's — may read it.

    Raises:
        PermissionDenied: actor may not register letters for the receiving body.
        LetterStateError: already acknowledged.

    Records: ``letter.forward_acknowledged`` on both letters, and the new letter's events.
    """
    require(actor, "acknowledge", forwarding)
    forwarding = (
        Forwarding.objects.select_for_update(of=("self",))
        .select_related("letter__sender", "to_organization", "from_organization")
        .get(pk=forwarding.pk)
    )
    if forwarding.is_acknowledged:
        raise LetterStateError("Đơn chuyển đến này đã được xác nhận.", code="acknowledged")
    source = forwarding.letter
    sender = None
    if source.sender_id:
        sender = Identity.objects.create(
            organization=forwarding.to_organization,
            sealed=source.sender.sealed,
            person_key=source.sender.person_key,
            id_number_key=source.sender.id_number_key,
        )
        for scan in source.sender.scans.all():
            scan.pk = None
            scan.identity = sender
            scan.save()
        audit_record(
            actor=actor,
            event="identity.stored",
            target=sender,
            data={"identity": {"changed": True}, "copied": True},
        )
    letter = _new_letter(
        actor=actor,
        organization=forwarding.to_organization,
        channel=Letter.Channel.FORWARDED,
        received_on=on,
        content=source.content,
        sender=sender,
        sender_count=source.sender_count,
        has_signature=source.has_signature,
        forwarded_from=forwarding.from_organization,
        # The body that first forwarded the matter keeps following it down the chain.
        supervised_by=source.supervised_by or forwarding.from_organization,
        source_letter=source,
    )
    add_step(
        letter,
        LetterStep.Kind.REGISTERED,
        on,
        actor,
        f"{forwarding.from_organization.name} chuyển đến (đơn {source.reference})",
        forwarding.document,
    )
    forwarding.acknowledged_at = timezone.now()
    forwarding.acknowledged_by = actor
    forwarding.received_letter = letter
    forwarding.save(
        update_fields=["acknowledged_at", "acknowledged_by", "received_letter", "updated_at"]
    )
    add_step(
        source,
        LetterStep.Kind.RECEIPT,
        on,
        actor,
        f"{forwarding.to_organization.name} đã nhận, vào sổ số {letter.reference}",
    )
    for target in (letter, source):
        audit_record(
            actor=actor,
            event="letter.forward_acknowledged",
            target=target,
            data={"received_as": letter.reference, "source": source.reference},
        )
    return letter


def _simple_outcome(
    *, actor, letter, on, note, status, step, event, doc_type, title, text
) -> Letter:
    letter = _locked(letter, actor, "triage")
    _require_status(letter, "received", message="Đơn không còn ở bước xử lý đơn.")
    document = issue(
        letter,
        actor=actor,
        doc_type=doc_type,
        title=title,
        on=on,
        paragraphs=[text, *([note] if note else [])],
    )
    _close(letter, status, on, note, actor)
    add_step(letter, step, on, actor, note, document)
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
        PermissionDenied; LetterStateError: not awaiting triage.

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
            step=LetterStep.Kind.GUIDED,
            event="letter.guided",
            doc_type=Document.Type.GUIDANCE,
            title="Về việc hướng dẫn gửi đơn",
            text=f"Nội dung đơn không thuộc thẩm quyền giải quyết; đề nghị người gửi đơn gửi "
            f"đơn{where} để được xem xét, giải quyết theo quy định.",
        )


def letter_return(*, actor, letter: Letter, on: date, note: str) -> Letter:
    """Return the letter and its papers to the sender, giving the reason (TT 05/2021).

    Raises:
        PermissionDenied; LetterStateError: not awaiting triage.

    Records: ``letter.returned``, ``document.issued``.
    """
    return _simple_outcome(
        actor=actor,
        letter=letter,
        on=on,
        note=note,
        status=Letter.Status.RETURNED,
        step=LetterStep.Kind.RETURNED,
        event="letter.returned",
        doc_type=Document.Type.NOTICE,
        title="Về việc trả lại đơn",
        text="Đơn không đủ điều kiện xử lý; trả lại đơn và giấy tờ kèm theo cho người gửi.",
    )


def letter_file_away(*, actor, letter: Letter, on: date, note: str) -> Letter:
    """File a letter without action (anonymous without evidence, duplicate already handled,
    already answered...; Luật TC Đ25 k1, TT 05/2021).

    Raises:
        PermissionDenied; LetterStateError: not awaiting triage.

    Records: ``letter.filed``, ``document.issued``.
    """
    return _simple_outcome(
        actor=actor,
        letter=letter,
        on=on,
        note=note,
        status=Letter.Status.FILED,
        step=LetterStep.Kind.FILED,
        event="letter.filed",
        doc_type=Document.Type.NOTICE,
        title="Về việc lưu đơn",
        text="Đơn không đủ điều kiện xử lý theo quy định; lưu đơn.",
    )


@transaction.atomic
def letter_identity_mark(*, actor, letter: Letter, spans: Sequence[str]) -> Letter:
    """Mark parts of a letter's (redacted) text as identifying its sender: they go to the
    vault with the identity, and are taken out of the letter, its summary and its search
    entry. Documents issued before keep their text.

    Raises:
        PermissionDenied: actor may not triage the letter.
        LetterInputError: no span given, a span not in the letter, too many spans.

    Records: ``identity.marked`` (or ``identity.stored`` for a letter with no sender yet),
    ``letter.identity_marked`` (number of spans; never the text).
    """
    letter = _locked(letter, actor, "triage")
    spans = [" ".join(s.split()) for s in spans if s.strip()]
    if not spans:
        raise LetterInputError("Hãy chép đoạn cần lược bỏ.", code="spans")
    if any(
        identity_redact(letter.content, IdentityData(marked=(s,))) == letter.content for s in spans
    ):
        raise LetterInputError("Đoạn đánh dấu không có trong nội dung đơn.", code="spans")
    try:
        if letter.sender is None:
            data = IdentityData(marked=tuple(spans))
            letter.sender = identity_store(actor=actor, organization=letter.organization, data=data)
        else:
            data = identity_mark_spans(actor=actor, identity=letter.sender, spans=spans)
    except ValueError as exc:
        raise LetterInputError("Quá nhiều đoạn đánh dấu.", code="spans") from exc
    letter.content = identity_redact(letter.content, data)
    letter.summary = _summary(letter.content)
    letter.full_clean()
    letter.save(update_fields=["content", "summary", "sender", "updated_at"])
    search_index_upsert(
        kind=SEARCH_KIND, object_id=letter.pk, title=letter.summary, body=letter.content
    )
    audit_record(
        actor=actor, event="letter.identity_marked", target=letter, data={"spans": len(spans)}
    )
    return letter
