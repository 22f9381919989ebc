"""Law-making API shapes."""

from rest_framework import serializers

from phoihop.lawmaking.models import CommenterKind, Consultation, Opinion, Position


class ConsultationSerializer(serializers.ModelSerializer):
    organization = serializers.CharField(source="organization.name", read_only=True)
    draft = serializers.CharField(source="draft.title", read_only=True)
    version = serializers.IntegerField(source="version.number", read_only=True)

    class Meta:
        model = Consultation
        fields = [
            "public_id",
            "reference",
            "title",
            "kind",
            "organization",
            "draft",
            "version",
            "opens_on",
            "closes_on",
            "due_on",
            "status",
            "is_public",
            "published_at",
        ]


class OpinionSerializer(serializers.ModelSerializer):
    provision = serializers.SerializerMethodField()

    class Meta:
        model = Opinion
        fields = [
            "public_id",
            "provision",
            "position",
            "text",
            "proposed_wording",
            "count",
            "kinds",
            "response",
            "response_text",
        ]

    def get_provision(self, obj) -> str:
        return self.context.get("citations", {}).get(obj.provision_id, "")


class CommentInput(serializers.Serializer):
    provision = serializers.CharField(
        required=False, allow_blank=True, default="", help_text="Mã quy định (eid), trống: chung"
    )
    position = serializers.ChoiceField(choices=Position.choices)
    text = serializers.CharField()
    proposed_wording = serializers.CharField(required=False, allow_blank=True, default="")
    commenter_kind = serializers.ChoiceField(choices=CommenterKind.choices)
    commenter_name = serializers.CharField(required=False, allow_blank=True, default="")
    organisation = serializers.CharField(required=False, allow_blank=True, default="")
    received_on = serializers.DateField()
