from datetime import date

from phoihop.accounts.services import system_actor
from phoihop.letters.models import FollowUp, Forwarding, Letter
from phoihop.letters.services import follow_up_send, forwarding_acknowledge
from phoihop.letters.tests.factories import forwarded


def _letter(organization, user) -> Letter:
    """A letter another body forwarded to *organization*: shows the forwarder's supervision."""
    from phoihop.organizations.models import Organization

    other = Organization.objects.exclude(pk=organization.pk).filter(parent=None).first()
    return forwarding_acknowledge(
        actor=system_actor(), forwarding=forwarded(other, organization), on=date(2026, 6, 10)
    )


def _forwarding(organization, user) -> Forwarding:
    from phoihop.organizations.models import Organization

    other = Organization.objects.exclude(pk=organization.pk).filter(parent=None).first()
    return forwarded(other, organization)


def _follow_up(organization, user) -> FollowUp:
    from phoihop.organizations.models import Organization

    other = Organization.objects.exclude(pk=organization.pk).filter(parent=None).first()
    letter = forwarding_acknowledge(
        actor=system_actor(), forwarding=forwarded(other, organization), on=date(2026, 6, 10)
    )
    return follow_up_send(
        actor=system_actor(), letter=letter, content="Đề nghị xem xét", on=date(2026, 6, 20)
    )


SUBJECTS = {Letter: _letter, Forwarding: _forwarding, FollowUp: _follow_up}
