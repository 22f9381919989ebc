"""Elections API: the same selectors, services and policies as the pages."""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from phoihop.access.grants import has_permission_anywhere
from phoihop.core.errors import ApplicationError
from phoihop.elections import reports, services
from phoihop.elections.api import serializers as s
from phoihop.elections.models import Election
from phoihop.elections.selectors import area_get, contest_get, election_get, election_list


def _visible(request, permission: str = "elections.view_election") -> None:
    if not has_permission_anywhere(request.user, permission):
        raise Http404


class ElectionViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Elections the caller may see, their timetables and their results (NIST SP 1500-100)."""

    serializer_class = s.ElectionSerializer
    lookup_field = "public_id"
    lookup_value_converter = "uuid"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Election.objects.none()
        _visible(self.request)
        return election_list(viewer=self.request.user).prefetch_related("contests__constituency")

    def get_object(self):
        _visible(self.request)
        return election_get(viewer=self.request.user, public_id=self.kwargs["public_id"])

    @extend_schema(responses=s.TimetableRowSerializer(many=True))
    @action(detail=True)
    def timetable(self, request, public_id=None):
        """The statutory timetable, counted back from election day."""
        return Response(
            s.TimetableRowSerializer(services.timetable(self.get_object()), many=True).data
        )

    @extend_schema(responses=dict)
    @action(detail=True)
    def results(self, request, public_id=None):
        """The results as a NIST SP 1500-100 v2 ElectionReport."""
        return Response(reports.results_nist(self.get_object()))


class ContestViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """One constituency's round of voting: candidates, polling areas, protocols, result."""

    serializer_class = s.ContestSerializer
    lookup_field = "public_id"
    lookup_value_converter = "uuid"

    def get_queryset(self):
        return Election.objects.none()

    def get_object(self):
        _visible(self.request)
        return contest_get(viewer=self.request.user, public_id=self.kwargs["public_id"])

    @extend_schema(request=s.ProtocolInputSerializer, responses=s.ProtocolSerializer)
    @action(detail=True, methods=["post"])
    def protocols(self, request, public_id=None):
        """Enter (or import) a polling area's minutes; the second entry, by someone else, is
        compared with the first, and a difference or an inconsistency holds the protocol."""
        _visible(request, "elections.enter_election")
        contest = self.get_object()
        data = s.ProtocolInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        area = area_get(contest=contest, number=values.pop("area"))
        try:
            protocol = services.protocol_enter(actor=request.user, area=area, numbers=values)
        except ApplicationError as exc:
            raise ValidationError({"detail": exc.message}) from exc
        return Response(s.ProtocolSerializer(protocol).data)

    @extend_schema(request=None, responses=s.ContestSerializer)
    @action(detail=True, methods=["post"])
    def tabulate(self, request, public_id=None):
        """Determine the result once every polling area's protocol is accepted (Đ78–Đ80)."""
        _visible(request, "elections.audit_election")
        contest = self.get_object()
        try:
            contest = services.contest_tabulate(actor=request.user, contest=contest)
        except ApplicationError as exc:
            raise ValidationError({"detail": exc.message}) from exc
        return Response(s.ContestSerializer(contest).data)
