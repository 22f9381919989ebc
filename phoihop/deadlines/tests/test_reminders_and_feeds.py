"""The daily reminder job, selectors, the calendar kept in the database, iCalendar feeds."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from icalendar import Calendar

from phoihop.core.registry import due_items
from phoihop.deadlines import engine
from phoihop.deadlines.models import CalendarDay, CalendarYear
from phoihop.deadlines.selectors import deadline_due_soon_list, deadline_overdue_list
from phoihop.deadlines.services import (
    deadline_feed_token_rotate,
    deadline_notify_due,
    deadline_start,
    deadline_suspend,
)
from phoihop.deadlines.tasks import deadline_notify_daily
from phoihop.deadlines.tests.factories import deadline_officer
from phoihop.notifications.models import Notification
from phoihop.testing import make_user, signed_in_client


@pytest.fixture
def officer(tree):
    return deadline_officer("chuyen.vien", tree.own)


@pytest.fixture
def deadline(tree, officer):
    # XL-01 received Thu 2026-04-23: due Tue 2026-05-12 (RULEBOOK example).
    return deadline_start(
        target=tree.own_unit,
        organization=tree.own,
        rule_id="XL-01",
        start_on=date(2026, 4, 23),
        actor=officer,
        owner=officer,
        title="Trả lời công dân B",
    )


def _days_before(due, n):
    return engine.add_working_days(due, -n)


def test_notify_sends_one_reminder_per_milestone_however_often_it_runs(deadline, actor):
    soon = _days_before(deadline.due_on, 2)

    first = deadline_notify_due(today=soon, actor=actor)
    again = deadline_notify_due(today=soon, actor=actor)
    on_due = deadline_notify_due(today=deadline.due_on, actor=actor)
    on_due_again = deadline_notify_due(today=deadline.due_on, actor=actor)

    assert (first, again, on_due, on_due_again) == (1, 0, 1, 0)
    titles = list(
        Notification.objects.filter(recipient=deadline.owner).values_list("title", flat=True)
    )
    assert len(titles) == 2
    assert all(deadline.title in t for t in titles)


def test_notify_sends_nothing_far_from_the_due_date(deadline, actor):
    assert deadline_notify_due(today=deadline.start_on, actor=actor) == 0


def test_notify_skips_a_suspended_deadline(deadline, officer, actor):
    deadline_suspend(deadline=deadline, on=date(2026, 4, 24), reason="", actor=officer)

    assert deadline_notify_due(today=deadline.due_on, actor=actor) == 0


def test_daily_job_is_idempotent(deadline):
    deadline_notify_daily.call_local()  # the periodic job's body, for today's date
    sent = Notification.objects.count()

    deadline_notify_daily.call_local()

    assert Notification.objects.count() == sent


def test_overdue_and_due_soon_selectors(deadline, officer):
    due = deadline.due_on
    after = engine.add_calendar_days(due, 1, roll=engine.Roll.NONE)

    assert list(deadline_due_soon_list(viewer=officer, today=_days_before(due, 2))) == [deadline]
    assert list(deadline_overdue_list(viewer=officer, today=due)) == []
    assert list(deadline_overdue_list(viewer=officer, today=after)) == [deadline]
    assert list(deadline_overdue_list(viewer=make_user("khac"), today=after)) == []


def test_dashboard_source_lists_visible_running_deadlines(deadline, officer):
    items = list(due_items["deadlines.running"](officer, deadline.due_on))

    assert [(i.title, i.due_on, i.days_left, i.overdue) for i in items] == [
        (deadline.title, deadline.due_on, 0, False)
    ]


@pytest.mark.django_db
def test_official_2026_calendar_is_seeded_and_reloading_is_idempotent():
    count = CalendarDay.objects.count()

    call_command("deadline_calendar_load", stdout=StringIO())

    assert CalendarYear.objects.filter(year=2026).exists()
    assert CalendarDay.objects.count() == count > 0


@pytest.mark.django_db
def test_a_day_off_entered_by_an_administrator_moves_deadlines():
    before = engine.compute_due("KN-03", date(2026, 6, 8)).due
    CalendarDay.objects.create(
        calendar_year=CalendarYear.objects.get(year=2026),
        day=before,
        kind="holiday",
        name="Ngày nghỉ đột xuất",
        source="Quyết định thử nghiệm",
    )

    after = engine.compute_due("KN-03", date(2026, 6, 8)).due

    assert not engine.is_working_day(before)
    assert after > before
    assert engine.is_working_day(after)


@pytest.mark.django_db
def test_culture_day_setting_makes_24_11_a_day_off(settings):
    day = date(2026, 11, 24)
    assert engine.is_working_day(day)

    settings.PHOIHOP_DEADLINES = {"CULTURE_DAY_HOLIDAY": True}

    assert not engine.is_working_day(day)


@pytest.mark.django_db
def test_day_type_setting_switches_an_open_reading(settings):
    settings.PHOIHOP_DEADLINES = {"DAY_TYPE_OVERRIDES": {"KN-03": "working"}}

    result = engine.compute_due("KN-03", date(2026, 6, 8))

    assert result.rule.day_type == engine.DayType.WORKING
    assert engine.working_days_between(date(2026, 6, 8), result.due) == 10


_KON_TUM = "QĐ 21/2020/QĐ-UBND tỉnh Kon Tum, Quy chế kèm theo"


def _province_file(folder, counts: str) -> None:
    (folder / "T-kn.toml").write_text(
        f'key = "TKN"\nprovince = "T"\nvalid_from = 2025-07-01\nsource = "{_KON_TUM}"\n'
        f'confidence = "H"\n\n[counts]\n{counts}\n',
        encoding="utf-8",
    )


@pytest.mark.django_db
def test_province_sets_the_local_answer_period_with_its_citation(settings, tmp_path):
    shipped = engine.compute_due("KNCT-05", date(2026, 6, 8))
    assert shipped.due == date(2026, 8, 7) and shipped.rule.confidence == "L"
    # Until the province's text is loaded, its clocks use the interim count (decision 0166).
    assert engine.current_rules().for_province("KNCT-05", "T", date(2026, 6, 8)) == "KNCT-05"

    _province_file(tmp_path, '"KNCT-05" = 30')
    settings.PHOIHOP_DEADLINES = {"PROVINCIAL_RULES_DIRS": [tmp_path]}
    rule_id = engine.current_rules().for_province("KNCT-05", "T", date(2026, 6, 8))
    result = engine.compute_due(rule_id, date(2026, 6, 8))

    assert rule_id == "KNCT-05@TKN" and result.due == date(2026, 7, 8)
    assert _KON_TUM in result.rule.citation and result.rule.confidence == "H"
    # Another province keeps the interim count.
    assert engine.current_rules().for_province("KNCT-05", "X", date(2026, 6, 8)) == "KNCT-05"


@pytest.mark.django_db
def test_a_statutory_period_cannot_be_set_by_the_province(settings, tmp_path):
    _province_file(tmp_path, '"TX-10" = 30')
    settings.PHOIHOP_DEADLINES = {"PROVINCIAL_RULES_DIRS": [tmp_path]}
    with pytest.raises(engine.UnknownRuleError):
        engine.current_rules()


def _parse(response):
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(
        b"".join(response.streaming_content) if response.streaming else response.content
    )


@pytest.mark.django_db
def test_days_off_feed_is_public_and_parses(client):
    cal = _parse(client.get(reverse("deadlines:days_off_feed"), {"nam": 2026}))

    starts = {e.decoded("dtstart") for e in cal.walk("VEVENT")}
    assert {date(2026, 2, 17), date(2026, 8, 31), date(2026, 9, 2)} <= starts
    assert date(2026, 1, 10) not in starts  # a make-up Saturday is a working day


@pytest.mark.django_db
def test_days_off_feed_marks_a_model_year_as_provisional(client):
    cal = _parse(client.get(reverse("deadlines:days_off_feed"), {"nam": 2027}))

    assert all("dự kiến" in str(e["summary"]) for e in cal.walk("VEVENT"))


def test_my_deadlines_feed_needs_sign_in(client, deadline):
    response = client.get(reverse("deadlines:my_deadlines_feed"))

    assert response.status_code == 302


def test_my_deadlines_feed_lists_own_deadlines(deadline, officer):
    cal = _parse(signed_in_client(officer).get(reverse("deadlines:my_deadlines_feed")))

    [event] = cal.walk("VEVENT")
    assert event.decoded("dtstart") == deadline.due_on
    assert deadline.title in str(event["summary"])


def test_token_feed_serves_the_key_owner_and_rotating_revokes_the_old_key(
    client, deadline, officer
):
    old = deadline_feed_token_rotate(user=officer, actor=officer).key
    url = reverse("deadlines:token_deadlines_feed", kwargs={"key": old})
    assert len(_parse(client.get(url)).walk("VEVENT")) == 1

    deadline_feed_token_rotate(user=officer, actor=officer)

    assert client.get(url).status_code == 404
