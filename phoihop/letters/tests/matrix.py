from datetime import date

from phoihop.accounts.services import system_actor
from phoihop.letters.models import Letter
from phoihop.letters.services import forwarding_acknowledge
from phoihop.letters.tests.factories import forwarded


def _letter(organization, user) -> Letter:
    """A letter another body forwarded to *organization*: shows the forwarder's supervision."""
    from phoihop.organizations.models import Organization

    other = Organization.objects.exclude(pk=organization.pk).filter(parent=None).first()
    return forwarding_acknowledge(
        actor=system_actor(), forwarding=forwarded(other, organization), on=date(2026, 6, 10)
    )


SUBJECTS = {Letter: _letter}
