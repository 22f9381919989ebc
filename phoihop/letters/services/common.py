"""Helpers the letter services share: clocks, steps, documents. Not an entry point."""

import hashlib
from collections.abc import Sequence
from datetime import date

from django.contrib.contenttypes.models import ContentType

from phoihop.deadlines.models import Deadline
from phoihop.deadlines.services import deadline_complete, deadline_start
from phoihop.documents.services import document_issue
from phoihop.letters.models import Letter, LetterStep
from phoihop.text.normalize import search_key

# The clocks of intake, stopped by the intake outcome (accept, forward, guide, return, file).
INTAKE_RULES = ("XL-07", "KN-03", "KN-07", "TC-01")
# The clocks of resolution, stopped by the decision or conclusion.
RESOLUTION_RULES = ("KN-04", "KN-05", "KN-08", "TC-08", "TC-03")


def content_key(content: str) -> str:
    """The same matter written the same way, whatever the accents and spacing (XL-05)."""
    return hashlib.sha256(search_key(content).encode()).hexdigest()


def open_deadlines(target, rules: Sequence[str] | None = None):
    """Service-internal: running or suspended clocks on *target*.

    Unrestricted: the caller has already authorized the step on the case. (Restricting as the
    system account is not an option: ``DeadlinePolicy`` ORs an owner filter onto the
    superuser's empty ``Q()``, which narrows it to the system account's own deadlines.)
    """
    qs = Deadline.objects.filter(
        target_type=ContentType.objects.get_for_model(target),
        target_id=str(target.pk),
        status__in=[Deadline.Status.RUNNING, Deadline.Status.SUSPENDED],
    )
    return qs.filter(rule_id__in=rules) if rules else qs


def start_clock(letter: Letter, rule_id: str, start_on: date, actor, **variant) -> Deadline:
    """Start a legal clock on *letter*; the engine computes the due date."""
    return deadline_start(
        target=letter,
        organization=letter.organization,
        rule_id=rule_id,
        start_on=start_on,
        actor=actor,
        title=str(letter),
        owner=letter.assigned_to,
        **variant,
    )


def stop_clocks(target, rules: Sequence[str] | None, on: date, actor) -> None:
    for deadline in open_deadlines(target, rules):
        deadline_complete(deadline=deadline, on=max(on, deadline.start_on), actor=actor)


def sync_due(letter: Letter) -> None:
    """Copy the nearest running due date onto the letter (for lists and the overdue view)."""
    running = (
        open_deadlines(letter)
        .filter(status=Deadline.Status.RUNNING)
        .order_by("due_on")
        .values_list("due_on", flat=True)
        .first()
    )
    if running != letter.due_on:
        letter.due_on = running
        Letter.objects.filter(pk=letter.pk).update(due_on=running)


def add_step(letter: Letter, kind: str, on: date, actor, note: str = "", document=None):
    return LetterStep.objects.create(
        letter=letter, kind=kind, on=on, note=note, owner=actor, document=document
    )


def issue(
    letter: Letter,
    *,
    actor,
    doc_type: str,
    title: str,
    on: date,
    paragraphs: Sequence[str],
    recipients: Sequence[str] = (),
):
    """A numbered document about *letter*. It names the sender only by pseudonym."""
    return document_issue(
        actor=actor,
        organization=letter.organization,
        doc_type=doc_type,
        title=title,
        issued_on=on,
        paragraphs=[
            f"Đơn số {letter.reference}, nhận ngày {letter.received_on:%d/%m/%Y}, "
            f"người gửi: {letter.sender_label}.",
            *paragraphs,
        ],
        recipients=recipients,
        target=letter,
        signer_authority="TM." if letter.organization.parent_id is None else "",
        signer_title=letter.organization.name,
    )


def letter_content_type() -> ContentType:
    return ContentType.objects.get_for_model(Letter)
