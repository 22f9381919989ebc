"""The letters module's entries on the dashboard.

The resolving body's own clocks (letters and follow-ups) already appear through the deadlines
module. This source adds what a supervising body cannot see there: the overdue letters it
forwarded, and its follow-up requests still waiting for an answer. Pseudonymous: only the
register reference is shown.
"""

from datetime import date

from phoihop.access.grants import organization_scope
from phoihop.core.registry import DueItem, due_items
from phoihop.deadlines import engine
from phoihop.letters.models import FollowUp
from phoihop.letters.selectors import follow_up_list, letter_supervised_list
from phoihop.letters.services.common import open_deadlines

LIMIT = 20


def supervised_overdue(viewer, today: date):
    letters = letter_supervised_list(viewer=viewer, today=today).overdue[:LIMIT]
    for letter in letters:
        yield DueItem(
            title=f"{letter} ({letter.organization.short_name})",
            due_on=letter.due_on,
            url=letter.get_absolute_url(),
            kind="Giám sát đơn",
            owner=letter.organization.short_name,
            overdue=True,
            days_left=engine.days_until(letter.due_on, today),
        )
    waiting = follow_up_list(viewer=viewer, status=FollowUp.Status.OPEN).filter(
        organization_scope(viewer, "letters.supervise_letter", "from_organization")
    )
    for follow_up in waiting[:LIMIT]:
        # The answer's clock (XL-07) runs on the resolving body's side; show its due date.
        clock = open_deadlines(follow_up).order_by("due_on").first()
        due_on = clock.due_on if clock else follow_up.sent_on
        yield DueItem(
            title=f"Chờ trả lời: {follow_up}",
            due_on=due_on,
            overdue=due_on < today,
            url=follow_up.get_absolute_url(),
            kind="Đề nghị xem xét, giải quyết",
            owner=follow_up.organization.short_name,
        )


due_items.register("letters.supervised", supervised_overdue)
