"""Council API shapes."""

from rest_framework import serializers

from phoihop.council.models import Resolution, Task


class ResolutionSerializer(serializers.ModelSerializer):
    issuer = serializers.CharField(source="issuer_name", read_only=True)

    class Meta:
        model = Resolution
        fields = [
            "public_id",
            "symbol",
            "kind",
            "title",
            "summary",
            "normative",
            "issuer",
            "adopted_on",
            "signed_on",
            "published_on",
        ]


class TaskSerializer(serializers.ModelSerializer):
    organization = serializers.CharField(source="organization.name", read_only=True)
    assigned_by = serializers.CharField(source="assigned_by.name", read_only=True)
    resolution = serializers.CharField(source="resolution.symbol", read_only=True, default="")
    briefing = serializers.CharField(source="briefing.title", read_only=True, default="")

    class Meta:
        model = Task
        fields = [
            "public_id",
            "reference",
            "organization",
            "assigned_by",
            "resolution",
            "briefing",
            "title",
            "set_on",
            "due_by",
            "due_on",
            "status",
            "progress",
        ]


class TaskReportInput(serializers.Serializer):
    on = serializers.DateField()
    note = serializers.CharField()
    done = serializers.BooleanField(required=False, default=False)
