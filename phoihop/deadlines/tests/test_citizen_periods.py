"""A citizen's own periods (KN-01, KN-06, KN-10, KN-17) end on a day the citizen can act:
make-up Saturdays of the civil service and unconfirmed holidays do not end them (BLDS 2015
Đ148 k5; decision 0121). The administration's periods keep the civil-service calendar."""

from datetime import date

import pytest

from phoihop.deadlines import engine
from phoihop.deadlines.engine.data import file_calendar

pytestmark = pytest.mark.usefixtures("engine_files")


def test_citizen_period_rolls_past_a_make_up_saturday():
    # 23/07 + 30 = Sat 22/08/2026, a make-up working Saturday for civil servants (G-06).
    result = engine.compute_due("KN-06", date(2026, 7, 23))
    assert result.raw_due == date(2026, 8, 22)
    assert result.due == date(2026, 8, 24)
    assert result.rule.citizen_period


def test_the_administrations_period_still_ends_on_the_make_up_saturday():
    # KN-03 (accept within 10 days): 12/08 + 10 = Sat 22/08, a working day for the office.
    assert engine.compute_due("KN-03", date(2026, 8, 12)).due == date(2026, 8, 22)


def test_citizen_period_rolls_past_an_unconfirmed_holiday():
    # 26/08 + 90 = Tue 24/11/2026 (Ngày Văn hóa Việt Nam, status unconfirmed, NG-06).
    calendar = file_calendar()
    assert calendar.is_working_day(date(2026, 11, 24))
    assert not calendar.is_citizen_working_day(date(2026, 11, 24))
    assert engine.compute_due("KN-01", date(2026, 8, 26)).due == date(2026, 11, 25)


def test_kn01_example_of_the_rulebook_is_unchanged():
    assert engine.compute_due("KN-01", date(2026, 1, 23)).due == date(2026, 4, 23)


def test_kn10_label_names_the_last_day_not_the_effect():
    rule = engine.current_rules().get("KN-10")
    assert rule.title.startswith("Ngày cuối")
    assert "hôm sau" in rule.title
    assert rule.citizen_period
