"""Who may do what in law-making participation.

Drafts follow the consulting body's grants (``lawmaking.<action>_draft``). Consultations and
agency requests are that body's tracked items (``TrackedItemPolicy``); comments, opinions and
conferences are reached only through their consultation.
"""

from django.db.models import Q

from phoihop.access.grants import organization_scope
from phoihop.access.policy import OrganizationGrantPolicy
from phoihop.access.registry import register_policy
from phoihop.casework.policies import TrackedItemPolicy
from phoihop.lawmaking.models import (
    AgencyRequest,
    Consultation,
    Critique,
    Draft,
    ProposalRound,
)


@register_policy
class DraftPolicy(OrganizationGrantPolicy):
    """A draft is the consulting body's; a body that runs a consultation on it (the Front's
    critique consultation among them) or critiques it also sees it, read-only."""

    model = Draft
    actions = ("view", "add", "change")

    def scope(self, user, action: str) -> Q:
        scope = super().scope(user, action)
        if action != "view" or user.is_superuser:
            return scope
        consulted = Consultation.objects.filter(
            organization_scope(user, "lawmaking.view_consultation")
        ).values("draft_id")
        critiqued = Critique.objects.filter(
            organization_scope(user, "lawmaking.view_critique")
        ).values("draft_id")
        return scope | Q(pk__in=consulted) | Q(pk__in=critiqued)


@register_policy
class ConsultationPolicy(TrackedItemPolicy):
    model = Consultation
    actions = ("view", "work", "assign", "supervise", "change", "report")


@register_policy
class AgencyRequestPolicy(TrackedItemPolicy):
    model = AgencyRequest
    actions = ("view", "work", "assign", "supervise", "change")


@register_policy
class CritiquePolicy(TrackedItemPolicy):
    """The Front's committee works its critique; the drafting body sees the critique once sent
    and answers it (``lawmaking.answer_critique`` on the drafting body)."""

    model = Critique
    actions = ("view", "work", "assign", "supervise", "change", "answer")

    def scope(self, user, action: str) -> Q:
        answering = organization_scope(
            user, "lawmaking.answer_critique", "drafting_organization"
        ) & ~Q(status=Critique.Status.DRAFTING)
        if action == "answer":
            return answering
        scope = super().scope(user, action)
        return scope | answering if action == "view" else scope


@register_policy
class ProposalRoundPolicy(TrackedItemPolicy):
    model = ProposalRound
    actions = ("view", "work", "assign", "supervise", "change")
