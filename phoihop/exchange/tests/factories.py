"""Test data for the exchange area: a document sent by the tree's other body (the People's
Committee) to its own body (the council), for action or for information."""

from datetime import date

from phoihop.accounts.services import system_actor
from phoihop.exchange import services
from phoihop.exchange.models import Delivery, Dispatch

SENT = date(2026, 11, 20)  # a Friday: registration due Monday 23/11 (BCO-09)


def send(
    tree,
    *,
    sender=None,
    to=None,
    purpose="action",
    due=date(2026, 12, 4),
    on=SENT,
    urgency="normal",
    signed_on=None,
    key="",
    symbol="15/BC-UBND",
) -> Dispatch:
    sender = sender or tree.other
    to = to or tree.own
    return services.dispatch_send(
        actor=system_actor(),
        organization=sender,
        recipients=[services.RecipientInput(to, purpose, due if purpose == "action" else None)],
        sent_on=on,
        symbol=symbol,
        doc_type="Báo cáo",
        title="Kết quả giải quyết kiến nghị cử tri sau kỳ họp thứ tư",
        signed_on=signed_on or on,
        signer_name="Nguyễn Văn An",
        urgency=urgency,
        idempotency_key=key,
    )


def copy_of(dispatch: Dispatch, organization=None) -> Delivery:
    qs = dispatch.deliveries.all()
    return qs.get(organization=organization) if organization else qs.get()
