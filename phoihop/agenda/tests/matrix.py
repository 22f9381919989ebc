from datetime import UTC, datetime

from phoihop.accounts.services import system_actor
from phoihop.agenda.models import Engagement
from phoihop.agenda.services import engagement_create

SUBJECTS = {
    Engagement: lambda organization, user: engagement_create(
        actor=system_actor(),
        organization=organization,
        kind="briefing",
        title="Giao ban",
        starts_at=datetime(2026, 12, 1, 1, tzinfo=UTC),
        ends_at=datetime(2026, 12, 1, 3, tzinfo=UTC),
    ),
}
