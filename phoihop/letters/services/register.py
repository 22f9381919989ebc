"""Entering letters in a body's register: one letter per content, split letters, repeats.

TT 05/2021/TT-TTCP (xử lý đơn), Luật Tiếp công dân 2013 Đ28, Luật Tố cáo 2018 Đ56 (RULEBOOK §3).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from phoihop.access.policy import require, require_in
from phoihop.audit.services import audit_record, field_changes
from phoihop.casework.clocks import clock_start, clocks_stop, due_sync
from phoihop.casework.models import Link, TrackedItem
from phoihop.casework.services import item_create, item_locked, item_require_status, step_add
from phoihop.casework.services.links import link
from phoihop.documents.services import number_take
from phoihop.identity.services import (
    IdentityData,
    Scan,
    identity_mark_spans,
    identity_redact,
    identity_store,
)
from phoihop.letters.errors import LetterInputError
from phoihop.letters.models import Letter
from phoihop.letters.services import triage
from phoihop.letters.services.common import content_key
from phoihop.letters.steps import StepKind
from phoihop.organizations.models import Organization
from phoihop.organizations.selectors import letters_office
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


def new_letter(
    *,
    actor,
    organization: Organization,
    channel: str,
    received_on: date,
    content: str,
    sender,
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
        link(letter, Link.Kind.REPEATS, earlier, actor)
    search_index_upsert(kind=SEARCH_KIND, object_id=letter.pk, title=letter.summary, body=content)
    # Process the letter within 10 working days of receipt (TT 05/2021; RULEBOOK XL-07).
    clock_start(letter, "XL-07", received_on, actor)
    due_sync(letter)
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
    visit: TrackedItem | None = None,
    forwarded_from: Organization | None = None,
    has_signature: bool | None = None,
    idempotency_key: str = "",
) -> Letter:
    """Enter a letter in *organization*'s register and start its processing clock.

    The sender's identity and the scans go to the vault; the letter keeps a pseudonym and the
    content with the sender's name, address, phone, e-mail and ID number stripped (Luật Tố cáo
    Đ56 k2). ``visit`` is the reception visit the letter was raised at (linked both ways).
    A repeated call with the same ``idempotency_key`` returns the first letter unchanged.
    ``has_signature``: whether the letter bears a signature or fingerprint; left out, a letter
    from the portal (``online``) has none — a web form cannot be signed (Luật KN Đ11 k5) — and
    a paper one is taken as signed until classification says otherwise.

    A letter addressed to a body staffed by another unit (the council, the Front) goes to
    that unit's register (``Organization.letters_office``); the history says to whom it was
    addressed.

    Raises:
        PermissionDenied: actor may not register letters for *organization*.
        LetterInputError: empty content, unknown channel, a date in the future.

    Records: ``letter.registered`` (channel, received_on, reference, addressed_to when
    routed; never the identity), ``identity.stored``, ``deadline.started`` (XL-07).
    """
    addressed_to = organization
    organization = letters_office(organization)
    require_in(actor, "letters.add_letter", organization)
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
    if has_signature is None:
        has_signature = channel != Letter.Channel.ONLINE
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
    letter, created = item_create(
        Letter,
        organization=organization,
        idempotency_key=idempotency_key,
        build=lambda: new_letter(
            actor=actor,
            organization=organization,
            channel=channel,
            received_on=received_on,
            content=identity_redact(content.strip(), data),
            sender=vault,
            sender_count=max(sender.count, 1),
            has_signature=has_signature,
            forwarded_from=forwarded_from,
            idempotency_key=idempotency_key,
        ),
    )
    if not created:
        # A concurrent submit with the same key won the race: answer with its letter.
        return letter
    if visit is not None:
        link(letter, Link.Kind.RAISED_AT, visit, actor)
    letter.has_name_address = bool(data.full_name and data.address)
    letter.save(update_fields=["has_name_address", "updated_at"])
    routed = addressed_to.pk != organization.pk
    note = letter.get_channel_display()
    if routed:
        note = f"{note}; gửi đến {addressed_to.name}"
    step_add(letter, StepKind.REGISTERED, received_on, actor, note)
    audit_record(
        actor=actor,
        event="letter.registered",
        target=letter,
        data={
            "addressed_to": addressed_to.code if routed else None,
            "reference": letter.reference,
            "channel": channel,
            "received_on": received_on,
            "sender": {"changed": True} if vault else None,
            "visit": str(visit.public_id) if visit is not None else None,
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
        ItemStateError: the letter is not awaiting triage.
        LetterInputError: fewer than two parts, or an empty or unknown part.

    Records: ``letter.split`` (the new references), and the parts' own events.
    """
    letter = item_locked(letter, actor, "triage")
    item_require_status(letter, "received", message="Chỉ tách được đơn mới tiếp nhận.")
    if len(parts) < 2:
        raise LetterInputError("Cần ít nhất hai nội dung để tách đơn.", code="parts")
    for kind, text in parts:
        if kind not in Letter.Kind.values or kind in ("unclassified", "mixed") or not text.strip():
            raise LetterInputError("Mỗi nội dung tách ra cần loại đơn và nội dung.")
    children = []
    for kind, text in parts:
        child = new_letter(
            actor=actor,
            organization=letter.organization,
            channel=letter.channel,
            received_on=letter.received_on,
            content=text.strip(),
            sender=letter.sender,
            sender_count=letter.sender_count,
            has_signature=letter.has_signature,
            split_from=letter,
            forwarded_from=letter.forwarded_from,
            supervised_by=letter.supervised_by,
            source_letter=letter.source_letter,
            assigned_to=letter.assigned_to,
        )
        link(child, Link.Kind.SPLIT_FROM, letter, actor)
        step_add(
            child,
            StepKind.REGISTERED,
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
            triage.letter_classify(
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
    clocks_stop(letter, None, today, actor)
    due_sync(letter)
    step_add(letter, StepKind.SPLIT, today, actor, ", ".join(c.reference for c in children))
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
    letter = item_locked(letter, actor, "triage")
    require(actor, "view", original)
    if original.pk == letter.pk:
        raise LetterInputError("Đơn không thể trùng với chính nó.")
    before = {"duplicate_of": letter.duplicate_of_id}
    letter.duplicate_of = original
    letter.save(update_fields=["duplicate_of", "updated_at"])
    link(letter, Link.Kind.REPEATS, original, actor)
    step_add(
        letter,
        StepKind.DUPLICATE,
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
    letter = item_locked(letter, actor, "triage")
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
