from phoihop.accounts.services import system_actor
from phoihop.exchange import services
from phoihop.exchange.models import Delivery, Dispatch, PeriodicReport
from phoihop.exchange.tests.factories import SENT
from phoihop.organizations.models import Organization


def _partner(organization):
    return (
        Organization.objects.filter(parent__isnull=True)
        .exclude(pk=organization.pk)
        .order_by("pk")
        .first()
    )


def _send(sender, to) -> Dispatch:
    return services.dispatch_send(
        actor=system_actor(),
        organization=sender,
        recipients=[services.RecipientInput(to, "action", SENT)],
        sent_on=SENT,
        symbol="1/UBND",
        doc_type="Công văn",
        title="Về việc phối hợp",
        signed_on=SENT,
    )


def _dispatch(organization, user) -> Dispatch:
    return _send(organization, _partner(organization))


def _delivery(organization, user) -> Delivery:
    return _send(_partner(organization), organization).deliveries.get()


def _report(organization, user) -> PeriodicReport:
    return services.periodic_report_prepare(
        actor=system_actor(), organization=organization, kind="quarter", year=2026, index=4
    )


SUBJECTS = {Dispatch: _dispatch, Delivery: _delivery, PeriodicReport: _report}
