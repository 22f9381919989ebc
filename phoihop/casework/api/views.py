"""The casework layer's API: follow-up requests, and the actions every item viewset shares
(``ItemActionsMixin``: assign, history, follow-up)."""

from typing import TYPE_CHECKING, Any

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from phoihop.casework import selectors, services
from phoihop.casework.api import serializers as s


def _valid(serializer_class, request):
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


class ItemActionsMixin:
    """Add to an area's item viewset (``lookup_field = "public_id"``): ``POST …/assign``,
    ``GET …/history``, ``POST …/follow-up``. The item comes from the viewset's own
    ``get_object`` (its selector), so an unseen item is a 404."""

    item_serializer_class: type

    if TYPE_CHECKING:

        def get_object(self) -> Any: ...

    @extend_schema(request=s.AssignInput, responses=None)
    @action(detail=True, methods=["post"])
    def assign(self, request, public_id=None):
        """Give the item to an officer; they are notified and own its clocks."""
        item = self.get_object()
        data = _valid(s.AssignInput, request)
        item = services.item_assign(
            actor=request.user, item=item, assignee=data["assignee"], note=data["note"]
        )
        return Response(self.item_serializer_class(item).data)

    @extend_schema(responses=s.StepSerializer(many=True))
    # The whole history as a plain list; without ``pagination_class=None`` the schema would
    # document a page ({"count", "results"}) that the answer is not.
    @action(detail=True, methods=["get"], pagination_class=None)
    def history(self, request, public_id=None):
        steps = selectors.step_list(item=self.get_object())
        return Response(s.StepSerializer(steps, many=True).data)

    @extend_schema(request=s.FollowUpInput, responses={201: s.FollowUpSerializer})
    @action(detail=True, methods=["post"], url_path="follow-up")
    def follow_up(self, request, public_id=None):
        """A supervising body's request to consider and resolve the item (a numbered công văn,
        tracked on the responsible body's clock)."""
        item = self.get_object()
        data = _valid(s.FollowUpInput, request)
        follow_up = services.follow_up_send(
            actor=request.user,
            item=item,
            content=data["content"],
            on=timezone.localdate(),
            idempotency_key=data["idempotency_key"],
        )
        return Response(s.FollowUpSerializer(follow_up).data, status=status.HTTP_201_CREATED)


class FollowUpViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Follow-up requests of the supervising bodies, about any kind of item."""

    serializer_class = s.FollowUpSerializer
    lookup_field = "public_id"

    def get_queryset(self):
        return selectors.follow_up_list(viewer=self.request.user).select_related("item_type")

    @extend_schema(request=s.AnswerInput, responses=s.FollowUpSerializer)
    @action(detail=True, methods=["post"])
    def answer(self, request, public_id=None):
        follow_up = self.get_object()
        data = _valid(s.AnswerInput, request)
        follow_up = services.follow_up_answer(
            actor=request.user, follow_up=follow_up, answer=data["answer"], on=timezone.localdate()
        )
        return Response(s.FollowUpSerializer(follow_up).data)
