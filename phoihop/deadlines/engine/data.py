"""Load the versioned data files in ``phoihop/deadlines/data/`` (TOML, read with tomllib)."""

import tomllib
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from phoihop.deadlines.engine.calendar import (
    BusinessCalendar,
    CalendarDay,
    DayKind,
    FixedHoliday,
    StatutoryModel,
    YearSchedule,
    YearStatus,
)
from phoihop.deadlines.engine.errors import CalendarDataError
from phoihop.deadlines.engine.rules import (
    DayType,
    Direction,
    ProvincialRules,
    Roll,
    Rule,
    RuleSet,
    Variant,
)

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise CalendarDataError(f"Không đọc được tệp dữ liệu {path.name}: {exc}") from exc


def load_rules(path: Path = DATA_DIR / "rules.toml") -> RuleSet:
    data = _read(path)
    rules = []
    for rule_id, row in data["rules"].items():
        try:
            counts = {str(Variant(k)): int(v) for k, v in row["counts"].items()}
            rules.append(
                Rule(
                    id=rule_id,
                    title=row["title"],
                    title_en=row["title_en"],
                    trigger=row["trigger"],
                    day_type=DayType(row["day_type"]),
                    direction=Direction(row["direction"]),
                    counts=counts,
                    citation=row["citation"],
                    confidence=row["confidence"],
                    roll=Roll(row.get("roll", Roll.FORWARD)),
                    open_reading=bool(row.get("open_reading", False)),
                    citizen_period=bool(row.get("citizen_period", False)),
                    provincial=bool(row.get("provincial", False)),
                    note=row.get("note", ""),
                )
            )
        except (KeyError, ValueError) as exc:
            raise CalendarDataError(f"Quy tắc {rule_id} sai định dạng: {exc}") from exc
    return RuleSet(rules, version=int(data.get("version", 0)))


def load_provincial(path: Path) -> ProvincialRules:
    """One province's working rules: the counts they give to the provincial rules."""
    data = _read(path)
    try:
        valid_to = data.get("valid_to")
        return ProvincialRules(
            key=str(data["key"]),
            province=str(data["province"]),
            valid_from=data["valid_from"],
            valid_to=valid_to,
            source=data["source"],
            confidence=data.get("confidence", "L"),
            counts={str(k): int(v) for k, v in data["counts"].items()},
        )
    except (KeyError, ValueError, TypeError) as exc:
        raise CalendarDataError(f"Quy chế làm việc {path.name} sai định dạng: {exc}") from exc


def provincial_files(data_dir: Path = DATA_DIR, folder: str = "provincial") -> list[Path]:
    return sorted((data_dir / folder).glob("*.toml"))


def load_statutory_model(path: Path = DATA_DIR / "statutory.toml") -> StatutoryModel:
    data = _read(path)
    fixed = tuple(
        FixedHoliday(
            month=f["month"],
            day=f["day"],
            name=f["name"],
            source=f["source"],
            toggle=f.get("toggle", ""),
            from_year=f.get("from_year", 0),
        )
        for f in data["fixed"]
    )
    adjacent = data["national_day_adjacent"]
    return StatutoryModel(
        weekly_rest_days=frozenset(data["weekly_rest_days"]),
        fixed=fixed,
        tet_days_before=data["tet"]["days_before"],
        tet_days_from_new_year=data["tet"]["days_from_new_year"],
        tet_name=data["tet"]["name"],
        tet_source=data["tet"]["source"],
        hung_kings_name=data["hung_kings"]["name"],
        hung_kings_source=data["hung_kings"]["source"],
        national_day_offsets={int(k): int(v) for k, v in adjacent["offset_by_weekday"].items()},
        national_day_adjacent_name=adjacent["name"],
        national_day_adjacent_source=adjacent["source"],
        compensatory_suffix=data["compensatory"]["name_suffix"],
        compensatory_source=data["compensatory"]["source"],
    )


def load_year_schedule(path: Path) -> YearSchedule:
    data = _read(path)
    year = int(data["year"])
    days = []
    for row in data.get("days", []):
        day = row["date"]
        if not isinstance(day, date) or day.year != year:
            raise CalendarDataError(f"{path.name}: ngày {day!r} không thuộc năm {year}.")
        days.append(
            CalendarDay(
                day=day,
                kind=DayKind(row["kind"]),
                name=row["name"],
                source=row.get("source", ""),
                toggle=row.get("toggle", ""),
            )
        )
    return YearSchedule(
        year=year,
        status=YearStatus(data["status"]),
        days=tuple(sorted(days, key=lambda d: d.day)),
        source=data.get("source", ""),
    )


def official_year_files(data_dir: Path = DATA_DIR) -> list[Path]:
    return sorted(data_dir.glob("calendar_*.toml"))


@cache
def default_rules() -> RuleSet:
    """The rules of ``data/rules.toml`` as shipped, with the provinces' working rules of
    ``data/provincial/``."""
    return load_rules().with_provincial([load_provincial(p) for p in provincial_files()])


@cache
def default_model() -> StatutoryModel:
    return load_statutory_model()


@cache
def default_official_years() -> tuple[YearSchedule, ...]:
    return tuple(load_year_schedule(p) for p in official_year_files())


def file_calendar(toggles: frozenset[str] = frozenset()) -> BusinessCalendar:
    """The calendar of the data files, without any administrator edits."""
    return BusinessCalendar.build(default_model(), default_official_years(), toggles)
