"""The history of an item: one step per thing done, in one shape for every area."""

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from phoihop.casework.models import Step, TrackedItem


def step_add(item: TrackedItem, kind: str, on: date, actor, note: str = "", document=None) -> Step:
    """Add a step to *item*'s history; the people following the item hear of it after commit.

    Service-internal: the calling service has authorized and audited the step itself.
    """
    step = Step.objects.create(
        item_type=ContentType.objects.get_for_model(item),
        item_id=item.pk,
        kind=kind,
        on=on,
        note=note,
        actor=actor,
        document=document,
    )
    from phoihop.casework.services.following import followers_notify

    transaction.on_commit(lambda: followers_notify(step_id=step.pk))
    return step
