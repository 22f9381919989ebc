from django.db import transaction

from phoihop.accounts.services import system_actor
from phoihop.audit.models import AuditEvent
from phoihop.audit.services import audit_record


def _event(organization, user):
    with transaction.atomic():
        return audit_record(
            actor=system_actor(),
            event="organization.changed",
            target=organization,
            organization=organization,
            data={},
        )


SUBJECTS = {AuditEvent: _event}
