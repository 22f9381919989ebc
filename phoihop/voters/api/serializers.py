"""Voter-contact API shapes."""

from rest_framework import serializers

from phoihop.voters.models import ConsolidatedPetition, ContactPoint, Meeting


class ContactPointSerializer(serializers.ModelSerializer):
    commune = serializers.CharField(source="commune.name")

    class Meta:
        model = ContactPoint
        fields = ["commune", "location", "voters"]


class MeetingSerializer(serializers.ModelSerializer):
    organization = serializers.CharField(source="organization.name")
    co_organizer = serializers.CharField(source="co_organizer.name", default="")
    session = serializers.CharField(source="session.name")
    points = ContactPointSerializer(many=True)

    class Meta:
        model = Meeting
        fields = [
            "public_id",
            "reference",
            "title",
            "session",
            "kind",
            "held_on",
            "starts_at",
            "mode",
            "online_link",
            "organization",
            "co_organizer",
            "deputy_names",
            "points",
            "status",
        ]


class ConsolidatedSerializer(serializers.ModelSerializer):
    organization = serializers.CharField(source="organization.name")
    session = serializers.CharField(source="session.name")
    communes = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)

    class Meta:
        model = ConsolidatedPetition
        fields = [
            "public_id",
            "reference",
            "session",
            "organization",
            "title",
            "field",
            "level",
            "agency",
            "communes",
            "status",
            "routed_on",
            "due_on",
            "grade",
            "answer",
            "answered_on",
            "answer_document",
            "roadmap_until",
        ]


class PetitionRowInput(serializers.Serializer):
    text = serializers.CharField(max_length=4000)
    commune = serializers.CharField(max_length=200)
    received_by = serializers.CharField(max_length=300, required=False, default="")
    voter = serializers.CharField(max_length=200, required=False, default="")
    kind = serializers.ChoiceField(
        choices=[("petition", "Kiến nghị"), ("opinion", "Ý kiến")],
        required=False,
        default="petition",
    )


class PetitionsInput(serializers.Serializer):
    petitions = PetitionRowInput(many=True)


class RecordedSerializer(serializers.Serializer):
    created = serializers.IntegerField()
    skipped = serializers.IntegerField()


class VoterAnswerInput(serializers.Serializer):
    grade = serializers.ChoiceField(choices=ConsolidatedPetition.Grade.choices)
    answer = serializers.CharField()
    answered_on = serializers.DateField()
    answer_document = serializers.CharField(max_length=120, required=False, default="")
    roadmap_until = serializers.DateField(required=False, allow_null=True, default=None)
    publish = serializers.BooleanField(required=False, default=True)
