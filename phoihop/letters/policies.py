from django.db.models import Q

from phoihop.access.registry import register_policy
from phoihop.casework.policies import TrackedItemPolicy
from phoihop.letters.models import Letter

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
