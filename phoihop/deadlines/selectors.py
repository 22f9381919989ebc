"""Reads of running deadlines and of the calendar."""

from datetime import date
from uuid import UUID

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet
from django.http import Http404

from phoihop.core.selectors import one_or_404
from phoihop.deadlines import engine
from phoihop.deadlines.models import Deadline, FeedToken

_OPEN = (Deadline.Status.RUNNING, Deadline.Status.SUSPENDED)


def deadline_list(
    *, viewer, status: str | None = None, owner=None, organization=None
) -> QuerySet[Deadline]:
    """Deadlines *viewer* may see, soonest first."""
    qs = Deadline.objects.restrict(viewer, "view").select_related(
        "organization", "owner", "target_type"
    )
    if status:
        qs = qs.filter(status=status)
    if owner is not None:
        qs = qs.filter(owner=owner)
    if organization is not None:
        qs = qs.filter(organization=organization)
    return qs


def deadline_get(*, viewer, public_id: UUID) -> Deadline:
    """One visible deadline; Http404 whether it is missing or not visible to *viewer*."""
    return one_or_404(deadline_list(viewer=viewer), public_id=public_id)


def deadline_for_target_list(*, viewer, target: models.Model) -> QuerySet[Deadline]:
    """The clocks running (or run) on one item, visible to *viewer*."""
    return deadline_list(viewer=viewer).filter(
        target_type=ContentType.objects.get_for_model(target), target_id=str(target.pk)
    )


def deadline_item_list(*, target: models.Model) -> QuerySet[Deadline]:
    """Every clock run on an item the caller has fetched through its own selector (a
    supervising body sees them with the item, though it holds no grant on the owning body)."""
    return Deadline.objects.filter(
        target_type=ContentType.objects.get_for_model(target), target_id=str(target.pk)
    ).order_by("start_on", "id")


def deadline_open_for_target(target: models.Model, rules=None) -> QuerySet[Deadline]:
    """Service-internal: the running or suspended clocks on *target*, unrestricted (the caller
    has authorized the step on the item; moving a clock still goes through its own policy)."""
    qs = Deadline.objects.filter(
        target_type=ContentType.objects.get_for_model(target),
        target_id=str(target.pk),
        status__in=_OPEN,
    )
    return qs.filter(rule_id__in=rules) if rules else qs


def deadline_overdue_list(*, viewer, today: date) -> QuerySet[Deadline]:
    """Running deadlines past their due date (a suspended clock is not overdue)."""
    return deadline_list(viewer=viewer, status=Deadline.Status.RUNNING).filter(due_on__lt=today)


def deadline_due_soon_list(*, viewer, today: date, within_days: int = 7) -> QuerySet[Deadline]:
    """Running deadlines due from *today* to *within_days* calendar days ahead."""
    last = engine.add_calendar_days(today, within_days, roll=engine.Roll.NONE)
    return deadline_list(viewer=viewer, status=Deadline.Status.RUNNING).filter(
        due_on__gte=today, due_on__lte=last
    )


def deadline_reminder_candidates(*, today: date, before_working_days: int) -> QuerySet[Deadline]:
    """Service-internal: running deadlines with an owner, due within the reminder window."""
    horizon = engine.add_working_days(today, before_working_days)
    return (
        Deadline.objects.filter(
            status=Deadline.Status.RUNNING, owner__isnull=False, due_on__lte=horizon
        )
        .select_related("owner")
        .order_by("due_on", "id")
    )


def feed_token_owner(*, key: str):
    """The account a secret feed key belongs to; Http404 for an unknown key."""
    token = FeedToken.objects.select_related("user").filter(key=key, user__is_active=True).first()
    if token is None:
        raise Http404
    return token.user


def deadline_feed_list(*, viewer) -> QuerySet[Deadline]:
    """Open deadlines *viewer* owns, for the personal iCalendar feed."""
    return deadline_list(viewer=viewer, owner=viewer).filter(status__in=_OPEN)
