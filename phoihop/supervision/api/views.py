"""Supervision API: the recommendations, with the same selectors, services and policies as the
pages, and the casework actions (assign, history, follow-up)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from phoihop.access.grants import has_permission_anywhere
from phoihop.casework.api.views import ItemActionsMixin
from phoihop.core.errors import ApplicationError
from phoihop.supervision import selectors, services
from phoihop.supervision.api import serializers as s
from phoihop.supervision.models import Recommendation


class RecommendationViewSet(
    ItemActionsMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Recommendations after supervision the caller's bodies carry out or supervise."""

    serializer_class = s.RecommendationSerializer
    item_serializer_class = s.RecommendationSerializer
    lookup_field = "public_id"
    lookup_value_converter = "uuid"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Recommendation.objects.none()
        if not has_permission_anywhere(self.request.user, "supervision.view_plan"):
            raise Http404
        params = self.request.query_params
        return selectors.recommendation_list(
            viewer=self.request.user,
            status=params.get("status", ""),
            topic=params.get("topic", ""),
            overdue=params.get("overdue") == "1",
        ).order_by("due_by", "id")

    def get_object(self):
        self.get_queryset()
        return selectors.recommendation_get(
            viewer=self.request.user, public_id=self.kwargs["public_id"]
        )

    @extend_schema(request=s.RecommendationStepInput, responses=s.RecommendationSerializer)
    @action(detail=True, methods=["post"])
    def step(self, request, public_id=None):
        """A step of the findings lifecycle: accept, progress, report_done (with evidence) by
        the responsible body; verify (with the result) and close by the supervising body."""
        rec = self.get_object()
        data = s.RecommendationStepInput(data=request.data)
        data.is_valid(raise_exception=True)
        d = data.validated_data
        common = {"actor": request.user, "rec": rec, "on": d["on"]}
        try:
            match d["step"]:
                case "accept":
                    rec = services.recommendation_accept(**common, note=d["note"])
                case "progress":
                    rec = services.recommendation_progress(**common, note=d["note"])
                case "report_done":
                    rec = services.recommendation_report_done(
                        **common, note=d["note"], evidence=d["evidence"]
                    )
                case "verify":
                    rec = services.recommendation_verify(
                        **common, result=d["result"], note=d["note"], new_due_by=d["new_due_by"]
                    )
                case _:
                    rec = services.recommendation_close(**common, note=d["note"])
        except ApplicationError as exc:
            raise ValidationError({"detail": exc.message}) from exc
        except DjangoValidationError as exc:
            raise ValidationError(exc.messages) from exc
        rec = selectors.recommendation_get(viewer=request.user, public_id=rec.public_id)
        return Response(s.RecommendationSerializer(rec).data)
