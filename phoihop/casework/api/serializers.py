"""The casework layer's API shapes, shared by every kind of item."""

from django.contrib.auth import get_user_model
from rest_framework import serializers

from phoihop.casework.models import FollowUp, Step


class OrganizationRef(serializers.Serializer):
    id = serializers.UUIDField(source="public_id")
    name = serializers.CharField()


class StepSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    actor = serializers.CharField(source="actor.get_full_name", read_only=True)
    document = serializers.CharField(source="document.symbol", read_only=True, allow_null=True)

    class Meta:
        model = Step
        fields = ["kind", "kind_label", "on", "note", "actor", "document"]


class FollowUpSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    item = serializers.SerializerMethodField()
    organization = OrganizationRef(read_only=True)
    from_organization = OrganizationRef(read_only=True)
    document = serializers.CharField(source="document.symbol", read_only=True, allow_null=True)

    class Meta:
        model = FollowUp
        fields = [
            "id",
            "reference",
            "item",
            "organization",
            "from_organization",
            "content",
            "sent_on",
            "document",
            "status",
            "due_on",
            "answer",
            "answered_on",
        ]

    def get_item(self, follow_up) -> dict:
        return {
            "kind": f"{follow_up.item_type.app_label}.{follow_up.item_type.model}",
            "id": str(follow_up.item.public_id),
        }


class AssignInput(serializers.Serializer):
    assignee = serializers.SlugRelatedField(
        slug_field="username",
        queryset=get_user_model().objects.filter(is_active=True),
        help_text="Tên đăng nhập của cán bộ được giao.",
    )
    note = serializers.CharField(required=False, allow_blank=True, max_length=500, default="")


class FollowUpInput(serializers.Serializer):
    content = serializers.CharField()
    idempotency_key = serializers.CharField(
        required=False, allow_blank=True, max_length=64, default=""
    )


class AnswerInput(serializers.Serializer):
    answer = serializers.CharField()
