"""Reads of the shared layer: an item's history, links, follow-ups and people; supervisors'
lists. Every read that reaches a person starts from ``restrict(viewer, action)``."""

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q, QuerySet

from phoihop.access.models import Grant
from phoihop.casework.models import Follower, FollowUp, Link, Step, TrackedItem
from phoihop.casework.registry import item_kinds
from phoihop.core.selectors import one_or_404


def _ref(item: Model) -> dict:
    return {"item_type": ContentType.objects.get_for_model(item), "item_id": item.pk}


def step_list(*, item: TrackedItem) -> QuerySet[Step]:
    """The history of an item the caller has fetched through the area's selector."""
    return (
        Step.objects.filter(**_ref(item))
        .select_related("actor", "document", "item_type")
        .order_by("on", "id")
    )


@dataclass(frozen=True)
class LinkedItem:
    """One end of a link, as read from the other end."""

    label: str
    item: Model
    kind_label: str


def link_list(*, viewer, item: Model) -> list[LinkedItem]:
    """The items linked to *item*, both ways, that *viewer* may see (one query per kind of
    linked item, whatever the number of links)."""
    ct = ContentType.objects.get_for_model(item)
    rows = Link.objects.filter(Q(from_type=ct, from_id=item.pk) | Q(to_type=ct, to_id=item.pk))
    ends = []
    for row in rows.select_related("from_type", "to_type"):
        outgoing = row.from_type_id == ct.pk and row.from_id == item.pk
        other_type, other_id = (
            (row.to_type, row.to_id) if outgoing else (row.from_type, row.from_id)
        )
        label = row.get_kind_display() if outgoing else Link.INVERSE[row.kind]
        ends.append((str(label), other_type, other_id))
    visible_by_type: dict[int, dict[int, Model]] = {}
    for other_type in {other_type for _, other_type, _ in ends}:
        model = other_type.model_class()
        if model is None:
            continue
        manager: Any = model._default_manager
        ids = {other_id for _, t, other_id in ends if t == other_type}
        visible_by_type[other_type.pk] = {
            obj.pk: obj for obj in manager.restrict(viewer, "view").filter(pk__in=ids)
        }
    found = []
    for label, other_type, other_id in ends:
        other = visible_by_type.get(other_type.pk, {}).get(other_id)
        if other is None:
            continue
        kind = item_kinds.get(f"{other_type.app_label}.{other_type.model}")
        found.append(LinkedItem(label, other, kind.label if kind else ""))
    return found


def follow_up_list(
    *, viewer, status: str | None = None, item: Model | None = None
) -> QuerySet[FollowUp]:
    qs = FollowUp.objects.restrict(viewer, "view").select_related(
        "organization", "from_organization", "document"
    )
    if status:
        qs = qs.filter(status=status)
    if item is not None:
        qs = qs.filter(**_ref(item))
    return qs


def follow_up_get(*, viewer, public_id: UUID) -> FollowUp:
    return one_or_404(follow_up_list(viewer=viewer), public_id=public_id)


def is_following(*, viewer, item: Model) -> bool:
    return Follower.objects.filter(user=viewer, **_ref(item)).exists()


def assignee_choices(*, item: TrackedItem):
    """The active officers who may be given *item*: holders of the kind's view permission on
    the item's body (directly, or through a grant on a body above it)."""
    kind = item_kinds.for_model(type(item))
    org = item.organization
    ancestors = [p for p in org.path.split("/") if p]
    grants = Grant.objects.filter(
        revoked_at__isnull=True,
        user__is_active=True,
        organization_id__in=[int(p) for p in ancestors],
    ).select_related("role", "organization")
    user_ids = {
        g.user_id
        for g in grants
        if kind.view_permission in g.role.permissions
        and (g.organization_id == org.pk or g.include_subtree)
    }
    return get_user_model().objects.filter(pk__in=user_ids).order_by("first_name", "username")


def supervised_list(*, viewer, model: type[TrackedItem]) -> QuerySet:
    """The items of *model* that *viewer* supervises (chain and scope), read-only."""
    return model._default_manager.restrict(viewer, "supervise").select_related("organization")


