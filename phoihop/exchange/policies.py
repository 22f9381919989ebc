"""Who may do what in the exchange area.

A body's staff see their own outgoing register and the documents sent to their body (its
incoming register); the sending body sees the copies it sent, with their receipts, read-only.
The receiving body's clerk receives and registers (``receive``); its handler reports
(``report``); its leader sets the due date (``change``). Periodic reports are the reporting
body's."""

from django.db.models import Q

from phoihop.access.grants import organization_scope
from phoihop.access.policy import OrganizationGrantPolicy
from phoihop.access.registry import register_policy
from phoihop.casework.policies import TrackedItemPolicy
from phoihop.casework.scopes import NONE
from phoihop.exchange.models import Delivery, Dispatch, PeriodicReport


@register_policy
class DispatchPolicy(OrganizationGrantPolicy):
    model = Dispatch
    actions = ("view", "add")

    def scope(self, user, action: str) -> Q:
        scope = super().scope(user, action)
        if action == "view" and not user.is_superuser:
            received = organization_scope(user, "exchange.view_delivery", "organization")
            if received != NONE:
                scope |= Q(pk__in=Delivery.objects.filter(received).values("dispatch_id"))
        return scope


@register_policy
class DeliveryPolicy(TrackedItemPolicy):
    model = Delivery
    actions = ("view", "work", "assign", "supervise", "receive", "report", "change")

    def scope(self, user, action: str) -> Q:
        scope = super().scope(user, action)
        if action == "view" and not user.is_superuser:
            scope |= organization_scope(user, "exchange.view_dispatch", "sender")
        return scope


@register_policy
class PeriodicReportPolicy(OrganizationGrantPolicy):
    model = PeriodicReport
    actions = ("view", "add")
