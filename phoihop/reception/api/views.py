"""Reception API: the same selectors, services and policies as the pages."""

from datetime import timedelta

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from phoihop.access.grants import has_permission_anywhere
from phoihop.core.errors import ApplicationError
from phoihop.organizations.selectors import organizations_where
from phoihop.reception import services
from phoihop.reception.api import serializers as s
from phoihop.reception.models import Visit
from phoihop.reception.selectors import (
    reception_days,
    schedule_published_list,
    visit_get,
    visit_list,
)

UPCOMING_WEEKS = 13


class PublishedScheduleViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Published reception schedules (public, as on the public site)."""

    serializer_class = s.ScheduleSerializer
    permission_classes = [AllowAny]
    authentication_classes = []

    def get_queryset(self):
        today = timezone.localdate()
        return schedule_published_list(start=today, end=today + timedelta(weeks=UPCOMING_WEEKS))

    @extend_schema(responses=s.ReceptionDaySerializer(many=True))
    @action(detail=False, url_path="days", pagination_class=None, filter_backends=[])
    def days(self, request):
        """Reception days of the next 13 weeks, moved off non-working days."""
        today = timezone.localdate()
        end = today + timedelta(weeks=UPCOMING_WEEKS)
        days = reception_days(list(self.get_queryset()), start=today, end=end)
        return Response(s.ReceptionDaySerializer(days, many=True).data)


def _application_error(exc) -> ValidationError:
    if isinstance(exc, DjangoValidationError):
        return ValidationError(exc.message_dict if hasattr(exc, "error_dict") else exc.messages)
    return ValidationError({"detail": exc.message})


class VisitViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """The reception register of the caller's bodies."""

    serializer_class = s.VisitSerializer
    lookup_field = "public_id"
    lookup_value_converter = "uuid"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no user to ask
            return Visit.objects.none()
        if not has_permission_anywhere(self.request.user, "reception.view_visit"):
            raise Http404
        return visit_list(viewer=self.request.user).prefetch_related("citizens", "items")

    def get_object(self):
        self.get_queryset()
        return visit_get(viewer=self.request.user, public_id=self.kwargs["public_id"])

    @extend_schema(request=s.VisitCreateSerializer, responses={201: s.VisitSerializer})
    def create(self, request):
        """Enter a visit; each content becomes a letter (same rules as the page)."""
        data = s.VisitCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        organization = (
            organizations_where(request.user, "reception.add_visit")
            .filter(public_id=values.pop("organization"))
            .first()
        )
        if organization is None:
            raise ValidationError({"organization": ["Không có quyền vào sổ cho cơ quan này."]})
        try:
            visit = services.visit_register(
                actor=request.user,
                organization=organization,
                received_by=request.user,
                citizens=[services.CitizenInput(**c) for c in values.pop("citizens")],
                items=[
                    services.ItemInput(content=i["content"], documents=tuple(i["documents"]))
                    for i in values.pop("items")
                ],
                **values,
            )
        except (ApplicationError, DjangoValidationError) as exc:
            raise _application_error(exc) from exc
        visit = visit_get(viewer=request.user, public_id=visit.public_id)
        return Response(s.VisitSerializer(visit).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.VisitAnswerSerializer, responses=s.VisitSerializer)
    @action(detail=True, methods=["post"])
    def answer(self, request, public_id=None):
        """Record the answer to the citizens (stops the XL-01 clock)."""
        visit = self.get_object()
        data = s.VisitAnswerSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            services.visit_answer(actor=request.user, visit=visit, **data.validated_data)
        except ApplicationError as exc:
            raise _application_error(exc) from exc
        return Response(s.VisitSerializer(visit_get(viewer=request.user, public_id=public_id)).data)
