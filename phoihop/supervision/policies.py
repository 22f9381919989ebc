"""Who may do what in supervision.

Programmes and sittings follow the supervising body's grants. Plans are the supervising
body's items; the bodies a plan supervises see it too. Reports, recommendations, questions
and pledges are the responsible body's items, seen read-only by the supervising body (chain
field ``supervised_by``); the supervising body's own steps (verify, close, assess) are
``supervise`` actions on the item.
"""

from django.db.models import Q

from phoihop.access.grants import organization_scope
from phoihop.access.policy import OrganizationGrantPolicy
from phoihop.access.registry import register_policy
from phoihop.casework.policies import TrackedItemPolicy
from phoihop.casework.scopes import NONE
from phoihop.supervision.models import (
    BodyReport,
    Plan,
    Pledge,
    Programme,
    Question,
    Recommendation,
    Sitting,
)


@register_policy
class ProgrammePolicy(OrganizationGrantPolicy):
    model = Programme
    actions = ("view", "add", "change")


@register_policy
class SittingPolicy(OrganizationGrantPolicy):
    model = Sitting
    actions = ("view", "add", "change")


@register_policy
class PlanPolicy(TrackedItemPolicy):
    """The supervising body keeps its plans (``supervision.<action>_plan``); a supervised
    body's staff who see its reports also see the plan."""

    model = Plan
    actions = ("view", "work", "assign", "supervise", "add", "change", "conclude")

    def scope(self, user, action: str) -> Q:
        scope = super().scope(user, action)
        if action == "view" and not user.is_superuser:
            bodies = organization_scope(user, "supervision.view_bodyreport", "organization")
            if bodies != NONE:
                scope |= Q(pk__in=BodyReport.objects.filter(bodies).values("plan_id"))
        return scope


@register_policy
class BodyReportPolicy(TrackedItemPolicy):
    model = BodyReport
    actions = ("view", "work", "assign", "supervise", "change")


@register_policy
class RecommendationPolicy(TrackedItemPolicy):
    model = Recommendation
    actions = ("view", "work", "assign", "supervise", "report")


@register_policy
class QuestionPolicy(TrackedItemPolicy):
    model = Question
    actions = ("view", "work", "assign", "supervise", "answer")


@register_policy
class PledgePolicy(TrackedItemPolicy):
    model = Pledge
    actions = ("view", "work", "assign", "supervise", "report")
