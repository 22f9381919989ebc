from rest_framework import serializers

from phoihop.elections.models import Candidate, Contest, Election, PollingArea, Protocol


class ContestSummarySerializer(serializers.ModelSerializer):
    constituency = serializers.CharField(source="constituency.name")

    class Meta:
        model = Contest
        fields = ["public_id", "constituency", "seats", "round", "held_on", "tabulated_at"]


class ElectionSerializer(serializers.ModelSerializer):
    organization = serializers.CharField(source="organization.name")
    contests = ContestSummarySerializer(many=True, read_only=True)

    class Meta:
        model = Election
        fields = ["public_id", "name", "kind", "election_day", "status", "organization", "contests"]


class TimetableRowSerializer(serializers.Serializer):
    rule_id = serializers.CharField()
    title = serializers.CharField()
    due_on = serializers.DateField()
    days = serializers.IntegerField()
    body = serializers.CharField()
    citation = serializers.CharField()


class CandidateSerializer(serializers.ModelSerializer):
    full_name = serializers.CharField(source="person.full_name")
    birth_date = serializers.DateField(source="person.birth_date")

    class Meta:
        model = Candidate
        fields = ["id", "public_id", "full_name", "birth_date", "stage"]


class AreaSerializer(serializers.ModelSerializer):
    protocol_status = serializers.SerializerMethodField()

    class Meta:
        model = PollingArea
        fields = ["number", "name", "voters_on_list", "protocol_status"]

    def get_protocol_status(self, area) -> str:
        protocol = Protocol.objects.filter(area=area).first()
        return protocol.status if protocol else "missing"


class ContestSerializer(serializers.ModelSerializer):
    constituency = serializers.CharField(source="constituency.name")
    candidates = CandidateSerializer(many=True, read_only=True)
    areas = AreaSerializer(many=True, read_only=True)

    class Meta:
        model = Contest
        fields = [
            "public_id",
            "constituency",
            "seats",
            "round",
            "held_on",
            "candidates",
            "areas",
            "result",
        ]


class ProtocolInputSerializer(serializers.Serializer):
    """One entry of a polling area's counting minutes (BC-21); ``votes`` keyed by candidate id."""

    area = serializers.IntegerField(min_value=1, help_text="Số khu vực bỏ phiếu")
    voters_on_list = serializers.IntegerField(min_value=0)
    voted = serializers.IntegerField(min_value=0)
    ballots_issued = serializers.IntegerField(min_value=0)
    ballots_collected = serializers.IntegerField(min_value=0)
    valid = serializers.IntegerField(min_value=0)
    invalid = serializers.IntegerField(min_value=0)
    votes = serializers.DictField(child=serializers.IntegerField(min_value=0))
    complaints = serializers.CharField(required=False, allow_blank=True, default="")


class ProtocolSerializer(serializers.ModelSerializer):
    area = serializers.IntegerField(source="area.number")

    class Meta:
        model = Protocol
        fields = ["area", "status", "problems"]
