"""Thin API endpoints: parse, call selectors and services, serialize. Same policies as the web."""

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, viewsets
from rest_framework.decorators import (
    action,
    api_view,
    authentication_classes,
    permission_classes,
)
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from phoihop.access.models import Grant
from phoihop.api import serializers
from phoihop.notifications.selectors import notification_list
from phoihop.notifications.services import notification_mark_read
from phoihop.organizations.popolo import popolo_export
from phoihop.organizations.selectors import membership_list, organization_list, person_list


class OrganizationViewSet(viewsets.ReadOnlyModelViewSet):
    """Bodies and their units."""

    serializer_class = serializers.OrganizationSerializer
    lookup_field = "public_id"

    def get_queryset(self):
        return organization_list(viewer=self.request.user)


class PersonViewSet(viewsets.ReadOnlyModelViewSet):
    """People of the organizations the caller may see."""

    serializer_class = serializers.PersonSerializer
    lookup_field = "public_id"

    def get_queryset(self):
        return person_list(viewer=self.request.user)


class MembershipViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.MembershipSerializer

    def get_queryset(self):
        return membership_list(viewer=self.request.user)


class NotificationViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    """The caller's own notifications."""

    serializer_class = serializers.NotificationSerializer

    def get_queryset(self):
        return notification_list(viewer=self.request.user)

    @extend_schema(request=None)
    @action(detail=True, methods=["post"])
    def read(self, request, pk=None):
        notification = notification_mark_read(notification=self.get_object(), actor=request.user)
        return Response(self.get_serializer(notification).data)


@extend_schema(responses=serializers.MeSerializer)
@api_view(["GET"])
def me(request):
    """The caller's account and grants."""
    grants = Grant.objects.filter(user=request.user, revoked_at__isnull=True).select_related(
        "role", "organization"
    )
    return Response(
        {
            "username": request.user.username,
            "full_name": request.user.full_name,
            "kind": request.user.kind,
            "roles": [
                {
                    "role": g.role.code,
                    "organization": str(g.organization.public_id),
                    "include_subtree": g.include_subtree,
                }
                for g in grants
            ],
        }
    )


@extend_schema(responses=dict)
@api_view(["GET"])
def popolo(request):
    """Persons, organizations and memberships as Popolo JSON."""
    return Response(popolo_export(viewer=request.user))


@extend_schema(exclude=True)
@api_view(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"])
@authentication_classes([])
@permission_classes([AllowAny])
def not_found(request, *args, **kwargs):
    """No such endpoint (or an id in a form no endpoint takes): 404, as JSON."""
    raise NotFound
