"""Supervision of another body's items: scope assignments, and follow-up requests that are
tracked items of the responsible body, sent as numbered official letters (công văn)."""

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from phoihop.access.grants import granted_organization_ids
from phoihop.access.policy import require, require_in
from phoihop.accounts.services import system_actor
from phoihop.audit.services import audit_record
from phoihop.casework.clocks import clock_start, clocks_stop
from phoihop.casework.errors import ItemInputError, ItemStateError
from phoihop.casework.models import FollowUp, Link, SupervisionAssignment, TrackedItem
from phoihop.casework.registry import item_kinds
from phoihop.casework.scopes import assignment_q, forget_assignments, supervised_assignments
from phoihop.casework.services.following import follow
from phoihop.casework.services.history import step_add
from phoihop.casework.services.items import item_create, item_locked
from phoihop.casework.services.links import link
from phoihop.deadlines import engine
from phoihop.documents.models import Document
from phoihop.documents.services import document_issue

# A follow-up is handled like an incoming letter, on its clock (TT 05/2021; XL-07).
FOLLOW_UP_RULE = "XL-07"


def supervising_bodies(actor, item: TrackedItem) -> list:
    """The bodies in whose name *actor* may supervise *item*: the body that handed it down the
    chain, and the bodies whose supervision assignment covers it (in that order). The body
    responsible for *item* is never among them: it does not ask itself to resolve its own
    item (as when the standing committee's own report is on its council's agenda)."""
    kind = item_kinds.for_model(type(item))
    if not kind.supervise_permission:
        return []
    allowed = set(granted_organization_ids(actor, kind.supervise_permission))
    bodies = []
    chain = getattr(item, kind.chain_field, None) if kind.chain_field else None
    if (
        chain is not None
        and chain.pk != item.organization_id
        and (actor.is_superuser or chain.pk in allowed)
    ):
        bodies.append(chain)
    model = type(item)
    for assignment in supervised_assignments(actor, kind):
        if assignment.supervisor in bodies or assignment.supervisor_id == item.organization_id:
            continue
        if model._default_manager.filter(assignment_q(assignment, kind), pk=item.pk).exists():
            bodies.append(assignment.supervisor)
    return bodies


def follow_up_period(*, english: bool = False) -> str:
    """The time a follow-up request gives for the answer, in words (rule XL-07)."""
    return engine.current_rules().get(FOLLOW_UP_RULE).period(english=english)


@transaction.atomic
def follow_up_send(
    *,
    actor,
    item: TrackedItem,
    content: str,
    on: date,
    from_organization=None,
    idempotency_key: str = "",
) -> FollowUp:
    """A supervising body asks the responsible body to consider and resolve *item*.

    The request goes out as a numbered công văn from the supervising body's register and
    becomes a tracked item of the responsible body with its own clock (XL-07), owned by the
    item's assignee; the sender follows it and hears of its answer.

    Raises:
        PermissionDenied: actor does not supervise *item* (or not in the name of
            *from_organization*).
        ItemInputError: empty content.

    Records: ``casework.follow_up_sent``, ``document.issued``, ``deadline.started``.
    """
    require(actor, "supervise", item)
    bodies = supervising_bodies(actor, item)
    if from_organization is None and bodies:
        from_organization = bodies[0]
    if from_organization is None or from_organization not in bodies:
        raise PermissionDenied
    content = content.strip()
    if not content:
        raise ItemInputError("Nội dung đề nghị không được để trống.", code="content")
    kind = item_kinds.for_model(type(item))

    def build() -> FollowUp:
        follow_up = FollowUp(
            organization=item.organization,
            item_type=ContentType.objects.get_for_model(item),
            item_id=item.pk,
            from_organization=from_organization,
            content=content,
            sent_on=on,
            status=FollowUp.Status.OPEN,
            assigned_to=item.assigned_to,
            idempotency_key=idempotency_key,
        )
        follow_up.full_clean(exclude=["reference"], validate_constraints=False)
        follow_up.save()
        return follow_up

    follow_up, created = item_create(
        FollowUp, organization=item.organization, idempotency_key=idempotency_key, build=build
    )
    if not created:
        return follow_up
    document = document_issue(
        actor=actor,
        organization=from_organization,
        doc_type=Document.Type.OFFICIAL_LETTER,
        # A công văn's summary follows "V/v" (về việc): it does not say it again.
        title=f"đề nghị xem xét, giải quyết {kind.label.lower()} số {item.reference}",
        issued_on=on,
        paragraphs=[
            f"Kính gửi: {item.organization.name}.",
            f"Thực hiện chức năng giám sát, {from_organization.name} đề nghị "
            f"{item.organization.name} xem xét, giải quyết {kind.label.lower()} số "
            f"{item.reference} và trả lời {from_organization.name} trong thời hạn "
            f"{follow_up_period()} kể từ ngày nhận được văn bản này.",
            f"Nội dung đề nghị: {content}",
        ],
        recipients=[item.organization.name],
        target=follow_up,
    )
    follow_up.reference = document.symbol
    follow_up.document = document
    follow_up.save(update_fields=["reference", "document", "updated_at"])
    # The clock is the responsible body's, where the supervising body holds no grant.
    clock_start(follow_up, FOLLOW_UP_RULE, on, system_actor(), title=str(follow_up))
    link(follow_up, Link.Kind.FOLLOWS_UP, item, actor)
    follow(follow_up, actor)
    step_add(item, "follow_up", on, actor, f"{from_organization.name}: {content}", document)
    audit_record(
        actor=actor,
        event="casework.follow_up_sent",
        target=item,
        related=follow_up,
        data={"from": from_organization.code, "document": document.symbol},
    )
    if item.assigned_to_id:
        recipient, url = item.assigned_to, follow_up.get_absolute_url()
        title = f"Đề nghị xem xét, giải quyết {item} ({document.symbol})"

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
    """The responsible body answers a follow-up; its clock stops and the supervising body's
    officer who sent it is told.

    Raises:
        PermissionDenied: actor may not resolve items of this kind in the responsible body.
        ItemStateError: already answered. ItemInputError: empty answer, or a date before the
            request.

    Records: ``casework.follow_up_answered``, ``deadline.completed``.
    """
    follow_up = item_locked(follow_up, actor, "answer")
    if follow_up.status == FollowUp.Status.ANSWERED:
        raise ItemStateError("Đề nghị này đã được trả lời.", code="answered")
    if not answer.strip():
        raise ItemInputError("Nội dung trả lời không được để trống.", code="answer")
    if on < follow_up.sent_on:
        raise ItemInputError("Ngày trả lời không được trước ngày đề nghị.", code="on")
    follow_up.status = FollowUp.Status.ANSWERED
    follow_up.answer = answer.strip()
    follow_up.answered_on = on
    follow_up.closed_at = timezone.now()
    follow_up.full_clean(validate_constraints=False)
    follow_up.save(update_fields=["status", "answer", "answered_on", "closed_at", "updated_at"])
    clocks_stop(follow_up, None, on, actor)
    step_add(follow_up.get_item(), "follow_up_answered", on, actor, follow_up.answer)
    step_add(follow_up, "answered", on, actor, follow_up.answer)
    audit_record(
        actor=actor,
        event="casework.follow_up_answered",
        target=follow_up.get_item(),
        related=follow_up,
        data={"on": on},
    )
    return follow_up


