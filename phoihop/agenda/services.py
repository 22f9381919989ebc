"""Writes on the shared calendar."""

from datetime import datetime

from django.db import transaction

from phoihop.access.policy import require_in
from phoihop.agenda.models import Engagement
from phoihop.audit.services import audit_record
from phoihop.core.errors import ApplicationError
from phoihop.organizations.models import Organization


class EngagementPeriodError(ApplicationError):
    pass


@transaction.atomic
def engagement_create(
    *,
    actor,
    organization: Organization,
    kind: str,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
    location: str = "",
    partners: list[Organization] = (),
) -> Engagement:
    """Put an engagement of *organization* on the shared calendar.

    Raises:
        PermissionDenied: actor may not add engagements for this organization.
        EngagementPeriodError: it ends before it starts.

    Records: ``engagement.created``.
    """
    require_in(actor, "agenda.add_engagement", organization)
    if ends_at < starts_at:
        raise EngagementPeriodError("Thời gian kết thúc phải sau thời gian bắt đầu.")
    engagement = Engagement(
        organization=organization,
        kind=kind,
        title=title,
        starts_at=starts_at,
        ends_at=ends_at,
        location=location,
    )
    engagement.full_clean()
    engagement.save()
    engagement.partners.set(partners)
    audit_record(
        actor=actor,
        event="engagement.created",
        target=engagement,
        data={
            "title": title,
            "kind": kind,
            "starts_at": starts_at,
            "partners": [p.code for p in partners],
        },
    )
    return engagement
