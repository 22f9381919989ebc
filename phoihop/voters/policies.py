"""Who may see and work on voter meetings, petitions and consolidated petitions."""

from django.db.models import Q

from phoihop.access.grants import has_permission_anywhere, organization_scope
from phoihop.access.policy import OrganizationGrantPolicy
from phoihop.access.registry import register_policy
from phoihop.casework.policies import TrackedItemPolicy
from phoihop.voters.models import ConsolidatedPetition, Meeting, Petition, Session


@register_policy
class SessionPolicy(OrganizationGrantPolicy):
    """The consolidating body's staff keep its sessions (``voters.<action>_session``)."""

    model = Session
    actions = ("view", "add", "change")

    def scope(self, user, action: str) -> Q:
        # A session's dates and name are public facts: every body taking part sees it.
        if action == "view" and has_permission_anywhere(user, "voters.view_session"):
            return Q()
        return super().scope(user, action)


@register_policy
class MeetingPolicy(TrackedItemPolicy):
    """The organising body's staff plan meetings and record their minutes and petitions
    (``voters.record_meeting``); the co-organising Front sees and records them too."""

    model = Meeting
    actions = ("view", "work", "assign", "supervise", "add", "change", "record")

    def scope(self, user, action: str) -> Q:
        scope = super().scope(user, action)
        if action in ("view", "record"):
            scope |= organization_scope(user, self.permission(action), "co_organizer")
        return scope


@register_policy
class PetitionPolicy(OrganizationGrantPolicy):
    """Petitions as recorded: the recording body's staff (``voters.<action>_petition``)."""

    model = Petition
    actions = ("view", "add")


@register_policy
class ConsolidatedPetitionPolicy(TrackedItemPolicy):
    """The owning body consolidates, routes and answers (``voters.<action>_consolidatedpetition``);
    the body that forwarded it, and bodies supervising by scope, see it read-only."""

    model = ConsolidatedPetition
    actions = (
        "view",
        "work",
        "assign",
        "supervise",
        "consolidate",
        "route",
        "answer",
        "report",
    )
