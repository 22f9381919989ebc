"""Supervision API shapes: programmes, plans (team, bodies), visits and their minutes,
recommendations, questions and pledges; the inputs of the steps the API may take."""

from rest_framework import serializers

from phoihop.organizations.models import Organization
from phoihop.supervision.models import (
    Plan,
    Pledge,
    Programme,
    Question,
    Recommendation,
    TeamMember,
    Topic,
    Visit,
)


def _body(**kwargs):
    return serializers.CharField(source="organization.name", read_only=True, **kwargs)


def _organization_field(**kwargs):
    """An organization named by its code (as the organizations endpoint shows it)."""
    return serializers.SlugRelatedField(
        slug_field="code", queryset=Organization.objects.all(), **kwargs
    )


class TopicSerializer(serializers.ModelSerializer):
    lead = serializers.CharField(source="lead.name", read_only=True)

    class Meta:
        model = Topic
        fields = ["title", "lead", "period"]


class ProgrammeSerializer(serializers.ModelSerializer):
    organization = _body()
    topics = TopicSerializer(many=True, read_only=True)

    class Meta:
        model = Programme
        fields = [
            "public_id",
            "organization",
            "kind",
            "year",
            "title",
            "resolution",
            "adopted_on",
            "topics",
        ]


class TeamMemberSerializer(serializers.ModelSerializer):
    organization = _body()

    class Meta:
        model = TeamMember
        fields = ["name", "position", "organization", "role"]


class PlanSerializer(serializers.ModelSerializer):
    organization = _body()
    bodies = serializers.SerializerMethodField()
    team = TeamMemberSerializer(many=True, read_only=True)
    previous = serializers.CharField(
        source="previous.reference", read_only=True, default=None, allow_null=True
    )

    class Meta:
        model = Plan
        fields = [
            "public_id",
            "reference",
            "organization",
            "kind",
            "status",
            "title",
            "scope",
            "starts_on",
            "ends_on",
            "bodies",
            "team",
            "previous",
            "conclusions",
            "published",
        ]

    def get_bodies(self, plan) -> list[str]:
        return [row.organization.name for row in plan.bodies.all()]


class PlanInput(serializers.Serializer):
    organization = _organization_field()
    kind = serializers.ChoiceField(choices=Plan.Kind.choices, default=Plan.Kind.THEMATIC)
    title = serializers.CharField(max_length=300)
    scope = serializers.CharField(max_length=5000)
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    bodies = _organization_field(many=True)
    previous = serializers.UUIDField(required=False, allow_null=True, default=None)
    idempotency_key = serializers.CharField(max_length=64, required=False, default="")


class SupervisionVisitSerializer(serializers.ModelSerializer):
    organization = _body()
    plan = serializers.CharField(source="plan.reference", read_only=True)

    class Meta:
        model = Visit
        fields = [
            "public_id",
            "plan",
            "organization",
            "held_on",
            "location",
            "attendees",
            "findings",
            "documents_received",
            "minuted",
        ]


class SupervisionVisitInput(serializers.Serializer):
    organization = _organization_field()
    held_on = serializers.DateField()
    location = serializers.CharField(max_length=300, required=False, default="")
    attendees = serializers.CharField(max_length=5000, required=False, default="")
    findings = serializers.CharField(max_length=20000, required=False, default="")
    documents_received = serializers.CharField(max_length=5000, required=False, default="")


class RecommendationSerializer(serializers.ModelSerializer):
    organization = _body()
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
            "replied_on",
            "replied_by",
            "reply",
            "taken_up",
        ]


class RecommendationStepInput(serializers.Serializer):
    step = serializers.ChoiceField(
        choices=["reply", "accept", "progress", "report_done", "verify", "close"]
    )
    on = serializers.DateField()
    note = serializers.CharField(required=False, allow_blank=True, default="")
    evidence = serializers.CharField(required=False, allow_blank=True, default="")
    result = serializers.ChoiceField(
        choices=Recommendation.Result.choices, required=False, allow_blank=True, default=""
    )
    new_due_by = serializers.DateField(required=False, allow_null=True, default=None)
    replied_by = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    taken_up = serializers.ChoiceField(
        choices=Recommendation.TakenUp.choices, required=False, allow_blank=True, default=""
    )


class PledgeSerializer(serializers.ModelSerializer):
    organization = _body()
    question = serializers.CharField(source="question.reference", read_only=True)

    class Meta:
        model = Pledge
        fields = [
            "public_id",
            "reference",
            "organization",
            "question",
            "content",
            "made_on",
            "due_by",
            "due_on",
            "status",
            "progress",
        ]


class QuestionSerializer(serializers.ModelSerializer):
    organization = _body()
    sitting = serializers.CharField(source="sitting.title", read_only=True)
    held_on = serializers.DateField(source="sitting.held_on", read_only=True)

    class Meta:
        model = Question
        fields = [
            "public_id",
            "reference",
            "organization",
            "sitting",
            "held_on",
            "deputy",
            "official",
            "content",
            "registered_on",
            "status",
            "mode",
            "answer",
            "answered_on",
            "ask_again",
            "due_on",
        ]


class PledgeInput(serializers.Serializer):
    content = serializers.CharField(max_length=2000)
    due_by = serializers.DateField()


class QuestionAnswerInput(serializers.Serializer):
    mode = serializers.ChoiceField(choices=Question.Mode.choices)
    answer = serializers.CharField(max_length=20000)
    on = serializers.DateField()
    pledges = PledgeInput(many=True, required=False, default=list)


class PledgeStepInput(serializers.Serializer):
    step = serializers.ChoiceField(choices=["progress", "done", "assess_done", "assess_not_done"])
    on = serializers.DateField()
    note = serializers.CharField(required=False, allow_blank=True, default="")
