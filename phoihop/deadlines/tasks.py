"""Background jobs of the deadlines module. Jobs call services; payloads carry ids only."""

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from phoihop.accounts.services import system_actor
from phoihop.deadlines import services


@db_periodic_task(crontab(hour="6", minute="30"))
def deadline_notify_daily() -> int:
    """Every morning: remind owners of deadlines due soon, due today or overdue."""
    return services.deadline_notify_due(today=timezone.localdate(), actor=system_actor())
