"""Voter-contact API: the same selectors, services and policies as the pages."""

from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from phoihop.access.grants import has_permission_anywhere
from phoihop.casework.api.views import ItemActionsMixin
from phoihop.core.errors import ApplicationError
from phoihop.voters import selectors, services
from phoihop.voters.api import serializers as s
from phoihop.voters.imports import Row
from phoihop.voters.models import ConsolidatedPetition, Meeting


def _valid(serializer_class, request):
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


class PublicMeetingViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Upcoming published voter meetings (public, as on the public site)."""

    serializer_class = s.MeetingSerializer
    permission_classes = [AllowAny]
    authentication_classes = []

    def get_queryset(self):
        return selectors.upcoming_public_meetings(today=timezone.localdate())


class PublicAnswerViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Published answers to voters' petitions (public, as on the public site)."""

    serializer_class = s.ConsolidatedSerializer
    permission_classes = [AllowAny]
    authentication_classes = []

    def get_queryset(self):
        return selectors.published_answers(field=self.request.query_params.get("field", ""))


class MeetingViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Voter meetings the caller's bodies organise or co-organise; petitions recorded per
    meeting (idempotent: a repeated row is skipped)."""

    serializer_class = s.MeetingSerializer
    lookup_field = "public_id"
    lookup_value_converter = "uuid"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Meeting.objects.none()
        if not has_permission_anywhere(self.request.user, "voters.view_meeting"):
            raise Http404
        return selectors.meeting_list(viewer=self.request.user)

    def get_object(self):
        self.get_queryset()
        return selectors.meeting_get(viewer=self.request.user, public_id=self.kwargs["public_id"])

    @extend_schema(request=s.PetitionsInput, responses={201: s.RecordedSerializer})
    @action(detail=True, methods=["post"])
    def petitions(self, request, public_id=None):
        """Record the meeting's petitions; all rows or none (a bad row is named)."""
        meeting = self.get_object()
        data = _valid(s.PetitionsInput, request)
        rows = [
            Row(n, r["text"], r["commune"], r["received_by"], r["voter"], r["kind"])
            for n, r in enumerate(data["petitions"], start=1)
        ]
        try:
            result = services.petitions_record(
                actor=request.user,
                rows=rows,
                session=meeting.session,
                meeting=meeting,
                source="imported",
            )
        except ApplicationError as exc:
            raise ValidationError({"detail": exc.message}) from exc
        return Response(s.RecordedSerializer(result).data, status=status.HTTP_201_CREATED)


class ConsolidatedViewSet(
    ItemActionsMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Consolidated voter petitions of the caller's bodies and of the bodies they supervise."""

    serializer_class = s.ConsolidatedSerializer
    item_serializer_class = s.ConsolidatedSerializer
    lookup_field = "public_id"
    lookup_value_converter = "uuid"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ConsolidatedPetition.objects.none()
        if not has_permission_anywhere(self.request.user, "voters.view_consolidatedpetition"):
            raise Http404
        return (
            selectors.consolidated_list(viewer=self.request.user)
            .exclude(status="withdrawn")
            .prefetch_related("communes")
        )

    def get_object(self):
        self.get_queryset()
        return selectors.consolidated_get(
            viewer=self.request.user, public_id=self.kwargs["public_id"]
        )

    @extend_schema(request=s.VoterAnswerInput, responses=s.ConsolidatedSerializer)
    @action(detail=True, methods=["post"])
    def answer(self, request, public_id=None):
        """The answering body's graded answer (it travels back to every body on the way)."""
        item = self.get_object()
        data = _valid(s.VoterAnswerInput, request)
        try:
            item = services.consolidated_answer(actor=request.user, item=item, **data)
        except ApplicationError as exc:
            raise ValidationError({"detail": exc.message}) from exc
        item.refresh_from_db()
        return Response(s.ConsolidatedSerializer(item).data)
