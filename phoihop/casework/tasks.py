"""Background jobs of the casework layer. Jobs call services; payloads carry ids only."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from phoihop.casework.services import progress_digest_send


@db_periodic_task(crontab(hour="17", minute="0"))
def casework_digest_daily() -> int:
    """Every afternoon: one e-mail per follower with the day's progress on the items they follow."""
    return progress_digest_send()
