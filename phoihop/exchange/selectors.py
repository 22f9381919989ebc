"""Reads of the exchange area. Everything starts from ``restrict(viewer, "view")``: a body's
staff see their outgoing register, what was sent to their body, and the copies they sent."""

from uuid import UUID

from django.db.models import QuerySet

from phoihop.access.grants import organization_scope
from phoihop.core.selectors import one_or_404
from phoihop.exchange.models import Delivery, Dispatch, PeriodicReport
from phoihop.organizations.models import Organization


def dispatch_list(*, viewer) -> QuerySet[Dispatch]:
    """The dispatches *viewer* may see; the attached file (up to 20 MB) is read only when
    asked for."""
    return (
        Dispatch.objects.restrict(viewer, "view")
        .select_related("organization", "document")
        .defer("content")
    )


def dispatch_get(*, viewer, public_id: UUID) -> Dispatch:
    return one_or_404(dispatch_list(viewer=viewer), public_id=public_id)


def delivery_list(*, viewer) -> QuerySet[Delivery]:
    return (
        Delivery.objects.restrict(viewer, "view")
        .select_related("organization", "sender", "dispatch", "assigned_to", "acknowledged_by")
        .defer("dispatch__content")
    )


def delivery_get(*, viewer, public_id: UUID) -> Delivery:
    return one_or_404(delivery_list(viewer=viewer), public_id=public_id)


def _own(viewer):
    """The copies sent to the viewer's own bodies (not those their bodies sent)."""
    return organization_scope(viewer, "exchange.view_delivery", "organization")


def outgoing_register(*, viewer, organization: Organization, year: int | None = None):
    """The outgoing register (sổ đăng ký văn bản đi) of *organization*, in sending order,
    each with its copies."""
    qs = dispatch_list(viewer=viewer).filter(organization=organization)
    if year:
        qs = qs.filter(sent_on__year=year)
    return qs.prefetch_related("deliveries__organization").order_by("sent_on", "id")


def incoming_register(*, viewer, organization: Organization, year: int | None = None):
    """The incoming register (sổ đăng ký văn bản đến) of *organization*, by incoming number:
    only for the body's own staff (a sender sees its copies from its outgoing register)."""
    qs = delivery_list(viewer=viewer).filter(
        _own(viewer), organization=organization, in_number__isnull=False
    )
    if year:
        qs = qs.filter(year=year)
    return qs.order_by("year", "in_number")


def incoming_open(*, viewer) -> QuerySet[Delivery]:
    """Copies sent to the viewer's bodies still waiting to be registered or handled."""
    return (
        delivery_list(viewer=viewer)
        .filter(_own(viewer))
        .exclude(status__in=Delivery.CLOSED)
        .order_by("due_on", "register_due", "id")
    )


def report_list(*, viewer) -> QuerySet[PeriodicReport]:
    return PeriodicReport.objects.restrict(viewer, "view").select_related(
        "organization", "document"
    )


def report_get(*, viewer, public_id: UUID) -> PeriodicReport:
    return one_or_404(report_list(viewer=viewer), public_id=public_id)
