"""Background jobs of the identity vault."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from phoihop.identity.services import identity_orphans_remove


@db_periodic_task(crontab(minute="40"))
def identity_orphans_sweep() -> int:
    """Every hour: delete vault entries that no letter or visit points at (audited)."""
    return identity_orphans_remove()
