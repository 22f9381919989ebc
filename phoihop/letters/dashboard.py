"""The letters module's entries on the dashboard.

The resolving body's own clocks already appear through the deadlines module. This source adds
what a supervising body cannot see there: the overdue letters it supervises. (Its follow-up
requests waiting for an answer are the casework layer's entry.) Pseudonymous: only the
register reference is shown.
"""

from datetime import date

from phoihop.core.registry import DueItem, due_items
from phoihop.deadlines import engine
from phoihop.letters.selectors import letter_supervised_list

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


due_items.register("letters.supervised", supervised_overdue)
