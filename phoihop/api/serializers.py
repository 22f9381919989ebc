from rest_framework import serializers

from phoihop.notifications.models import Notification
from phoihop.organizations.models import Membership, Organization, Person


class OrganizationSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    parent = serializers.UUIDField(source="parent.public_id", read_only=True, allow_null=True)
    admin_unit = serializers.CharField(source="admin_unit.name", read_only=True)

    class Meta:
        model = Organization
        fields = [
            "id",
            "code",
            "name",
            "short_name",
            "doc_abbreviation",
            "kind",
            "parent",
            "admin_unit",
            "email",
            "valid_from",
            "valid_to",
        ]


class PersonSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)

    class Meta:
        model = Person
        fields = ["id", "full_name", "gender"]


class MembershipSerializer(serializers.ModelSerializer):
    person = serializers.UUIDField(source="person.public_id", read_only=True)
    organization = serializers.UUIDField(source="organization.public_id", read_only=True)

    class Meta:
        model = Membership
        fields = ["id", "person", "organization", "label", "starts_on", "ends_on"]


class NotificationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Notification
        fields = ["id", "title", "body", "url", "created_at", "read_at"]
        read_only_fields = fields


class MeSerializer(serializers.Serializer):
    username = serializers.CharField()
    full_name = serializers.CharField()
    kind = serializers.CharField()
    roles = serializers.ListField(child=serializers.DictField())
