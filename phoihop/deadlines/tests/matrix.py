from datetime import date

from django.contrib.contenttypes.models import ContentType

from phoihop.deadlines import engine
from phoihop.deadlines.models import Deadline


def _deadline(organization, user) -> Deadline:
    start = date(2026, 6, 8)
    return Deadline.objects.create(
        target_type=ContentType.objects.get_for_model(organization),
        target_id=str(organization.pk),
        title="Thụ lý khiếu nại",
        organization=organization,
        owner=user,
        rule_id="KN-03",
        start_on=start,
        due_on=engine.compute_due("KN-03", start).due,
    )


SUBJECTS = {Deadline: _deadline}
