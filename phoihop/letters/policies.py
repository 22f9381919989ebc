from django.db.models import Q

from phoihop.access.grants import organization_scope
from phoihop.access.policy import OrganizationGrantPolicy, Policy
from phoihop.access.registry import register_policy
from phoihop.letters.models import FollowUp, Forwarding, Letter

_NONE = Q(pk__in=[])


@register_policy
class LetterPolicy(OrganizationGrantPolicy):
    """A body's staff work on the letters of its register, by ``letters.<action>_letter``.

    A supervising body (``letters.supervise_letter``) sees, read-only, the letters it
    forwarded to another body's register, also after that body forwarded them on
    (``Letter.supervised_by``), and may send them a follow-up request.
    """

    model = Letter
    actions = ("view", "triage", "resolve", "decide", "supervise")

    def scope(self, user, action: str) -> Q:
        if action not in self.actions:
            return _NONE
        supervised = organization_scope(user, "letters.supervise_letter", "supervised_by")
        if action == "supervise":
            return supervised
        scope = super().scope(user, action)
        return scope | supervised if action == "view" else scope


@register_policy
class ForwardingPolicy(Policy):
    """Both bodies see a forwarding; the receiving body's intake staff acknowledge it."""

    model = Forwarding
    actions = ("view", "acknowledge")

    def scope(self, user, action: str) -> Q:
        if action == "view":
            return organization_scope(
                user, "letters.view_letter", "from_organization"
            ) | organization_scope(user, "letters.view_letter", "to_organization")
        if action == "acknowledge":
            return organization_scope(user, "letters.add_letter", "to_organization")
        return _NONE


@register_policy
class FollowUpPolicy(Policy):
    """The resolving body sees and answers follow-ups; the supervising body sees its own."""

    model = FollowUp
    actions = ("view", "answer")

    def scope(self, user, action: str) -> Q:
        if action == "view":
            return organization_scope(user, "letters.view_letter") | organization_scope(
                user, "letters.supervise_letter", "from_organization"
            )
        if action == "answer":
            return organization_scope(user, "letters.resolve_letter")
        return _NONE