@transaction.atomic
def supervision_assign(
    *,
    actor,
    supervisor,
    organization,
    item_kinds_codes: list[str],
    include_subtree: bool = True,
    fields: list[str] | None = None,
    starts_on: date | None = None,
    ends_on: date | None = None,
    basis: str = "",
) -> SupervisionAssignment:
    """Record a supervising body's mandate over another body's items (by scope).

    Raises:
        PermissionDenied: actor may not record assignments for *supervisor*.
        ItemInputError: an unknown kind, a kind nobody may supervise, no legal basis, or a
            body supervising itself.

    Records: ``casework.supervision_assigned``.
    """
    require_in(actor, "casework.add_supervisionassignment", supervisor)
    codes = sorted(set(item_kinds_codes))
    unknown = [
        code for code in codes if not getattr(item_kinds.get(code), "supervise_permission", "")
    ]
    if not codes or unknown:
        raise ItemInputError("Loại việc được giám sát không hợp lệ.", code="item_kinds")
    if not basis.strip():
        raise ItemInputError("Cần ghi căn cứ của việc phân công giám sát.", code="basis")
    if supervisor.pk == organization.pk:
        raise ItemInputError("Cơ quan không tự giám sát chính mình.", code="organization")
    assignment = SupervisionAssignment(
        supervisor=supervisor,
        organization=organization,
        include_subtree=include_subtree,
        item_kinds=codes,
        fields=sorted(set(fields or [])),
        starts_on=starts_on,
        ends_on=ends_on,
        basis=basis.strip(),
    )
    assignment.full_clean()
    assignment.save()
    audit_record(
        actor=actor,
        event="casework.supervision_assigned",
        target=assignment,
        related=organization,
        data={"supervisor": supervisor.code, "item_kinds": codes, "fields": assignment.fields},
    )
    forget_assignments(actor)
    return assignment


@transaction.atomic
def supervision_revoke(*, actor, assignment: SupervisionAssignment) -> SupervisionAssignment:
    """End a supervision assignment (kept, with the time it ended).

    Raises:
        PermissionDenied: actor may not change the supervising body's assignments.

    Records: ``casework.supervision_revoked``.
    """
    require(actor, "change", assignment)
    assignment = SupervisionAssignment.objects.select_for_update().get(pk=assignment.pk)
    if assignment.revoked_at is None:
        assignment.revoked_at = timezone.now()
        assignment.save(update_fields=["revoked_at", "updated_at"])
        audit_record(actor=actor, event="casework.supervision_revoked", target=assignment)
    forget_assignments(actor)
    return assignment
