"""Council API: published resolutions and decisions (public, as on the public site), and the
tasks implementing resolutions and briefing conclusions, with the same selectors, services and
policies as the pages and the casework actions (assign, history, follow-up)."""

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from phoihop.access.grants import has_permission_anywhere
from phoihop.api.pagination import UncountedLimitOffsetPagination
from phoihop.casework.api.views import ItemActionsMixin
from phoihop.core.errors import ApplicationError
from phoihop.council import selectors, services
from phoihop.council.api import serializers as s
from phoihop.council.models import Task


class PublicResolutionViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Published resolutions of the council and decisions of its standing committee (public),
    newest published first; ``q`` searches the folded symbol, title and summary (with or
    without diacritics), ``kind`` and ``year`` filter. Pages are read without counting every
    match: ``next`` is null on the last page."""

    serializer_class = s.ResolutionSerializer
    permission_classes = [AllowAny]
    authentication_classes = []
    pagination_class = UncountedLimitOffsetPagination
    filter_backends: list = []
    lookup_field = "public_id"
    lookup_value_converter = "uuid"

    def get_queryset(self):
        return selectors.public_resolutions().select_related("organization__parent")

    @extend_schema(
        parameters=[
            OpenApiParameter("q", str, description="Từ khóa (có hoặc không dấu)"),
            OpenApiParameter("kind", str, enum=["council", "standing"]),
            OpenApiParameter("year", int),
        ]
    )
    def list(self, request, *args, **kwargs):
        params = request.query_params
        year = params.get("year", "")
        kind = params.get("kind", "")
        paginator = self.paginator
        offset, limit = paginator.get_offset(request), paginator.get_limit(request)
        window = selectors.public_resolution_window(
            query=params.get("q", "")[:200],
            kind=kind[:16],
            year=int(year) if year.isdigit() and len(year) == 4 else None,
            start=offset,
            stop=offset + limit,
            full=True,
        )
        rows = paginator.paginate_window(request, window.rows, has_next=window.has_next)
        return paginator.get_paginated_response(self.get_serializer(rows, many=True).data)

    def get_object(self):
        return selectors.public_resolution(public_id=self.kwargs["public_id"])


class TaskViewSet(
    ItemActionsMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Tasks the caller's bodies carry out or follow; ``overdue=1`` lists the overdue ones."""

    serializer_class = s.TaskSerializer
    item_serializer_class = s.TaskSerializer
    lookup_field = "public_id"
    lookup_value_converter = "uuid"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Task.objects.none()
        if not has_permission_anywhere(self.request.user, "council.view_task"):
            raise Http404
        return selectors.task_list(
            viewer=self.request.user, overdue=self.request.query_params.get("overdue") == "1"
        ).order_by("due_on", "id")

    def get_object(self):
        self.get_queryset()
        return selectors.task_get(viewer=self.request.user, public_id=self.kwargs["public_id"])

    @extend_schema(request=s.TaskReportInput, responses=s.TaskSerializer)
    @action(detail=True, methods=["post"])
    def report(self, request, public_id=None):
        """The responsible body reports progress, or that the task is done."""
        task = self.get_object()
        data = s.TaskReportInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            task = services.task_report(actor=request.user, task=task, **data.validated_data)
        except ApplicationError as exc:
            raise ValidationError({"detail": exc.message}) from exc
        return Response(s.TaskSerializer(task).data)
