"""Letters API: the same selectors, services and policies as the pages."""

from django.db import transaction
from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action, api_view
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from phoihop.access.grants import has_permission_anywhere
from phoihop.access.policy import can
from phoihop.api.authentication import SessionWithTwoFactor
from phoihop.casework.api.views import ItemActionsMixin
from phoihop.casework.selectors import handover_list
from phoihop.core.errors import ApplicationError
from phoihop.deadlines.selectors import deadline_item_list
from phoihop.identity.services import identity_reveal
from phoihop.letters import selectors, services
from phoihop.letters.api import serializers as s
from phoihop.letters.models import Letter
from phoihop.letters.statistics import letter_statistics
from phoihop.organizations.models import Organization
from phoihop.organizations.selectors import organizations_where


def _organization(public_id) -> Organization:
    organization = Organization.objects.filter(public_id=public_id).first()
    if organization is None:
        raise ValidationError({"organization": ["Không tìm thấy cơ quan."]})
    return organization


def _register(user, data, *, row: int | None = None):
    organization = (
        organizations_where(user, "letters.add_letter")
        .filter(public_id=data["organization"])
        .first()
    )
    if organization is None:
        where = f"Dòng {row}: " if row is not None else ""
        raise ValidationError({"organization": [f"{where}Không có quyền vào sổ cho cơ quan này."]})
    sender = data.get("sender") or {}
    return services.letter_register(
        actor=user,
        organization=organization,
        channel=data["channel"],
        received_on=data["received_on"],
        content=data["content"],
        sender=services.Sender(**sender),
        has_signature=data["has_signature"],
        idempotency_key=data["idempotency_key"],
    )


