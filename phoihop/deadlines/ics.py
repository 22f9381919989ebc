"""iCalendar (RFC 5545) renderings of the non-working days and of deadlines."""

from collections.abc import Iterable
from datetime import date, datetime

from django.utils import timezone
from icalendar import Calendar, Event

from phoihop.deadlines import engine
from phoihop.deadlines.models import Deadline

PRODID = "-//phoihop//thoi-han//VI"


def calendar_new(name: str) -> Calendar:
    """An empty iCalendar with phoihop's product id and Vietnam's time zone."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    return cal


def _all_day(uid: str, summary: str, day: date, stamp: datetime, description: str = "") -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("summary", summary)
    event.add("dtstart", day)
    event.add("dtend", engine.add_calendar_days(day, 1, roll=engine.Roll.NONE))
    event.add("transp", "TRANSPARENT")
    if description:
        event.add("description", description)
    return event


def days_off_ics(calendar: engine.BusinessCalendar, years: Iterable[int]) -> bytes:
    """Holidays, compensatory and swapped days; a model year is marked as provisional."""
    cal = calendar_new("Ngày nghỉ lễ, tết của cán bộ, công chức")
    stamp = timezone.now()
    for year in years:
        provisional = calendar.is_fallback_year(year)
        for day in calendar.days_off(year):
            summary = f"{day.name} (dự kiến)" if provisional else day.name
            cal.add_component(
                _all_day(
                    f"ngay-nghi-{day.day.isoformat()}@phoihop", summary, day.day, stamp, day.source
                )
            )
    return cal.to_ical()


def deadlines_ics(deadlines: Iterable[Deadline], *, name: str) -> bytes:
    """One all-day event on each deadline's due date."""
    cal = calendar_new(name)
    stamp = timezone.now()
    rules = engine.current_rules()
    for deadline in deadlines:
        rule = rules.get(deadline.rule_id) if deadline.rule_id in rules else None
        description = f"{rule.title} — {rule.citation}" if rule else deadline.rule_id
        summary = f"Hạn: {deadline.title}"
        if deadline.status == Deadline.Status.SUSPENDED:
            summary += " (tạm dừng)"
        cal.add_component(
            _all_day(
                f"thoi-han-{deadline.public_id}@phoihop",
                summary,
                deadline.due_on,
                stamp,
                description,
            )
        )
    return cal.to_ical()
