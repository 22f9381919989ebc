from django.db.models import Q

from phoihop.access.grants import organization_scope
from phoihop.access.policy import Policy
from phoihop.access.registry import register_policy
from phoihop.casework.policies import TrackedItemPolicy
from phoihop.letters.models import Forwarding, Letter

_NONE = Q(pk__in=[])


@register_policy
class LetterPolicy(TrackedItemPolicy):
    """A body's staff work on the letters of its register, by ``letters.<action>_letter``.

    A supervising body (``letters.supervise_letter``) sees, read-only, the letters it
    forwarded to another body's register, also after that body forwarded them on
    (``Letter.supervised_by``), and the letters inside its supervision assignments; it may
    send them follow-up requests. Assigning a letter takes ``letters.triage_letter``.
    """

    model = Letter
    actions = ("view", "work", "assign", "triage", "resolve", "decide", "supervise")


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
