"""An item's clocks: the due date a clock would get is the one it gets when started."""

from datetime import date

import pytest

from phoihop.accounts.services import system_actor
from phoihop.casework.clocks import clock_due, clock_rule, clock_start
from phoihop.letters.models import Letter
from phoihop.letters.tests.factories import register

pytestmark = pytest.mark.django_db
OPENING = date(2026, 12, 8)


def test_a_provincial_rule_is_counted_as_the_items_province_counts_it(tree):
    item = register(tree.own, kind="complaint")

    assert clock_rule(item, "KH-05", OPENING) == "KH-05@T25"  # phoihop/testing/data/provincial
    assert clock_due(item, "KH-05", OPENING) == date(2026, 11, 27)  # 10 days before (W2)
    started = clock_start(item, "KH-05", OPENING, system_actor())
    assert (started.rule_id, started.due_on) == ("KH-05@T25", date(2026, 11, 27))


@pytest.mark.parametrize(("rule_id", "variant"), [("KN-04", {}), ("KN-04", {"complex": True})])
def test_the_due_date_of_an_item_not_yet_saved_is_the_one_its_clock_gets(tree, rule_id, variant):
    start_on = date(2026, 3, 20)
    due = clock_due(Letter(organization=tree.own), rule_id, start_on, **variant)

    started = clock_start(register(tree.own), rule_id, start_on, system_actor(), **variant)
    assert started.due_on == due == (date(2026, 5, 4) if variant else date(2026, 4, 20))
