"""Who may do what in the council area.

Sessions and resolutions follow the council's grants; a body with an item on a session's
agenda (or a task of a resolution) sees the session (or resolution) too. Agenda items,
submissions and tasks are the responsible body's items, seen read-only by the body in the
chain field, whose own steps (examine, vote, decide, accept) are ``supervise`` actions.
Briefings follow the chairing body's grants; the invited bodies see them.
"""

from django.db.models import Q

from phoihop.access.grants import organization_scope
from phoihop.access.policy import OrganizationGrantPolicy, Policy
from phoihop.access.registry import policy_for, register_policy
from phoihop.casework.policies import TrackedItemPolicy
from phoihop.casework.scopes import NONE
from phoihop.council.models import (
    AgendaItem,
    Ballot,
    Briefing,
    Resolution,
    ResolutionFile,
    Session,
    Submission,
    Task,
)


def _seen_through(user, scope: Q, permission: str, model, field: str) -> Q:
    """*scope* widened by the rows of *model* the user sees with *permission* on its owner."""
    if user.is_superuser:
        return scope
    rows = organization_scope(user, permission, "organization")
    if rows == NONE:
        return scope
    return scope | Q(pk__in=model.objects.filter(rows).values(field))


@register_policy
class SessionPolicy(TrackedItemPolicy):
    model = Session
    actions = ("view", "work", "assign", "add", "change", "convene")

    def scope(self, user, action: str) -> Q:
        scope = super().scope(user, action)
        if action == "view":
            scope = _seen_through(user, scope, "council.view_agendaitem", AgendaItem, "session_id")
        return scope


@register_policy
class AgendaItemPolicy(TrackedItemPolicy):
    """Whoever sees the council's sessions reads their dossiers (documents go to every deputy,
    KH-05); working on an item stays with its body and the council's examining staff."""

    model = AgendaItem
    actions = ("view", "work", "assign", "supervise", "change")

    def scope(self, user, action: str) -> Q:
        scope = super().scope(user, action)
        if action == "view" and not user.is_superuser:
            scope |= organization_scope(user, "council.view_session", "council")
        return scope


@register_policy
class ResolutionPolicy(TrackedItemPolicy):
    model = Resolution
    actions = ("view", "work", "assign", "change", "sign")

    def scope(self, user, action: str) -> Q:
        scope = super().scope(user, action)
        if action == "view":
            scope = _seen_through(user, scope, "council.view_task", Task, "resolution_id")
        return scope


@register_policy
class SubmissionPolicy(TrackedItemPolicy):
    """A deputy consulted in writing sees the submission they hold a ballot on."""

    model = Submission
    actions = ("view", "work", "assign", "supervise", "change")

    def scope(self, user, action: str) -> Q:
        scope = super().scope(user, action)
        person = getattr(user, "person_id", None)
        if action == "view" and person and not user.is_superuser:
            ballots = Ballot.objects.filter(deputy__person_id=person)
            scope |= Q(consultation__in=ballots.values("consultation_id"))
        return scope


@register_policy
class TaskPolicy(TrackedItemPolicy):
    model = Task
    actions = ("view", "work", "assign", "supervise", "report")


@register_policy
class BriefingPolicy(OrganizationGrantPolicy):
    model = Briefing
    actions = ("view", "add", "change", "conclude")

    def scope(self, user, action: str) -> Q:
        scope = super().scope(user, action)
        if action == "view" and not user.is_superuser:
            invited = organization_scope(user, "council.view_briefing", "invitees__organization")
            if invited != NONE:
                scope |= Q(pk__in=Briefing.objects.filter(invited).values("pk"))
        return scope


@register_policy
class ResolutionFilePolicy(Policy):
    """A resolution's file is seen by whoever sees the resolution and added by whoever signs
    it (the secretariat); the public sees the public files of published resolutions through
    the public selectors, not through grants."""

    model = ResolutionFile
    actions = ("view", "add")
    _through = {"view": "view", "add": "sign"}

    def scope(self, user, action: str) -> Q:
        if action not in self.actions:
            return Q(pk__in=[])
        resolutions = Resolution.objects.filter(
            policy_for(Resolution).scope(user, self._through[action])
        )
        return Q(resolution__in=resolutions.values("pk"))
