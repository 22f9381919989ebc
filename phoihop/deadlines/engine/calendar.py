"""The civil-service business calendar: which days are working days.

A year either has an official schedule (data file or administrator-edited entries, with swap days
and make-up Saturdays) or falls back to the statutory model of the Labour Code 2019 (Art. 111,
Art. 112). Results that depend on a fallback year say so (``BusinessCalendar.fallback_years``).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from phoihop.deadlines.engine import lunar
from phoihop.deadlines.engine.errors import CalendarUnavailableError


class DayKind(StrEnum):
    HOLIDAY = "holiday"
    COMPENSATORY = "compensatory"  # Labour Code 2019 Art. 111 k3
    SWAP_OFF = "swap_off"  # a weekday swapped for a make-up Saturday (RULEBOOK G-06)
    MAKEUP_WORKING = "makeup_working"  # a weekly rest day worked in exchange (G-06)


class YearStatus(StrEnum):
    OFFICIAL = "official"
    MODEL = "model"


@dataclass(frozen=True)
class CalendarDay:
    """One day that departs from the plain Monday-to-Friday week, with its source document."""

    day: date
    kind: DayKind
    name: str
    source: str = ""
    toggle: str = ""  # applies only when this setting is on (e.g. "culture_day", NG-06)

    @property
    def is_day_off(self) -> bool:
        return self.kind != DayKind.MAKEUP_WORKING


@dataclass(frozen=True)
class YearSchedule:
    year: int
    status: YearStatus
    days: tuple[CalendarDay, ...]
    source: str = ""


@dataclass(frozen=True)
class FixedHoliday:
    month: int
    day: int
    name: str
    source: str
    toggle: str = ""
    from_year: int = 0


@dataclass(frozen=True)
class StatutoryModel:
    """Labour Code 2019 Art. 112 holidays with Art. 111 k3 compensatory days."""

    weekly_rest_days: frozenset[int]
    fixed: tuple[FixedHoliday, ...]
    tet_days_before: int
    tet_days_from_new_year: int  # mùng 1 to mùng N
    tet_name: str
    tet_source: str
    hung_kings_name: str
    hung_kings_source: str
    national_day_offsets: dict[int, int]
    national_day_adjacent_name: str
    national_day_adjacent_source: str
    compensatory_suffix: str
    compensatory_source: str

    def is_weekly_rest_day(self, day: date) -> bool:
        return day.isoweekday() in self.weekly_rest_days

    def holidays(self, year: int, toggles: frozenset[str]) -> list[CalendarDay]:
        """The statutory holidays of *year*, without compensatory days."""
        result = [
            CalendarDay(date(year, h.month, h.day), DayKind.HOLIDAY, h.name, h.source, h.toggle)
            for h in self.fixed
            if year >= h.from_year and (not h.toggle or h.toggle in toggles)
        ]
        new_year = lunar.lunar_new_year(year)
        result.extend(
            CalendarDay(
                new_year + timedelta(days=offset), DayKind.HOLIDAY, self.tet_name, self.tet_source
            )
            for offset in range(-self.tet_days_before, self.tet_days_from_new_year)
        )
        result.append(
            CalendarDay(
                lunar.hung_kings_day(year),
                DayKind.HOLIDAY,
                self.hung_kings_name,
                self.hung_kings_source,
            )
        )
        national_day = date(year, 9, 2)
        adjacent = national_day + timedelta(
            days=self.national_day_offsets[national_day.isoweekday()]
        )
        result.append(
            CalendarDay(
                adjacent,
                DayKind.HOLIDAY,
                self.national_day_adjacent_name,
                self.national_day_adjacent_source,
            )
        )
        return sorted(result, key=lambda d: d.day)

    def year_schedule(self, year: int, toggles: frozenset[str] = frozenset()) -> YearSchedule:
        """Model schedule of *year*: holidays plus compensatory days (Art. 111 k3)."""
        holidays = self.holidays(year, toggles)
        taken = {h.day for h in holidays}
        compensatory = []
        for holiday in holidays:
            if not self.is_weekly_rest_day(holiday.day):
                continue
            # Labour Code 2019 Art. 111 k3: a holiday on a weekly rest day is made up on the
            # next working day.
            candidate = holiday.day + timedelta(days=1)
            while self.is_weekly_rest_day(candidate) or candidate in taken:
                candidate += timedelta(days=1)
            taken.add(candidate)
            compensatory.append(
                CalendarDay(
                    candidate,
                    DayKind.COMPENSATORY,
                    f"{holiday.name} {self.compensatory_suffix}",
                    self.compensatory_source,
                )
            )
        days = tuple(sorted(holidays + compensatory, key=lambda d: d.day))
        return YearSchedule(year, YearStatus.MODEL, days, "BLLĐ 2019 Đ111–Đ112 (mô hình)")


@dataclass
class BusinessCalendar:
    """Working days of the civil service, year by year.

    ``official`` holds the years with an official schedule; any other year is built from
    ``model`` and reported by ``fallback_years``. ``toggles`` switches on optional entries
    (e.g. ``{"culture_day"}`` for 24/11, RULEBOOK NG-06).
    """

    model: StatutoryModel
    official: dict[int, YearSchedule] = field(default_factory=dict)
    toggles: frozenset[str] = frozenset()
    _schedules: dict[int, YearSchedule] = field(default_factory=dict, repr=False)
    _off: dict[int, frozenset[date]] = field(default_factory=dict, repr=False)
    _working: dict[int, frozenset[date]] = field(default_factory=dict, repr=False)
    _toggled: dict[int, frozenset[date]] = field(default_factory=dict, repr=False)

    @classmethod
    def build(
        cls,
        model: StatutoryModel,
        official: Iterable[YearSchedule] = (),
        toggles: Iterable[str] = (),
    ) -> "BusinessCalendar":
        return cls(model=model, official={s.year: s for s in official}, toggles=frozenset(toggles))

    def schedule(self, year: int) -> YearSchedule:
        """The schedule in force for *year*, official or modelled; toggled-off days removed."""
        if year not in self._schedules:
            if not 1901 <= year <= 2100:
                raise CalendarUnavailableError(f"Không có lịch làm việc cho năm {year}.")
            source = self.official.get(year) or self.model.year_schedule(year, self.toggles)
            days = tuple(d for d in source.days if not d.toggle or d.toggle in self.toggles)
            schedule = YearSchedule(year, source.status, days, source.source)
            self._schedules[year] = schedule
            self._off[year] = frozenset(d.day for d in days if d.is_day_off)
            self._working[year] = frozenset(d.day for d in days if not d.is_day_off)
            # Days off only under a toggle that is off (24/11, NG-06), in either source.
            every_toggle = frozenset(h.toggle for h in self.model.fixed if h.toggle)
            toggled = {d.day for d in source.days if d.toggle and d.is_day_off}
            toggled |= {d.day for d in self.model.holidays(year, every_toggle) if d.toggle}
            self._toggled[year] = frozenset(toggled - self._off[year])
        return self._schedules[year]

    def is_fallback_year(self, year: int) -> bool:
        return year not in self.official

    def fallback_years(self, first: date, last: date) -> tuple[int, ...]:
        """Years between *first* and *last* (either order) that use the statutory model."""
        low, high = sorted((first.year, last.year))
        return tuple(y for y in range(low, high + 1) if self.is_fallback_year(y))

    def is_working_day(self, day: date) -> bool:
        """Mon–Fri, minus holidays, compensatory and swapped days, plus make-up days (G-06)."""
        self.schedule(day.year)
        if day in self._working[day.year]:
            return True
        if day in self._off[day.year]:
            return False
        return not self.model.is_weekly_rest_day(day)

    def is_citizen_working_day(self, day: date) -> bool:
        """Whether a citizen's own period may end on *day* (BLDS 2015 Đ148 k5; decision 0121).

        Stricter than :meth:`is_working_day` in the citizen's favour: a make-up Saturday of the
        civil service is still the citizen's weekly rest day, and a holiday whose status is
        unconfirmed (a toggle that is off, e.g. 24/11) counts as a day off.
        """
        if not self.is_working_day(day) or self.model.is_weekly_rest_day(day):
            return False
        return day not in self._toggled[day.year]

    def days_off(self, year: int) -> list[CalendarDay]:
        """Named non-working days of *year* (holidays, compensatory and swapped days)."""
        return [d for d in self.schedule(year).days if d.is_day_off]

    def non_working_days(self, first: date, last: date) -> list[date]:
        """Every non-working day from *first* to *last* inclusive, weekends included."""
        result = []
        day = first
        while day <= last:
            if not self.is_working_day(day):
                result.append(day)
            day += timedelta(days=1)
        return result
