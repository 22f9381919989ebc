"""Reception API shapes. Citizens appear by pseudonym only; identities stay in the vault."""

from rest_framework import serializers

from phoihop.reception.models import Schedule, Visit, VisitCitizen, VisitItem
from phoihop.reception.services import SCHEDULE_FIELDS


class ScheduleSerializer(serializers.ModelSerializer):
    organization = serializers.UUIDField(source="organization.public_id", read_only=True)
    description = serializers.CharField(source="describe", read_only=True)

    class Meta:
        model = Schedule
        # The note is for staff; everything else is what the public schedule page shows.
        fields = [
            "public_id",
            "organization",
            *(f for f in SCHEDULE_FIELDS if f != "note"),
            "description",
        ]


class ReceptionDaySerializer(serializers.Serializer):
    schedule = serializers.UUIDField(source="schedule.public_id")
    official_title = serializers.CharField(source="schedule.official_title")
    planned_on = serializers.DateField()
    held_on = serializers.DateField()
    moved = serializers.BooleanField()


class VisitCitizenSerializer(serializers.ModelSerializer):
    class Meta:
        model = VisitCitizen
        fields = ["position", "pseudonym", "is_representative"]


class VisitItemSerializer(serializers.ModelSerializer):
    documents = serializers.ListField(source="document_titles", child=serializers.CharField())
    letter_public_id = serializers.UUIDField(
        source="item.public_id", read_only=True, allow_null=True, default=None
    )

    class Meta:
        model = VisitItem
        fields = ["position", "content", "documents", "letter_public_id"]


class VisitSerializer(serializers.ModelSerializer):
    organization = serializers.UUIDField(source="organization.public_id", read_only=True)
    received_by = serializers.CharField(source="received_by.get_full_name", read_only=True)
    citizens = VisitCitizenSerializer(many=True, read_only=True)
    items = VisitItemSerializer(many=True, read_only=True)

    class Meta:
        model = Visit
        fields = [
            "public_id",
            "reference",
            "organization",
            "kind",
            "visited_on",
            "received_by",
            "headcount",
            "outcome",
            "outcome_note",
            "status",
            "answered_on",
            "answer",
            "citizens",
            "items",
        ]


class CitizenInputSerializer(serializers.Serializer):
    full_name = serializers.CharField(required=False, allow_blank=True, max_length=200)
    address = serializers.CharField(required=False, allow_blank=True, max_length=300)
    phone = serializers.CharField(required=False, allow_blank=True, max_length=30)
    id_number = serializers.CharField(required=False, allow_blank=True, max_length=20)
    is_representative = serializers.BooleanField(required=False, default=False)


class ItemInputSerializer(serializers.Serializer):
    content = serializers.CharField()
    documents = serializers.ListField(child=serializers.CharField(), required=False, default=list)


class VisitCreateSerializer(serializers.Serializer):
    organization = serializers.UUIDField()
    visited_on = serializers.DateField()
    kind = serializers.ChoiceField(choices=Visit.Kind.choices, default=Visit.Kind.REGULAR)
    headcount = serializers.IntegerField(min_value=1, required=False)
    outcome = serializers.ChoiceField(choices=Visit.Outcome.choices, default=Visit.Outcome.LETTERS)
    outcome_note = serializers.CharField(required=False, allow_blank=True, default="")
    citizens = CitizenInputSerializer(many=True)
    items = ItemInputSerializer(many=True, required=False, default=list)


class VisitAnswerSerializer(serializers.Serializer):
    answered_on = serializers.DateField()
    answer = serializers.CharField()
