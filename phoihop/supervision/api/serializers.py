"""Supervision API shapes."""

from rest_framework import serializers

from phoihop.supervision.models import Recommendation


class RecommendationSerializer(serializers.ModelSerializer):
    organization = serializers.CharField(source="organization.name", read_only=True)
    supervised_by = serializers.CharField(source="supervised_by.name", read_only=True)
    plan = serializers.CharField(source="plan.reference", read_only=True)

    class Meta:
        model = Recommendation
        fields = [
            "public_id",
            "reference",
            "organization",
            "supervised_by",
            "plan",
            "topic",
            "content",
            "issued_on",
            "due_by",
            "due_on",
            "status",
            "result",
            "evidence",
        ]


class RecommendationStepInput(serializers.Serializer):
    step = serializers.ChoiceField(choices=["accept", "progress", "report_done", "verify", "close"])
    on = serializers.DateField()
    note = serializers.CharField(required=False, allow_blank=True, default="")
    evidence = serializers.CharField(required=False, allow_blank=True, default="")
    result = serializers.ChoiceField(
        choices=Recommendation.Result.choices, required=False, allow_blank=True, default=""
    )
    new_due_by = serializers.DateField(required=False, allow_null=True, default=None)
