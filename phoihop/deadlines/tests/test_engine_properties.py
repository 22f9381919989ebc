"""Properties of the counting functions over generated dates (no database)."""

from datetime import date

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from phoihop.deadlines.engine import (
    Direction,
    Roll,
    add_calendar_days,
    add_working_days,
    compute_due,
    current_rules,
    is_working_day,
    working_days_between,
)
from phoihop.deadlines.engine.data import default_rules
from phoihop.deadlines.engine.rules import variant_for

pytestmark = pytest.mark.usefixtures("engine_files")

days = st.dates(min_value=date(2025, 1, 1), max_value=date(2028, 12, 31))
counts = st.integers(min_value=0, max_value=40)
# The shipped rules: the fixture runs the engine on the data files alone.
rolled_rules = [r.id for r in default_rules() if r.roll != Roll.NONE]


@given(day=days, n=st.integers(min_value=1, max_value=60))
def test_add_working_days_never_lands_on_a_non_working_day(day, n):
    assert is_working_day(add_working_days(day, n))
    assert is_working_day(add_working_days(day, -n))


@given(day=days, n=counts, m=counts)
def test_add_working_days_n_then_m_equals_n_plus_m(day, n, m):
    assert add_working_days(add_working_days(day, n), m) == add_working_days(day, n + m)


@given(day=days, n=st.integers(min_value=1, max_value=60))
def test_working_days_between_inverts_add_working_days(day, n):
    assert working_days_between(day, add_working_days(day, n)) == n
    assert working_days_between(day, add_working_days(day, -n)) == -n


@given(day=days, n=st.integers(min_value=0, max_value=120))
def test_calendar_days_rolled_never_end_on_a_non_working_day(day, n):
    forward = add_calendar_days(day, n, roll=Roll.FORWARD)
    backward = add_calendar_days(day, n, roll=Roll.BACKWARD)

    assert is_working_day(forward)
    assert is_working_day(backward)
    assert backward <= forward


@settings(max_examples=200)
@given(
    rule_id=st.sampled_from(rolled_rules),
    start=days,
    complex_=st.booleans(),
    remote=st.booleans(),
)
def test_compute_due_never_ends_on_a_non_working_day(rule_id, start, complex_, remote):
    rule = current_rules().get(rule_id)
    assume(variant_for(complex=complex_, especially_complex=False, remote=remote) in rule.counts)

    result = compute_due(rule_id, start, complex=complex_, remote=remote)

    assert is_working_day(result.due)
    assert (result.due > start) == (rule.direction == Direction.AFTER)
