"""The rulebook's worked examples through the engine (no database)."""

import pytest

from phoihop.deadlines.engine import compute_due, is_working_day
from phoihop.deadlines.tests.examples import ELECTION_EXAMPLES, RULEBOOK_EXAMPLES, flags_to_kwargs

pytestmark = pytest.mark.usefixtures("engine_files")


@pytest.mark.parametrize(("rule_id", "start", "flags", "due"), RULEBOOK_EXAMPLES)
def test_compute_due_matches_rulebook_example(rule_id, start, flags, due):
    result = compute_due(rule_id, start, **flags_to_kwargs(flags))

    assert result.due == due
    assert is_working_day(result.due)
    assert not result.uses_fallback  # 2026 has an official schedule


@pytest.mark.parametrize(("rule_id", "start", "flags", "due"), ELECTION_EXAMPLES)
def test_compute_due_election_periods_are_not_rolled(rule_id, start, flags, due):
    assert compute_due(rule_id, start, **flags_to_kwargs(flags)).due == due
