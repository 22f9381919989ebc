from datetime import date

from phoihop.accounts.services import system_actor
from phoihop.casework.models import FollowUp, Handover, SupervisionAssignment
from phoihop.casework.services import follow_up_send
from phoihop.letters.services import forwarding_acknowledge
from phoihop.letters.tests.factories import forwarded


def _other_body(organization):
    from phoihop.organizations.models import Organization

    return Organization.objects.exclude(pk=organization.pk).filter(parent=None).first()


def _follow_up(organization, user) -> FollowUp:
    """A follow-up about a letter another body forwarded to *organization*."""
    letter = forwarding_acknowledge(
        actor=system_actor(),
        forwarding=forwarded(_other_body(organization), organization),
        on=date(2026, 6, 10),
    )
    return follow_up_send(
        actor=system_actor(), item=letter, content="Đề nghị xem xét", on=date(2026, 6, 20)
    )


def _assignment(organization, user) -> SupervisionAssignment:
    """*organization* supervising the other body's letters."""
    return SupervisionAssignment.objects.create(
        supervisor=organization,
        organization=_other_body(organization),
        item_kinds=["letters.letter"],
        basis="Luật Hoạt động giám sát 2015",
    )


def _handover(organization, user) -> Handover:
    """A letter the other body forwarded to *organization*, awaiting its receipt."""
    return forwarded(_other_body(organization), organization)


SUBJECTS = {FollowUp: _follow_up, Handover: _handover, SupervisionAssignment: _assignment}
