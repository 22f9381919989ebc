"""Background jobs of the audit module."""

from typing import Any

from django.conf import settings
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from phoihop.audit.checkpoints import checkpoint_write


@db_periodic_task(crontab(minute=f"*/{settings.PHOIHOP_AUDIT_CHECKPOINT_MINUTES}"))
def audit_checkpoint() -> dict[str, Any]:
    """Every few minutes: append the log's head to the checkpoint file and the queue's log.

    The returned line also stays in the task queue's result store (outside the database).
    """
    return checkpoint_write()
