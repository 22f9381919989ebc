"""Background jobs of notifications. Jobs call services; payloads carry ids only."""

from huey.contrib.djhuey import db_task

from phoihop.notifications import services


@db_task(retries=3, retry_delay=60)
def notification_email(notification_id: int) -> None:
    services.notification_email_send(notification_id=notification_id)
