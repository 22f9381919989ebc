"""Exchange API (read only): the documents a body sent and received, with their receipts and
registration dates, and its periodic reports; the same selectors and policies as the pages."""

from django.http import Http404
from rest_framework import mixins, viewsets

from phoihop.access.grants import has_permission_anywhere
from phoihop.exchange import selectors
from phoihop.exchange.api import serializers as s
from phoihop.exchange.models import Delivery, Dispatch, PeriodicReport


class _ReadOnly(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    lookup_field = "public_id"
    lookup_value_converter = "uuid"
    model: type
    permission: str
    select: str
    get_one: str

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.model.objects.none()
        if not has_permission_anywhere(self.request.user, self.permission):
            raise Http404
        return getattr(selectors, self.select)(viewer=self.request.user).order_by("-id")

    def get_object(self):
        self.get_queryset()
        return getattr(selectors, self.get_one)(
            viewer=self.request.user, public_id=self.kwargs["public_id"]
        )


class DispatchViewSet(_ReadOnly):
    """Documents the caller's bodies sent, and those sent to them, with each copy's receipt."""

    serializer_class = s.DispatchSerializer
    model, permission = Dispatch, "exchange.view_dispatch"
    select, get_one = "dispatch_list", "dispatch_get"

    def get_queryset(self):
        qs = super().get_queryset()
        return qs.prefetch_related("deliveries__organization", "deliveries__acknowledged_by")


class DeliveryViewSet(_ReadOnly):
    """Copies sent to the caller's bodies (and those their bodies sent): registration, receipt,
    handling."""

    serializer_class = s.DeliverySerializer
    model, permission = Delivery, "exchange.view_delivery"
    select, get_one = "delivery_list", "delivery_get"


class PeriodicReportViewSet(_ReadOnly):
    """Periodic reports of the caller's bodies: window, due date, figures, document number."""

    serializer_class = s.PeriodicReportSerializer
    model, permission = PeriodicReport, "exchange.view_periodicreport"
    select, get_one = "report_list", "report_get"


ROUTES = [
    ("exchange-dispatches", DispatchViewSet, "exchange-dispatch"),
    ("exchange-deliveries", DeliveryViewSet, "exchange-delivery"),
    ("periodic-reports", PeriodicReportViewSet, "periodic-report"),
]
