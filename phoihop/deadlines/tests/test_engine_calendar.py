"""Lunar anchors, the statutory model and the official 2026 schedule (no database)."""

from datetime import date

import pytest

from phoihop.deadlines.engine import DayKind, YearStatus, current_calendar
from phoihop.deadlines.engine.data import default_model, file_calendar
from phoihop.deadlines.engine.lunar import hung_kings_day, lunar_new_year

pytestmark = pytest.mark.usefixtures("engine_files")

# RULEBOOK Appendix A, "Lunar anchors" (Vietnamese calendar, UTC+7).
TET = {
    2025: date(2025, 1, 29),
    2026: date(2026, 2, 17),
    2027: date(2027, 2, 6),
    2028: date(2028, 1, 26),
}
GIO_TO = {2026: date(2026, 4, 26), 2027: date(2027, 4, 16), 2028: date(2028, 4, 4)}


@pytest.mark.parametrize(("year", "expected"), TET.items())
def test_lunar_new_year_matches_rulebook_anchor(year, expected):
    assert lunar_new_year(year) == expected


@pytest.mark.parametrize(("year", "expected"), GIO_TO.items())
def test_hung_kings_day_matches_rulebook_anchor(year, expected):
    assert hung_kings_day(year) == expected


def test_lunar_new_year_uses_vietnamese_not_chinese_time_zone():
    # Tết 2030 is 02/02 in Vietnam (UTC+7) and 03/02 in China (UTC+8).
    assert lunar_new_year(2030) == date(2030, 2, 2)


def _off(year):
    return [d.day for d in file_calendar().days_off(year)]


def test_model_2027_matches_rulebook_appendix_a():
    expected = [
        date(2027, 1, 1),
        date(2027, 2, 5),
        date(2027, 2, 6),
        date(2027, 2, 7),  # eve, mùng 1–2 (weekend)
        date(2027, 2, 8),
        date(2027, 2, 9),
        date(2027, 2, 10),
        date(2027, 2, 11),
        date(2027, 4, 16),
        date(2027, 4, 30),
        date(2027, 5, 1),
        date(2027, 5, 3),
        date(2027, 9, 2),
        date(2027, 9, 3),
    ]
    calendar = file_calendar()

    assert calendar.schedule(2027).status == YearStatus.MODEL
    assert _off(2027) == expected
    working = [d for d in expected if calendar.is_working_day(d)]
    assert working == []


def test_model_compensates_a_holiday_on_a_weekend_with_the_next_working_day():
    # Labour Code 2019 Art. 111 k3: 01/05/2027 is a Saturday.
    days = {d.day: d.kind for d in default_model().year_schedule(2027).days}

    assert days[date(2027, 5, 3)] == DayKind.COMPENSATORY


def test_model_2026_differs_from_the_official_schedule_only_by_swaps():
    calendar = current_calendar()
    model = {d.day for d in default_model().year_schedule(2026).days}
    official_off = {d.day for d in calendar.days_off(2026)}
    swaps = {d.day for d in calendar.schedule(2026).days if d.kind == DayKind.SWAP_OFF}

    assert official_off - swaps == model
    assert swaps == {date(2026, 1, 2), date(2026, 8, 31)}


@pytest.mark.parametrize("day", [date(2026, 1, 10), date(2026, 8, 22)])
def test_makeup_saturdays_2026_are_working_days(day):
    assert day.isoweekday() == 6
    assert current_calendar().is_working_day(day)


def test_official_2026_entries_cite_a_source():
    assert all(d.source for d in current_calendar().schedule(2026).days)


def test_culture_day_is_a_working_day_unless_toggled_on():
    day = date(2026, 11, 24)

    assert file_calendar().is_working_day(day)
    assert not file_calendar(frozenset({"culture_day"})).is_working_day(day)
    assert not file_calendar(frozenset({"culture_day"})).is_working_day(date(2027, 11, 24))


def test_fallback_years_are_the_years_without_an_official_schedule():
    calendar = file_calendar()

    assert calendar.fallback_years(date(2025, 12, 1), date(2027, 1, 5)) == (2025, 2027)
