"""Supervision of resolution by the bodies that forwarded a letter: follow-up requests."""

from datetime import date

from django.db import IntegrityError, transaction

from phoihop.access.policy import require
from phoihop.accounts.services import system_actor
from phoihop.audit.services import audit_record
from phoihop.deadlines.services import deadline_start
from phoihop.letters.errors import LetterInputError, LetterStateError
from phoihop.letters.models import FollowUp, Letter, LetterStep
from phoihop.letters.services.common import add_step, stop_clocks

# A follow-up is handled like an incoming letter: 10 working days (TT 05/2021; XL-07).
FOLLOW_UP_RULE = "XL-07"


@transaction.atomic
def follow_up_send(
    *, actor, letter: Letter, content: str, on: date, idempotency_key: str = ""
) -> FollowUp:
    """A supervising body asks the resolving body to consider and resolve a letter it
    forwarded ("đề nghị xem xét, giải quyết"); the request becomes a tracked item of the
    resolving body, with its own clock.

    The clock belongs to the resolving body, where the supervising body holds no grant, so
    it is started by the system account; the request itself is recorded under *actor*.

    Raises:
        PermissionDenied: actor does not supervise this letter.
        LetterInputError: empty content.

    Records: ``letter.follow_up_sent``, ``deadline.started`` (XL-07). Notifies the officer
    handling the letter after commit.
    """
    require(actor, "supervise", letter)
    if not content.strip():
        raise LetterInputError("Nội dung đề nghị không được để trống.", code="content")
    if idempotency_key:
        existing = FollowUp.objects.filter(
            from_organization=letter.supervised_by, idempotency_key=idempotency_key
        ).first()
        if existing:
            return existing
    follow_up = FollowUp(
        letter=letter,
        organization=letter.organization,
        from_organization=letter.supervised_by,
        content=content.strip(),
        sent_on=on,
        idempotency_key=idempotency_key,
    )
    follow_up.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            follow_up.save()
    except IntegrityError:
        return FollowUp.objects.get(
            from_organization=letter.supervised_by, idempotency_key=idempotency_key
        )
    deadline_start(
        target=follow_up,
        organization=letter.organization,
        rule_id=FOLLOW_UP_RULE,
        start_on=on,
        actor=system_actor(),
        title=str(follow_up),
        owner=letter.assigned_to,
    )
    add_step(
        letter,
        LetterStep.Kind.FOLLOW_UP,
        on,
        actor,
        f"{letter.supervised_by.name}: {follow_up.content}",
    )
    audit_record(
        actor=actor,
        event="letter.follow_up_sent",
        target=letter,
        related=follow_up,
        data={"from": letter.supervised_by.code},
    )
    if letter.assigned_to_id:
        recipient, url = letter.assigned_to, letter.get_absolute_url()
        title = f"Đề nghị xem xét, giải quyết {letter}"

        def notify() -> None:
            from phoihop.notifications.services import notification_send

            with transaction.atomic():
                notification_send(
                    recipient=recipient,
                    title=title,
                    url=url,
                    dedupe_key=f"follow-up:{follow_up.pk}",
                    actor=system_actor(),
                )

        transaction.on_commit(notify)
    return follow_up


@transaction.atomic
def follow_up_answer(*, actor, follow_up: FollowUp, answer: str, on: date) -> FollowUp:
    """The resolving body answers a follow-up request; its clock stops.

    Raises:
        PermissionDenied: actor may not resolve letters of the resolving body.
        LetterStateError: already answered. LetterInputError: empty answer.

    Records: ``letter.follow_up_answered``, ``deadline.completed``.
    """
    require(actor, "answer", follow_up)
    follow_up = FollowUp.objects.select_for_update().select_related("letter").get(pk=follow_up.pk)
    if follow_up.status == FollowUp.Status.ANSWERED:
        raise LetterStateError("Đề nghị này đã được trả lời.")
    if not answer.strip():
        raise LetterInputError("Nội dung trả lời không được để trống.", code="answer")
    follow_up.status = FollowUp.Status.ANSWERED
    follow_up.answer = answer.strip()
    follow_up.answered_on = on
    follow_up.full_clean(validate_constraints=False)
    follow_up.save(update_fields=["status", "answer", "answered_on", "updated_at"])
    stop_clocks(follow_up, None, on, actor)
    add_step(follow_up.letter, LetterStep.Kind.FOLLOW_UP_ANSWERED, on, actor, follow_up.answer)
    audit_record(
        actor=actor,
        event="letter.follow_up_answered",
        target=follow_up.letter,
        related=follow_up,
        data={"on": on},
    )
    return follow_up
