"""Reading the audit log."""

from dataclasses import dataclass

from django.db.models import Model, Q, QuerySet

from phoihop.audit.chain import GENESIS, event_hash, row_fields
from phoihop.audit.models import AuditEvent
from phoihop.core.types import Account


@dataclass(frozen=True)
class ChainReport:
    checked: int
    first_bad_id: int | None
    reason: str

    @property
    def ok(self) -> bool:
        return self.first_bad_id is None


def audit_chain_verify(*, batch_size: int = 2000) -> ChainReport:
    """Walk the chain from the first event; report the first row whose hash or link is wrong."""
    previous = GENESIS
    checked = 0
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=batch_size):
        if event.previous_hash != previous:
            return ChainReport(checked, event.pk, "liên kết tới sự kiện trước bị đứt (bị xóa/chèn)")
        if event_hash(previous_hash=previous, fields=row_fields(event)) != event.hash:
            return ChainReport(checked, event.pk, "nội dung đã bị sửa sau khi ghi")
        previous = event.hash
        checked += 1
    return ChainReport(checked, None, "")


def audit_event_list(*, viewer: Account) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.restrict(viewer, "view").select_related("actor", "organization")


def audit_timeline(*, viewer: Account, target: Model) -> QuerySet[AuditEvent]:
    """The history of one object, including events of its children (``related``)."""
    label, pk = target._meta.label_lower, str(target.pk)
    return audit_event_list(viewer=viewer).filter(
        Q(target_type=label, target_id=pk) | Q(related_type=label, related_id=pk)
    )
