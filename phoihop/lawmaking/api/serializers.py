"""Law-making API shapes."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from phoihop.lawmaking.models import (
    CommenterKind,
    Consultation,
    Critique,
    CritiquePoint,
    LegislativeProposal,
    Opinion,
    Position,
    ProposalRound,
)


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


class CritiquePointSerializer(serializers.ModelSerializer):
    provision = serializers.SerializerMethodField()

    class Meta:
        model = CritiquePoint
        fields = ["provision", "text", "proposal", "response", "response_text"]

    def get_provision(self, obj) -> str:
        return self.context.get("citations", {}).get(obj.provision_id, "")


class CritiqueSerializer(serializers.ModelSerializer):
    organization = serializers.CharField(source="organization.name", read_only=True)
    drafting_organization = serializers.CharField(
        source="drafting_organization.name", read_only=True
    )
    draft = serializers.CharField(source="draft.title", read_only=True)
    version = serializers.IntegerField(source="version.number", read_only=True)
    document = serializers.CharField(source="document.symbol", read_only=True, default="")
    answer_document = serializers.CharField(
        source="answer_document.symbol", read_only=True, default=""
    )
    points = serializers.SerializerMethodField()

    class Meta:
        model = Critique
        fields = [
            "public_id",
            "reference",
            "title",
            "status",
            "organization",
            "drafting_organization",
            "draft",
            "version",
            "sent_on",
            "answer_by",
            "due_on",
            "answered_on",
            "document",
            "answer_document",
            "points",
        ]

    @extend_schema_field(CritiquePointSerializer(many=True))
    def get_points(self, obj) -> list:
        from phoihop.lawmaking.selectors import citations

        return CritiquePointSerializer(
            obj.points.all(), many=True, context={"citations": citations(obj.version)}
        ).data


class LegislativeProposalSerializer(serializers.ModelSerializer):
    class Meta:
        model = LegislativeProposal
        fields = ["deputy", "kind", "title", "reasons", "content", "received_on"]


class ProposalRoundSerializer(serializers.ModelSerializer):
    organization = serializers.CharField(source="organization.name", read_only=True)
    document = serializers.CharField(source="document.symbol", read_only=True, default="")
    proposals = LegislativeProposalSerializer(many=True, read_only=True)

    class Meta:
        model = ProposalRound
        fields = [
            "public_id",
            "reference",
            "term",
            "first_year",
            "organization",
            "addressee",
            "status",
            "due_on",
            "sent_on",
            "document",
            "proposals",
        ]
