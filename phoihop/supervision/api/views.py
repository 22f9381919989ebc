"""Supervision API: programmes, plans (with their visits), recommendations, questions and
pledges, with the same selectors, services and policies as the pages (an unseen object is a
404), lists paged by the API's bounded paging, and the casework actions (assign, history,
follow-up) on the tracked items."""

from uuid import UUID

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from phoihop.access.grants import has_permission_anywhere
from phoihop.casework.api.views import ItemActionsMixin
from phoihop.supervision import selectors, services
from phoihop.supervision.api import serializers as s
from phoihop.supervision.models import Plan, Pledge, Programme, Question, Recommendation, Visit


def _valid(serializer_class, request):
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


class _AreaViewSet(viewsets.GenericViewSet):
    """Reached only with *permission* somewhere (else 404, as the pages); the objects come
    from the area's selectors (``list_selector`` / ``get_selector``)."""

    lookup_field = "public_id"
    lookup_value_converter = "uuid"
    permission: str = ""
    model: type
    list_selector: str = ""
    get_selector: str = ""

    def _reachable(self) -> None:
        if not has_permission_anywhere(self.request.user, self.permission):
            raise Http404

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.model.objects.none()
        self._reachable()
        return getattr(selectors, self.list_selector)(viewer=self.request.user)

    def get_object(self):
        self._reachable()
        return getattr(selectors, self.get_selector)(
            viewer=self.request.user, public_id=self.kwargs["public_id"]
        )


class ProgrammeViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, _AreaViewSet):
    """Supervision programmes of the caller's bodies, with their topics."""

    serializer_class = s.ProgrammeSerializer
    permission = "supervision.view_programme"
    model = Programme
    list_selector, get_selector = "programme_list", "programme_get"

    def get_queryset(self):
        return super().get_queryset().prefetch_related("topics__lead")


class PlanViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin, _AreaViewSet
):
    """Supervision plans the caller's bodies lead or are supervised by, with the team and the
    bodies; a new plan (thematic, or one of the Front's forms; ``previous`` for a
    re-supervision); the plan's visits and their minutes."""

    serializer_class = s.PlanSerializer
    permission = "supervision.view_plan"
    model = Plan
    list_selector, get_selector = "plan_list", "plan_get"

    def get_queryset(self):
        qs = super().get_queryset().prefetch_related("bodies__organization", "team__organization")
        return qs.select_related("previous")

    @extend_schema(request=s.PlanInput, responses={201: s.PlanSerializer})
    def create(self, request, *args, **kwargs):
        self._reachable()
        d = _valid(s.PlanInput, request)
        previous = d.pop("previous")
        if previous is not None:
            previous = selectors.plan_get(viewer=request.user, public_id=previous)
        plan = services.plan_create(
            actor=request.user,
            previous=previous,
            bodies=list(d.pop("bodies")),
            **d,
        )
        plan = selectors.plan_get(viewer=request.user, public_id=plan.public_id)
        return Response(s.PlanSerializer(plan).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        methods=["get"],
        responses=s.SupervisionVisitSerializer(many=True),
        request=None,
        operation_id=None,
    )
    @extend_schema(
        methods=["post"],
        request=s.SupervisionVisitInput,
        responses={201: s.SupervisionVisitSerializer},
    )
    # A plain list (a plan has a handful of visits): no page in the schema either.
    @action(detail=True, methods=["get", "post"], pagination_class=None)
    def visits(self, request, public_id=None):
        """The plan's visits (GET); record a visit and its minutes (POST)."""
        plan = self.get_object()
        if request.method == "GET":
            return Response(
                s.SupervisionVisitSerializer(selectors.plan_visits(plan=plan), many=True).data
            )
        visit = services.visit_record(
            actor=request.user,
            plan=plan,
            **_valid(s.SupervisionVisitInput, request),
        )
        return Response(s.SupervisionVisitSerializer(visit).data, status=status.HTTP_201_CREATED)


class VisitViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, _AreaViewSet):
    """Visits of the plans the caller sees, with their minutes (``plan``: one plan's)."""

    serializer_class = s.SupervisionVisitSerializer
    permission = "supervision.view_plan"
    model = Visit
    list_selector, get_selector = "visit_list", "visit_get"

    @extend_schema(parameters=[OpenApiParameter("plan", str, description="mã công khai")])
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    def get_queryset(self):
        qs = super().get_queryset()
        plan = self.request.query_params.get("plan")
        if plan:
            try:
                qs = qs.filter(plan__public_id=UUID(plan))
            except ValueError:
                raise ValidationError({"plan": "Mã kế hoạch không hợp lệ."}) from None
        return qs.order_by("held_on", "id")


