"""Law-making API: consultations, their opinions per provision, and comments entered by
other systems (a province's mail system, a conference app), through the same selectors,
services and policies as the pages."""

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from phoihop.access.grants import has_permission_anywhere
from phoihop.core.errors import ApplicationError
from phoihop.lawmaking import selectors, services
from phoihop.lawmaking.api import serializers as s
from phoihop.lawmaking.models import Consultation, Critique, ProposalRound


class ConsultationViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """Consultations on drafts the caller's bodies run."""

    serializer_class = s.ConsultationSerializer
    lookup_field = "public_id"
    lookup_value_converter = "uuid"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Consultation.objects.none()
        if not has_permission_anywhere(self.request.user, "lawmaking.view_consultation"):
            raise Http404
        return selectors.consultation_list(viewer=self.request.user).order_by("-opens_on", "-id")

    def get_object(self):
        self.get_queryset()
        return selectors.consultation_get(
            viewer=self.request.user, public_id=self.kwargs["public_id"]
        )

    @extend_schema(responses=s.OpinionSerializer(many=True))
    @action(detail=True, methods=["get"])
    def opinions(self, request, public_id=None):
        """The consolidated opinions in the draft's order, with counts by commenter kind and
        the taking up or explaining."""
        item = self.get_object()
        rows = selectors.report_rows(item)
        page = self.paginate_queryset([r.opinion for r in rows])
        context = {"citations": selectors.citations(item.version)}
        data = s.OpinionSerializer(page, many=True, context=context).data
        return self.get_paginated_response(data)

    @extend_schema(request=s.CommentInput, responses={201: s.OpinionSerializer})
    @action(detail=True, methods=["post"])
    def comments(self, request, public_id=None):
        """Enter one comment (a letter, an e-mail, a speaker at a conference); it counts at once
        in the opinion of its wording."""
        item = self.get_object()
        data = s.CommentInput(data=request.data)
        data.is_valid(raise_exception=True)
        d = data.validated_data
        provision = None
        if d["provision"]:
            provision = item.version.provisions.filter(eid=d["provision"]).first()
            if provision is None:
                raise ValidationError({"provision": "Không có quy định này trong dự thảo."})
        try:
            [comment] = services.comments_enter(
                actor=request.user,
                consultation=item,
                on=d["received_on"],
                comments=[
                    services.CommentInput(
                        text=d["text"],
                        position=d["position"],
                        provision=provision,
                        commenter_kind=d["commenter_kind"],
                        commenter_name=d["commenter_name"],
                        organisation=d["organisation"],
                        proposed_wording=d["proposed_wording"],
                        received_on=d["received_on"],
                    )
                ],
            )
        except ApplicationError as exc:
            raise ValidationError({"detail": exc.message}) from exc
        opinion = comment.opinion
        opinion.refresh_from_db()
        context = {"citations": selectors.citations(item.version)}
        return Response(
            s.OpinionSerializer(opinion, context=context).data, status=status.HTTP_201_CREATED
        )


class _ReadOnly(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    lookup_field = "public_id"
    lookup_value_converter = "uuid"
    permission = ""
    model: type
    list_selector = ""
    get_selector = ""

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.model.objects.none()
        if not has_permission_anywhere(self.request.user, self.permission):
            raise Http404
        return getattr(selectors, self.list_selector)(viewer=self.request.user)

    def get_object(self):
        self.get_queryset()
        return getattr(selectors, self.get_selector)(
            viewer=self.request.user, public_id=self.kwargs["public_id"]
        )


class CritiqueViewSet(_ReadOnly):
    """The Front's social critiques the caller's bodies made or must answer, point by point
    with the drafting body's answer."""

    serializer_class = s.CritiqueSerializer
    permission = "lawmaking.view_critique"
    model = Critique
    list_selector, get_selector = "critique_list", "critique_get"


class ProposalRoundViewSet(_ReadOnly):
    """The delegation's legislative-task proposals for the NA term (LP-11), with the deputies'
    proposals."""

    serializer_class = s.ProposalRoundSerializer
    permission = "lawmaking.view_proposalround"
    model = ProposalRound
    list_selector, get_selector = "round_list", "round_get"

    def get_queryset(self):
        return super().get_queryset().prefetch_related("proposals")
