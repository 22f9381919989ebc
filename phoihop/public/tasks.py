"""Background jobs of the public site. Jobs call services; payloads carry ids only."""

from huey.contrib.djhuey import db_task

from phoihop.public import subscriptions


@db_task(retries=3, retry_delay=60)
def subscription_confirmation_mail(subscription_id: int) -> None:
    subscriptions.subscription_confirmation_send(subscription_id=subscription_id)


@db_task(retries=3, retry_delay=60)
def announcement_mail(announcement_id: int) -> None:
    subscriptions.announcement_deliver(announcement_id=announcement_id)