class RecommendationViewSet(
    ItemActionsMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, _AreaViewSet
):
    """Recommendations after supervision the caller's bodies carry out or supervise."""

    serializer_class = s.RecommendationSerializer
    item_serializer_class = s.RecommendationSerializer
    permission = "supervision.view_plan"
    model = Recommendation
    get_selector = "recommendation_get"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Recommendation.objects.none()
        self._reachable()
        params = self.request.query_params
        return selectors.recommendation_list(
            viewer=self.request.user,
            status=params.get("status", ""),
            topic=params.get("topic", ""),
            overdue=params.get("overdue") == "1",
        ).order_by("due_by", "id")

    @extend_schema(request=s.RecommendationStepInput, responses=s.RecommendationSerializer)
    @action(detail=True, methods=["post"])
    def step(self, request, public_id=None):
        """A step of the findings lifecycle: reply (a Front recommendation: who answered,
        ``taken_up``, the reply in ``note``), accept, progress, report_done (with evidence) by
        the responsible body; verify (with the result) and close by the supervising body."""
        rec = self.get_object()
        d = _valid(s.RecommendationStepInput, request)
        rec = services.recommendation_step(actor=request.user, rec=rec, **d)
        rec = selectors.recommendation_get(viewer=request.user, public_id=rec.public_id)
        return Response(s.RecommendationSerializer(rec).data)


class QuestionViewSet(
    ItemActionsMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, _AreaViewSet
):
    """Questions (chất vấn) to the caller's bodies' officials, or at the caller's sittings; the
    answer with the pledges made in it."""

    serializer_class = s.QuestionSerializer
    item_serializer_class = s.QuestionSerializer
    permission = "supervision.view_sitting"
    model = Question
    list_selector, get_selector = "question_list", "question_get"

    def get_queryset(self):
        return super().get_queryset().order_by("registered_on", "id")

    @extend_schema(request=s.QuestionAnswerInput, responses=s.QuestionSerializer)
    @action(detail=True, methods=["post"])
    def answer(self, request, public_id=None):
        """Record the answer (oral by the sitting's secretariat, written by the official's
        body) and its pledges, each tracked to done."""
        question = self.get_object()
        d = _valid(s.QuestionAnswerInput, request)
        pledges = [services.PledgeInput(p["content"], p["due_by"]) for p in d.pop("pledges")]
        question = services.question_answer(
            actor=request.user, question=question, pledges=pledges, **d
        )
        question = selectors.question_get(viewer=request.user, public_id=question.public_id)
        return Response(s.QuestionSerializer(question).data)


class PledgeViewSet(
    ItemActionsMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, _AreaViewSet
):
    """Pledges made in answers, tracked to done: progress and done by the official's body,
    the assessment by the council."""

    serializer_class = s.PledgeSerializer
    item_serializer_class = s.PledgeSerializer
    permission = "supervision.view_sitting"
    model = Pledge
    list_selector, get_selector = "pledge_list", "pledge_get"

    def get_queryset(self):
        return super().get_queryset().order_by("due_by", "id")

    @extend_schema(request=s.PledgeStepInput, responses=s.PledgeSerializer)
    @action(detail=True, methods=["post"])
    def step(self, request, public_id=None):
        pledge = self.get_object()
        d = _valid(s.PledgeStepInput, request)
        pledge = services.pledge_step(actor=request.user, pledge=pledge, **d)
        pledge = selectors.pledge_get(viewer=request.user, public_id=pledge.public_id)
        return Response(s.PledgeSerializer(pledge).data)


# The area's other endpoints, registered by the API's router (``phoihop/api/urls.py``).
ROUTES = [
    ("supervision-programmes", ProgrammeViewSet, "supervision-programme"),
    ("supervision-plans", PlanViewSet, "supervision-plan"),
    ("supervision-visits", VisitViewSet, "supervision-visit"),
    ("supervision-questions", QuestionViewSet, "supervision-question"),
    ("supervision-pledges", PledgeViewSet, "supervision-pledge"),
]