class LetterViewSet(
    ItemActionsMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Letters of the caller's registers, and those their supervising bodies forwarded."""

    serializer_class = s.LetterSerializer
    item_serializer_class = s.LetterSerializer
    lookup_field = "public_id"

    def get_queryset(self):
        params = self.request.query_params
        return selectors.letter_list(
            viewer=self.request.user,
            status=params.get("status") or None,
            kind=params.get("kind") or None,
            query=params.get("q", ""),
        )

    def get_object(self):
        return selectors.letter_get(viewer=self.request.user, public_id=self.kwargs["public_id"])

    @extend_schema(
        parameters=[
            OpenApiParameter("status", str),
            OpenApiParameter("kind", str),
            OpenApiParameter("q", str, description="tìm theo nội dung"),
        ]
    )
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(request=s.RegisterInput, responses={201: s.LetterSerializer})
    def create(self, request):
        """Register a letter (the sender goes to the identity vault)."""
        data = self._input(s.RegisterInput)
        letter = _register(request.user, data)
        return Response(s.LetterSerializer(letter).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.ImportInput, responses={201: s.LetterSerializer(many=True)})
    @action(detail=False, methods=["post"], url_path="import")
    def bulk_import(self, request):
        """Register several letters at once: all or none. A bad row names its number."""
        data = self._input(s.ImportInput)
        try:
            with transaction.atomic():
                letters = []
                for row, item in enumerate(data["letters"], start=1):
                    try:
                        letters.append(_register(request.user, item, row=row))
                    except ApplicationError as exc:
                        raise ValidationError({"letters": [f"Dòng {row}: {exc.message}"]}) from exc
        except ValidationError:
            raise
        return Response(s.LetterSerializer(letters, many=True).data, status=status.HTTP_201_CREATED)

    def _input(self, serializer_class):
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    def _done(self, letter):
        letter = selectors.letter_get(viewer=self.request.user, public_id=letter.public_id)
        return Response(s.LetterSerializer(letter).data)

    @extend_schema(request=s.ClassifyInput, responses=s.LetterSerializer)
    @action(detail=True, methods=["post"])
    def classify(self, request, public_id=None):
        letter = self.get_object()
        data = self._input(s.ClassifyInput)
        return self._done(services.letter_classify(actor=request.user, letter=letter, **data))

    @extend_schema(request=s.SplitInput, responses=s.LetterSerializer(many=True))
    @action(detail=True, methods=["post"])
    def split(self, request, public_id=None):
        letter = self.get_object()
        data = self._input(s.SplitInput)
        parts = services.letter_split(
            actor=request.user,
            letter=letter,
            parts=[(p["kind"], p["content"]) for p in data["parts"]],
        )
        return Response(s.LetterSerializer(parts, many=True).data)

    @extend_schema(request=s.OutcomeInput, responses=s.LetterSerializer)
    @action(detail=True, methods=["post"])
    def outcome(self, request, public_id=None):
        letter = self.get_object()
        data = self._input(s.OutcomeInput)
        target = _organization(data["to_organization"]) if data.get("to_organization") else None
        common = {"actor": request.user, "letter": letter, "on": data["on"]}
        if data["outcome"] == "forward":
            if target is None:
                raise ValidationError({"to_organization": ["Chọn cơ quan nhận đơn chuyển."]})
            services.letter_forward(**common, to_organization=target, note=data["note"])
        elif data["outcome"] == "guide":
            services.letter_guide(**common, note=data["note"], competent_organization=target)
        elif data["outcome"] == "return":
            services.letter_return(**common, note=data["note"])
        elif data["outcome"] == "use_for_inspection":
            services.letter_use_for_inspection(**common, note=data["note"])
        elif data["outcome"] == "refuse":
            services.letter_refuse(**common, note=data["note"])
        else:
            services.letter_file_away(**common, note=data["note"])
        return self._done(letter)

    @extend_schema(request=s.AcceptInput, responses=s.LetterSerializer)
    @action(detail=True, methods=["post"])
    def accept(self, request, public_id=None):
        letter = self.get_object()
        data = self._input(s.AcceptInput)
        return self._done(services.letter_accept(actor=request.user, letter=letter, **data))

    @extend_schema(request=s.StepInput, responses=s.LetterSerializer)
    @action(detail=True, methods=["post"])
    def step(self, request, public_id=None):
        letter = self.get_object()
        d = self._input(s.StepInput)
        actor, on, note = request.user, d["on"], d["note"]
        act = d["action"]
        if act == "extend" and not d.get("days"):
            raise ValidationError({"days": ["Nhập số ngày gia hạn (1–30)."]})
        if act == "publish" and not d.get("method"):
            raise ValidationError({"method": ["Chọn hình thức công khai."]})
        return self._done(
            services.letter_take_step(
                actor=actor,
                letter=letter,
                action=act,
                on=on,
                note=note,
                days=d.get("days"),
                method=d.get("method", ""),
                coerced=d["coerced"],
                signs_of_violation=d["signs_of_violation"],
                withdrawing_count=d.get("withdrawing_count"),
                ground=d.get("ground", ""),
                verification_result=d["verification_result"],
                legal_basis=d["legal_basis"],
                conclusion=d["conclusion"],
            )
        )

    @extend_schema(responses=s.DeadlineSerializer(many=True))
    @action(detail=True, methods=["get"])
    def deadlines(self, request, public_id=None):
        clocks = deadline_item_list(target=self.get_object())
        return Response(s.DeadlineSerializer(clocks, many=True).data)

    @extend_schema(request=s.RevealInput, responses=s.IdentityOutput)
    @action(detail=True, methods=["post"], permission_classes=[SessionWithTwoFactor])
    def identity(self, request, public_id=None):
        """The sender's identity, for an account with the clearance; the read is audited."""
        letter = self.get_object()
        if letter.sender_id is None or not can(request.user, "read", letter.sender):
            raise Http404
        data = self._input(s.RevealInput)
        identity = identity_reveal(
            actor=request.user, identity=letter.sender, purpose=data["purpose"]
        )
        return Response(s.IdentityOutput(identity).data)


class ForwardingViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Letters forwarded between the bodies, with their receipts."""

    serializer_class = s.ForwardingSerializer
    lookup_field = "public_id"

    def get_queryset(self):
        return handover_list(viewer=self.request.user, model=Letter)

    @extend_schema(request=None, responses=s.LetterSerializer)
    @action(detail=True, methods=["post"])
    def acknowledge(self, request, public_id=None):
        """Confirm receipt: the letter enters the receiving body's register."""
        forwarding = self.get_object()
        letter = services.forwarding_acknowledge(
            actor=request.user, forwarding=forwarding, on=timezone.localdate()
        )
        return Response(s.LetterSerializer(letter).data)


@extend_schema(
    parameters=[OpenApiParameter("start", str), OpenApiParameter("end", str)], responses=dict
)
@api_view(["GET"])
def letter_statistics_view(request):
    """Counts of letters by body, kind, status and field for a period."""
    if not has_permission_anywhere(request.user, "letters.export_letter"):
        raise Http404
    period = s.PeriodInput(data=request.query_params)
    period.is_valid(raise_exception=True)
    stats = letter_statistics(
        viewer=request.user,
        start=period.validated_data["start"],
        end=period.validated_data["end"],
        today=timezone.localdate(),
    )
    return Response(
        {
            "start": stats.start,
            "end": stats.end,
            "total": stats.total,
            "open": stats.open,
            "overdue": stats.overdue,
            "breakdowns": [
                {"title": b.title, "rows": [{"label": k, "count": n} for k, n in b.rows]}
                for b in stats.breakdowns
            ],
        }
    )
