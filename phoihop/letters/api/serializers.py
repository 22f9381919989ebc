"""API shapes of letters. Senders appear only by pseudonym; identities have their own endpoint."""

from rest_framework import serializers

from phoihop.casework.models import Handover
from phoihop.deadlines.models import Deadline
from phoihop.letters import eligibility
from phoihop.letters.models import Letter
from phoihop.letters.services.resolution import (
    PUBLICATION_METHODS,
    STEP_ACTIONS,
    SUSPENSION_GROUNDS,
)


def _org(field: str):
    return serializers.UUIDField(source=f"{field}.public_id", read_only=True, allow_null=True)


class LetterSerializer(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id", read_only=True)
    organization = _org("organization")
    forwarded_from = _org("forwarded_from")
    supervised_by = _org("supervised_by")
    competent_organization = _org("competent_organization")
    sender = serializers.CharField(source="sender_label", read_only=True)
    duplicate_of = serializers.CharField(
        source="duplicate_of.reference", read_only=True, allow_null=True
    )

    class Meta:
        model = Letter
        fields = [
            "id",
            "reference",
            "organization",
            "channel",
            "received_on",
            "kind",
            "instance",
            "field",
            "status",
            "sender",
            "sender_count",
            "summary",
            "content",
            "due_on",
            "has_signature",
            "has_name_address",
            "names_violator",
            "has_evidence",
            "grounds",
            "is_complex",
            "is_especially_complex",
            "is_remote",
            "forwarded_from",
            "supervised_by",
            "competent_organization",
            "duplicate_of",
            "accepted_on",
            "decided_on",
            "published_on",
            "outcome_on",
            "outcome_note",
        ]


class DeadlineSerializer(serializers.ModelSerializer):
    class Meta:
        model = Deadline
        fields = [
            "rule_id",
            "start_on",
            "due_on",
            "status",
            "extension_days",
            "suspended_days",
            "completed_on",
            "provisional",
        ]


class ForwardingSerializer(serializers.ModelSerializer):
    """A letter handed over to another body (``casework.Handover`` of a letter)."""

    id = serializers.UUIDField(source="public_id", read_only=True)
    letter = serializers.CharField(source="item.reference", read_only=True)
    from_organization = _org("from_organization")
    to_organization = _org("to_organization")
    document = serializers.CharField(source="document.symbol", read_only=True, allow_null=True)
    received_letter = serializers.UUIDField(
        source="received.public_id", read_only=True, allow_null=True
    )

    class Meta:
        model = Handover
        fields = [
            "id",
            "letter",
            "from_organization",
            "to_organization",
            "sent_on",
            "note",
            "document",
            "status",
            "acknowledged_at",
            "received_letter",
            "refusal_reason",
        ]


class SenderInput(serializers.Serializer):
    full_name = serializers.CharField(required=False, allow_blank=True, max_length=200)
    address = serializers.CharField(required=False, allow_blank=True, max_length=300)
    phone = serializers.CharField(required=False, allow_blank=True, max_length=30)
    email = serializers.EmailField(required=False, allow_blank=True)
    id_number = serializers.CharField(required=False, allow_blank=True, max_length=30)
    count = serializers.IntegerField(required=False, min_value=1, default=1)


class RegisterInput(serializers.Serializer):
    organization = serializers.UUIDField()
    channel = serializers.ChoiceField(choices=Letter.Channel.choices)
    received_on = serializers.DateField()
    content = serializers.CharField()
    sender = SenderInput(required=False)
    # Left out: a portal letter is unsigned, a paper one signed (Luật KN Đ11 k5).
    has_signature = serializers.BooleanField(required=False, allow_null=True, default=None)
    idempotency_key = serializers.CharField(
        required=False, allow_blank=True, max_length=64, default=""
    )


class ImportInput(serializers.Serializer):
    letters = RegisterInput(many=True, allow_empty=False)


class ClassifyInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=[k for k in Letter.Kind.values if k != "unclassified"])
    instance = serializers.ChoiceField(choices=[1, 2], required=False, allow_null=True)
    field = serializers.CharField(required=False, allow_blank=True, max_length=60, default="")
    # Left out: what registration recorded (the letter's own flags).
    has_signature = serializers.BooleanField(required=False, allow_null=True, default=None)
    has_name_address = serializers.BooleanField(required=False, allow_null=True, default=None)
    names_violator = serializers.BooleanField(default=False)
    has_evidence = serializers.BooleanField(default=False)
    is_remote = serializers.BooleanField(default=False)
    grounds = serializers.ListField(
        child=serializers.ChoiceField(choices=list(eligibility.GROUNDS)),
        required=False,
        default=list,
    )
    outside_competence = serializers.BooleanField(default=False)
    act_known_on = serializers.DateField(required=False, allow_null=True, default=None)
    obstacle_days = serializers.IntegerField(required=False, min_value=0, default=0)


class SplitPartInput(serializers.Serializer):
    kind = serializers.ChoiceField(choices=["complaint", "denunciation", "petition"])
    content = serializers.CharField()


class SplitInput(serializers.Serializer):
    parts = SplitPartInput(many=True, min_length=2)


class OutcomeInput(serializers.Serializer):
    outcome = serializers.ChoiceField(
        choices=["forward", "guide", "return", "file_away", "use_for_inspection", "refuse"]
    )
    to_organization = serializers.UUIDField(required=False, allow_null=True)
    on = serializers.DateField()
    note = serializers.CharField(required=False, allow_blank=True, default="")


class AcceptInput(serializers.Serializer):
    on = serializers.DateField()
    is_complex = serializers.BooleanField(default=False)
    is_especially_complex = serializers.BooleanField(default=False)


class StepInput(serializers.Serializer):
    action = serializers.ChoiceField(choices=list(STEP_ACTIONS))
    on = serializers.DateField()
    note = serializers.CharField(required=False, allow_blank=True, default="")
    days = serializers.IntegerField(required=False, min_value=1, max_value=30)
    method = serializers.ChoiceField(choices=list(PUBLICATION_METHODS), required=False)
    coerced = serializers.BooleanField(default=False)
    signs_of_violation = serializers.BooleanField(default=False)
    withdrawing_count = serializers.IntegerField(required=False, min_value=1, allow_null=True)
    ground = serializers.ChoiceField(choices=list(SUSPENSION_GROUNDS), required=False)
    verification_result = serializers.CharField(required=False, allow_blank=True, default="")
    legal_basis = serializers.CharField(required=False, allow_blank=True, default="")
    conclusion = serializers.CharField(required=False, allow_blank=True, default="")


class RevealInput(serializers.Serializer):
    purpose = serializers.CharField(max_length=300)


class IdentityOutput(serializers.Serializer):
    full_name = serializers.CharField()
    address = serializers.CharField()
    phone = serializers.CharField()
    email = serializers.CharField()
    id_number = serializers.CharField()


class PeriodInput(serializers.Serializer):
    start = serializers.DateField()
    end = serializers.DateField()
