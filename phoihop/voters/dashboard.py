"""Voter petitions waiting for the viewer's bodies' answer, on the dashboard."""

from datetime import date

from phoihop.access.registry import policy_scope
from phoihop.core.registry import DueItem, due_items
from phoihop.deadlines import engine
from phoihop.voters.models import ConsolidatedPetition

LIMIT = 20


def petitions_to_answer(viewer, today: date):
    # Decided as the item's page and the deadlines' list decide: by the petition's own policy.
    own = policy_scope(ConsolidatedPetition, viewer, "answer")
    may_open = policy_scope(ConsolidatedPetition, viewer, "view")
    waiting = (
        ConsolidatedPetition.objects.filter(own, may_open, status="routed", due_on__isnull=False)
        .select_related("organization")
        .order_by("due_on", "id")[:LIMIT]
    )
    for item in waiting:
        yield DueItem(
            title=f"Trả lời kiến nghị cử tri {item.reference}: {item.title[:80]}",
            due_on=item.due_on,
            overdue=item.due_on < today,
            url=item.get_absolute_url(),
            kind="Kiến nghị cử tri",
            owner=item.organization.short_name,
            days_left=engine.days_until(item.due_on, today),
        )


due_items.register("voters.petitions_to_answer", petitions_to_answer)
