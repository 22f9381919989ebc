"""Who may see and keep reception schedules and the reception register."""

from django.db.models import Q

from phoihop.access.policy import OrganizationGrantPolicy
from phoihop.access.registry import register_policy
from phoihop.casework.policies import TrackedItemPolicy
from phoihop.reception.models import Schedule, Visit


@register_policy
class SchedulePolicy(OrganizationGrantPolicy):
    """A body's staff keep its reception schedules (``reception.<action>_schedule``).

    Published schedules are public anyway (the public site lists them without sign-in); the
    grant matters for drafts and for changes.
    """

    model = Schedule
    actions = ("view", "add", "change")


@register_policy
class VisitPolicy(TrackedItemPolicy):
    """The reception register follows the receiving body's grants (``reception.<action>_visit``).

    The official who received a visit, and the one it is assigned to, may also view it and
    record its answer. Assigning a visit takes ``reception.change_visit``.
    """

    model = Visit
    actions = ("view", "work", "assign", "add", "change")

    def scope(self, user, action: str) -> Q:
        scope = super().scope(user, action)
        if user.is_superuser:
            return scope
        if action in ("view", "change") and user.is_authenticated and user.is_active:
            scope |= Q(received_by=user) | Q(assigned_to=user)
        return scope