def overdue_list(*, viewer, model: type[TrackedItem], today: date) -> QuerySet:
    """Supervised items of *model* still open past their nearest due date, oldest first."""
    return (
        supervised_list(viewer=viewer, model=model)
        .filter(due_on__lt=today)
        .exclude(status__in=model.CLOSED)
        .order_by("due_on", "id")
    )


def supervision_assignment_list(*, viewer) -> QuerySet:
    from phoihop.casework.models import SupervisionAssignment

    return (
        SupervisionAssignment.objects.restrict(viewer, "view")
        .select_related("supervisor", "organization")
        .order_by("revoked_at", "supervisor__name", "id")
    )


def supervision_assignment_get(*, viewer, pk: int):
    return one_or_404(supervision_assignment_list(viewer=viewer), pk=pk)


def handover_list(*, viewer, model=None, action: str = "view") -> QuerySet:
    """Handovers *viewer* may see (or act on with *action*), of items of *model* if given."""
    from phoihop.casework.models import Handover

    qs = Handover.objects.restrict(viewer, action).select_related(
        "from_organization", "to_organization", "document", "item_type"
    )
    if model is not None:
        meta = model._meta
        qs = qs.filter(item_type__app_label=meta.app_label, item_type__model=meta.model_name)
    return qs


def handover_inbox_list(*, viewer, model=None) -> QuerySet:
    """Items handed over to *viewer*'s bodies and waiting for a receipt, oldest first."""
    return (
        handover_list(viewer=viewer, model=model, action="acknowledge")
        .filter(status="sent")
        .order_by("sent_on", "id")
    )


def handover_get(*, viewer, public_id: UUID, action: str = "view"):
    return one_or_404(handover_list(viewer=viewer, action=action), public_id=public_id)


# An open item older than this many days is "long-running" on the supervisors' page.
LONG_RUNNING_DAYS = 90


# The fields of an item the supervisors' page shows (its link, number, body, date, status).
OVERVIEW_FIELDS = (
    "public_id",
    "reference",
    "status",
    "due_on",
    "organization__name",
    "organization__short_name",
)


@dataclass(frozen=True)
class SupervisedKind:
    """One kind of item on a supervising body's page: overdue first, then long-running."""

    kind: object
    overdue: list
    long_running: list


def supervision_overview(*, viewer, today: date, limit: int = 50) -> list[SupervisedKind]:
    """For each kind of item *viewer* supervises (by chain or by scope), the open items past
    their due date (oldest due first) and those open for longer than ``LONG_RUNNING_DAYS``."""
    from datetime import timedelta

    sections = []
    for kind in item_kinds.values():
        if not kind.supervise_permission:
            continue
        model = kind.model
        supervised = (
            supervised_list(viewer=viewer, model=model)
            .exclude(status__in=model.CLOSED)
            .only(*OVERVIEW_FIELDS, kind.date_field)  # what the page shows: rows stay light
        )
        overdue = list(supervised.filter(due_on__lt=today).order_by("due_on", "id")[:limit])
        started_before = today - timedelta(days=LONG_RUNNING_DAYS)
        long_running = list(
            supervised.filter(**{f"{kind.date_field}__lt": started_before})
            .exclude(pk__in=[item.pk for item in overdue])
            .order_by(kind.date_field, "id")[:limit]
        )
        if overdue or long_running:
            sections.append(SupervisedKind(kind, overdue, long_running))
    return sections


def item_by_reference(*, viewer, kind: str, reference: str) -> Model | None:
    """The item of *kind* (``"<app_label>.<model_name>"``) with register number *reference*
    among those *viewer* may see, or None: how one area takes up another area's item by the
    number an officer reads off the paper, without importing that area."""
    registered = item_kinds.get(kind)
    reference = reference.strip()
    if registered is None or not reference:
        return None
    manager: Any = registered.model._default_manager
    return manager.restrict(viewer, "view").filter(reference=reference).order_by("id").first()
