"""Links between items, read both ways (a petition → the answer → the task → the report)."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from phoihop.access.policy import require
from phoihop.audit.services import audit_record
from phoihop.casework.errors import ItemInputError
from phoihop.casework.models import Link


def link(source, kind: str, target, actor, note: str = "") -> Link:
    """Service-internal: record that *source* <kind> *target* (once)."""
    if kind not in Link.Kind.values:
        raise ItemInputError("Loại liên kết không hợp lệ.", code="kind")
    if type(source) is type(target) and source.pk == target.pk:
        raise ItemInputError("Không thể liên kết một việc với chính nó.", code="target")
    row, _ = Link.objects.get_or_create(
        from_type=ContentType.objects.get_for_model(source),
        from_id=source.pk,
        to_type=ContentType.objects.get_for_model(target),
        to_id=target.pk,
        kind=kind,
        defaults={"created_by": actor, "note": note[:300]},
    )
    return row


@transaction.atomic
def item_link(*, actor, source, kind: str, target, note: str = "") -> Link:
    """An officer links two items they may see (e.g. this answer answers that petition).

    Raises:
        PermissionDenied: actor may not work on *source* or cannot see *target*.
        ItemInputError: unknown kind, or an item linked to itself.

    Records: ``casework.linked``.
    """
    require(actor, "work", source)
    require(actor, "view", target)
    row = link(source, kind, target, actor, note)
    audit_record(
        actor=actor,
        event="casework.linked",
        target=source,
        related=target,
        data={"kind": kind},
    )
    return row
