"""Handing an item over to another body, with a receipt or a refusal."""

from collections.abc import Callable
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from phoihop.access.policy import require
from phoihop.audit.services import audit_record
from phoihop.casework.errors import ItemInputError, ItemStateError
from phoihop.casework.models import Handover, Link, TrackedItem
from phoihop.casework.registry import item_kinds
from phoihop.casework.services.history import step_add
from phoihop.casework.services.links import link


def handover_record(
    *,
    item: TrackedItem,
    to_organization,
    on: date,
    note: str = "",
    document=None,
    matter_key: str = "",
    matter_kind: str = "",
) -> Handover:
    """Service-internal: record that *item* was sent to *to_organization* (the area's service
    has authorized the step, issued its slip and audits it)."""
    if to_organization.pk == item.organization_id:
        raise ItemStateError("Không thể chuyển cho chính cơ quan mình.", code="to_self")
    handover = Handover(
        item_type=ContentType.objects.get_for_model(item),
        item_id=item.pk,
        from_organization_id=item.organization_id,
        to_organization=to_organization,
        sent_on=on,
        note=note,
        document=document,
        matter_key=matter_key,
        matter_kind=matter_kind,
    )
    handover.full_clean()
    handover.save()
    return handover


def _locked_sent(handover: Handover, actor, action: str) -> Handover:
    require(actor, action, handover)
    handover = (
        Handover.objects.select_for_update(of=("self",))
        .select_related("to_organization", "from_organization", "item_type")
        .get(pk=handover.pk)
    )
    if handover.status != Handover.Status.SENT:
        raise ItemStateError(
            "Việc chuyển đến này đã được xác nhận hoặc từ chối.", code="acknowledged"
        )
    return handover


@transaction.atomic
def handover_acknowledge(
    *, actor, handover: Handover, on: date, receive: Callable[[Handover], TrackedItem]
) -> TrackedItem:
    """The receiving body confirms receipt; *receive* (the area's) enters the item in the
    receiving body's own register and returns it. The two items are linked both ways.

    Raises:
        PermissionDenied: actor may not receive items of this kind for the receiving body.
        ItemStateError: already acknowledged or refused.

    Records: ``casework.handover_acknowledged`` on both items, and the new item's own events.
    """
    handover = _locked_sent(handover, actor, "acknowledge")
    received = receive(handover)
    source = handover.get_item()
    handover.status = Handover.Status.ACKNOWLEDGED
    handover.acknowledged_at = timezone.now()
    handover.acknowledged_by = actor
    handover.received_type = ContentType.objects.get_for_model(received)
    handover.received_id = received.pk
    handover.full_clean()
    handover.save()
    link(received, Link.Kind.CONTINUES, source, actor)
    step_add(
        source,
        "receipt",
        on,
        actor,
        f"{handover.to_organization.name} đã nhận, vào sổ số {received.reference}",
    )
    for target in (received, source):
        audit_record(
            actor=actor,
            event="casework.handover_acknowledged",
            target=target,
            related=handover.to_organization,
            data={"received_as": received.reference, "source": source.reference},
        )
    return received


@transaction.atomic
def handover_refuse(*, actor, handover: Handover, reason: str, on: date) -> Handover:
    """The receiving body refuses an item sent to it (not its competence, wrong body), with a
    reason; the item goes back to its sender, who decides again.

    Raises:
        PermissionDenied: actor may not receive items of this kind for the receiving body.
        ItemStateError: already acknowledged or refused. ItemInputError: no reason.

    Records: ``casework.handover_refused`` (reason).
    """
    handover = _locked_sent(handover, actor, "refuse")
    if not reason.strip():
        raise ItemInputError("Cần ghi lý do từ chối.", code="reason")
    handover.status = Handover.Status.REFUSED
    handover.refused_at = timezone.now()
    handover.refused_by = actor
    handover.refusal_reason = reason.strip()
    handover.full_clean()
    handover.save()
    source = handover.get_item()
    kind = item_kinds.for_model(type(source))
    step_add(
        source,
        "handover_refused",
        on,
        actor,
        f"{handover.to_organization.name} từ chối: {handover.refusal_reason}",
    )
    if kind.reopen is not None:
        kind.reopen(source, actor, on)
    audit_record(
        actor=actor,
        event="casework.handover_refused",
        target=source,
        related=handover.to_organization,
        data={"reason": handover.refusal_reason},
    )
    return handover
