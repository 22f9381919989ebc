from datetime import date, datetime, time

from django.db.models import QuerySet
from django.utils import timezone

from phoihop.agenda.models import Engagement


def engagement_list(*, viewer, start: date, end: date) -> QuerySet[Engagement]:
    """Engagements visible to *viewer* that start between *start* and *end* (inclusive)."""
    tz = timezone.get_current_timezone()
    return (
        Engagement.objects.restrict(viewer, "view")
        .filter(
            starts_at__gte=datetime.combine(start, time.min, tz),
            starts_at__lte=datetime.combine(end, time.max, tz),
        )
        .select_related("organization")
        .prefetch_related("partners")
    )
