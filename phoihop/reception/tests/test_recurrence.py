"""Reception days from recurrence patterns, on the shipped 2026 civil-service calendar."""

from datetime import date

import pytest

from phoihop.deadlines.engine import providers
from phoihop.deadlines.engine.data import default_rules, file_calendar
from phoihop.reception import recurrence
from phoihop.reception.recurrence import LAST, MONTHLY_DAY, MONTHLY_WEEKDAY, WEEKLY, Pattern


@pytest.fixture(autouse=True)
def _engine_on_data_files():
    saved = providers._calendar_provider, providers._rules_provider
    providers.set_providers(calendar=file_calendar, rules=default_rules)
    yield
    providers.set_providers(calendar=saved[0], rules=saved[1])


def held(pattern, start, end):
    return [o.held_on for o in recurrence.occurrences(pattern, start, end)]


def test_occurrences_monthly_day_rolls_a_sunday_to_monday():
    # 15/03/2026 is a Sunday; 15/02/2026 falls in the Tết break (14–22/02).
    days = held(Pattern(MONTHLY_DAY, day_of_month=15), date(2026, 1, 1), date(2026, 3, 31))

    assert days == [date(2026, 1, 15), date(2026, 2, 23), date(2026, 3, 16)]


def test_occurrences_without_roll_keeps_the_nominal_day():
    pattern = Pattern(MONTHLY_DAY, day_of_month=15, roll_to_working_day=False)

    assert held(pattern, date(2026, 3, 1), date(2026, 3, 31)) == [date(2026, 3, 15)]


def test_occurrences_day_31_falls_on_the_last_day_of_short_months():
    pattern = Pattern(MONTHLY_DAY, day_of_month=31, roll_to_working_day=False)

    assert held(pattern, date(2026, 4, 1), date(2026, 4, 30)) == [date(2026, 4, 30)]


def test_occurrences_first_thursday_of_each_month():
    pattern = Pattern(MONTHLY_WEEKDAY, weekday=3, week_of_month=1)

    # Thu 01/01/2026 is New Year's Day, so reception moves to the next working day: Fri 02/01
    # is a swapped day off too (VPCP 12729), so Monday 05/01.
    assert held(pattern, date(2026, 1, 1), date(2026, 3, 31)) == [
        date(2026, 1, 5),
        date(2026, 2, 5),
        date(2026, 3, 5),
    ]


def test_occurrences_last_friday_and_missing_fifth_week():
    last_friday = Pattern(MONTHLY_WEEKDAY, weekday=4, week_of_month=LAST)
    fifth_monday = Pattern(MONTHLY_WEEKDAY, weekday=0, week_of_month=5, roll_to_working_day=False)

    assert held(last_friday, date(2026, 5, 1), date(2026, 5, 31)) == [date(2026, 5, 29)]
    assert held(fifth_monday, date(2026, 2, 1), date(2026, 2, 28)) == []
    assert held(fifth_monday, date(2026, 3, 1), date(2026, 3, 31)) == [date(2026, 3, 30)]


def test_occurrences_weekly_skips_to_next_working_day_and_never_repeats_a_day():
    # Commune chairman, every Monday (TCD-03). Mon 27/04/2026 is the Giỗ Tổ compensatory day.
    days = held(Pattern(WEEKLY, weekday=0), date(2026, 4, 20), date(2026, 5, 5))

    assert days == [date(2026, 4, 20), date(2026, 4, 28), date(2026, 5, 4)]


def test_occurrences_a_day_rolled_into_the_window_is_included():
    # 15/02 (Tết) is held on 23/02, inside a window that starts on 20/02.
    assert held(Pattern(MONTHLY_DAY, day_of_month=15), date(2026, 2, 20), date(2026, 2, 28)) == [
        date(2026, 2, 23)
    ]


def test_describe_in_vietnamese():
    assert recurrence.describe(Pattern(MONTHLY_WEEKDAY, weekday=3, week_of_month=1)).startswith(
        "thứ Năm đầu tiên của tháng"
    )
    fixed = Pattern(MONTHLY_DAY, day_of_month=15, roll_to_working_day=False)
    assert recurrence.describe(fixed) == "ngày 15 hằng tháng"
