"""Lunar-calendar dates of the Vietnamese holidays, from python-holidays.

python-holidays keeps Vietnamese lunisolar tables (UTC+7) apart from the Chinese ones (UTC+8):
they differ in some years (e.g. Tết 1985, 2007, 2030). See docs/decisions/0020.
"""

from datetime import date

from holidays.calendars.chinese import VIETNAMESE_CALENDAR, _ChineseLunisolar

from phoihop.deadlines.engine.errors import CalendarUnavailableError

_VIETNAMESE = _ChineseLunisolar(VIETNAMESE_CALENDAR)


def lunar_new_year(year: int) -> date:
    """Mùng 1 Tết of the lunar year starting in *year* (Vietnamese calendar, UTC+7)."""
    day, _estimated = _VIETNAMESE.lunar_new_year_date(year)
    if day is None:
        raise CalendarUnavailableError(f"Không có dữ liệu âm lịch cho năm {year}.")
    return day


def hung_kings_day(year: int) -> date:
    """10/3 lunar, Giỗ Tổ Hùng Vương, in *year* (Vietnamese calendar, UTC+7)."""
    day, _estimated = _VIETNAMESE.hung_kings_date(year)
    if day is None:
        raise CalendarUnavailableError(f"Không có dữ liệu âm lịch cho năm {year}.")
    return day
