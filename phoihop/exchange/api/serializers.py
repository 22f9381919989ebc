"""Exchange API shapes (read only)."""

from rest_framework import serializers

from phoihop.exchange.models import Delivery, Dispatch, PeriodicReport


class CopySerializer(serializers.ModelSerializer):
    organization = serializers.CharField(source="organization.name", read_only=True)
    acknowledged_by = serializers.CharField(
        source="acknowledged_by.full_name", read_only=True, default=""
    )

    class Meta:
        model = Delivery
        fields = [
            "public_id",
            "organization",
            "purpose",
            "status",
            "received_on",
            "register_due",
            "in_number",
            "registered_on",
            "registered_late",
            "acknowledged_at",
            "acknowledged_by",
            "action_due",
            "handled_on",
        ]


class DispatchSerializer(serializers.ModelSerializer):
    organization = serializers.CharField(source="organization.name", read_only=True)
    copies = CopySerializer(source="deliveries", many=True, read_only=True)

    class Meta:
        model = Dispatch
        fields = [
            "public_id",
            "organization",
            "symbol",
            "doc_type",
            "title",
            "signed_on",
            "signer_name",
            "urgency",
            "sent_on",
            "send_due",
            "sent_late",
            "rule",
            "copies",
        ]


class DeliverySerializer(CopySerializer):
    sender = serializers.CharField(source="sender.name", read_only=True)
    symbol = serializers.CharField(source="dispatch.symbol", read_only=True)
    title = serializers.CharField(source="dispatch.title", read_only=True)

    class Meta(CopySerializer.Meta):
        fields = [
            "sender",
            "symbol",
            "title",
            *CopySerializer.Meta.fields,
            "due_on",
            "result",
        ]


class PeriodicReportSerializer(serializers.ModelSerializer):
    organization = serializers.CharField(source="organization.name", read_only=True)
    document = serializers.CharField(source="document.symbol", read_only=True)

    class Meta:
        model = PeriodicReport
        fields = [
            "public_id",
            "organization",
            "kind",
            "year",
            "index",
            "starts_on",
            "cut_off",
            "due_on",
            "citation",
            "figures",
            "document",
        ]
