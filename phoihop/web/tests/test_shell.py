import os
import subprocess
import sys
from datetime import date, datetime, time, timedelta

from phoihop.core.registry import CalendarEntry, DueItem, calendar_sources, due_items
from phoihop.testing import grant, make_user, signed_in_client


def test_english_switch_translates_the_shell(staff_user):
    client = signed_in_client(staff_user)
    assert "Việc đến hạn".encode() in client.get("/").content
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = client.get("/").content.decode()
    assert '<html lang="en">' in page
    assert "Items due" in page
    assert "Sign out" in page


def test_english_toggle_is_hidden_until_the_domain_pages_are_translated(staff_user, settings):
    client = signed_in_client(staff_user)
    assert 'value="en"' not in client.get("/").content.decode()
    settings.PHOIHOP_LANGUAGE_TOGGLE = True
    assert 'value="en"' in client.get("/").content.decode()
    settings.PHOIHOP_LANGUAGE_TOGGLE = False
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    # Whoever is in English already can always switch back.
    assert 'value="vi"' in client.get("/").content.decode()


def test_navigation_shows_only_what_the_user_may_use(tree):
    clerk = make_user("van.thu")
    grant(clerk, "clerk", tree.own)
    leader = make_user("lanh.dao")
    grant(leader, "leader", tree.own)
    assert 'href="/nhat-ky/"' not in signed_in_client(clerk).get("/").content.decode()
    assert 'href="/nhat-ky/"' in signed_in_client(leader).get("/").content.decode()
    assert signed_in_client(clerk).get("/nhat-ky/").status_code == 404


def test_dashboard_groups_registered_due_items(staff_user, monkeypatch):
    today = date.today()

    def source(viewer, on):
        yield DueItem("Trả lời đơn A", today - timedelta(days=2), "/a", "letter", overdue=True)
        yield DueItem("Báo cáo B", today + timedelta(days=3), "/b", "report")

    monkeypatch.setitem(due_items._items, "test.source", source)
    page = signed_in_client(staff_user).get("/").content.decode()
    overdue_at, soon_at = page.index("Quá hạn"), page.index("Trong 7 ngày tới")
    assert overdue_at < page.index("Trả lời đơn A") < soon_at < page.index("Báo cáo B")


def test_calendar_shows_a_day_entry_without_a_time_and_a_meeting_with_its_time(
    staff_user, monkeypatch
):
    day = date.today() + timedelta(days=2)

    def source(viewer, start, end):
        yield CalendarEntry("Khai mạc kỳ họp", day, "Kỳ họp")
        yield CalendarEntry("Tiếp xúc cử tri", datetime.combine(day, time(14, 30)), "Cử tri")

    monkeypatch.setitem(calendar_sources._items, "test.source", source)
    response = signed_in_client(staff_user).get("/")

    page = response.content.decode()
    assert response.status_code == 200
    assert f"{day:%d/%m}</strong> — Khai mạc kỳ họp" in page
    assert f"{day:%d/%m} 14:30</strong> — Tiếp xúc cử tri" in page


def test_production_settings_pass_the_deployment_checks(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "phoihop.settings.production",
        "PHOIHOP_SECRET_KEY": "k" * 20 + "-production-like-secret-for-the-check-only-0123456789",
        "PHOIHOP_ALLOWED_HOSTS": "phoihop.example.gov.vn",
        "PHOIHOP_SITE_URL": "https://phoihop.example.gov.vn",
        "PHOIHOP_DATA_DIR": str(tmp_path),
        "PHOIHOP_IDENTITY_KEYS": "cGhvaWhvcC1kZXBsb3ktY2hlY2stdGVzdC1rZXktMzI=",
        # The identity vault on its own server (decision 0125); never connected by the check.
        "DATABASE_URL": "postgres://app@db.internal:5432/phoihop",
        "IDENTITY_DATABASE_URL": "postgres://vault@vault.internal:5432/vault",
        "PHOIHOP_AUDIT_KEY": "production-like-audit-key-for-the-check-only-0123",
        "PHOIHOP_REDIS_URL": "redis://redis.internal:6379/0",
        "PHOIHOP_AUDIT_WITNESS_DIR": str(tmp_path / "witness"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "phoihop", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_an_english_browser_still_gets_vietnamese(db):
    from django.test import Client

    page = Client().get("/dang-nhap/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert b'<html lang="vi">' in page.content
    assert page["Content-Language"] == "vi"


def test_every_page_names_its_icon_so_browsers_do_not_ask_for_a_missing_favicon(db):
    """Without a declared icon a browser asks for /favicon.ico, which is not served: a 404
    and a console error on the first page of every visit, staff and public alike."""
    import re

    from django.contrib.staticfiles import finders
    from django.test import Client

    for url in ("/dang-nhap/", "/cong-dan/"):
        page = Client().get(url).content.decode()
        icon = re.search(r'<link rel="icon" href="/static/([^"]+)"', page)
        assert icon and finders.find(icon.group(1)), url


def test_the_dashboard_lists_an_item_once_though_two_sources_name_it(monkeypatch):
    """A voter petition's answer clock (deadlines) and the petitions waiting for an answer
    (voters) name the same work on the same day: one line, with the fuller title."""
    from phoihop.core.registry import Registry
    from phoihop.web.dashboard import dashboard_for

    day = date(2026, 11, 9)
    clock = DueItem("Trả lời KNCT-2026-0002", day, "/cu-tri/kien-nghi/x/", "KNCT-05")
    waiting = DueItem(
        "Trả lời kiến nghị cử tri KNCT-2026-0002: Đề nghị nạo vét kênh", day, clock.url, "KNCT"
    )
    other = DueItem("Đơn 01/2026/Đ-UBND", day, "/don/y/", "XL-07")
    unlinked = DueItem("Hạn không mở được", day, "", "XL-07")
    registry = Registry("due-item source")
    registry.register("a", lambda viewer, today: [clock, other, unlinked])
    registry.register("b", lambda viewer, today: [waiting, unlinked])
    monkeypatch.setattr("phoihop.web.dashboard.due_items", registry)
    monkeypatch.setattr("phoihop.web.dashboard.calendar_sources", Registry("calendar source"))
    board = dashboard_for(viewer=None, today=date(2026, 12, 8))
    assert sorted(i.title for i in board.overdue) == sorted(
        [other.title, unlinked.title, unlinked.title, waiting.title]
    )


def test_an_item_with_two_clocks_is_listed_once_by_its_most_urgent_date(monkeypatch):
    from phoihop.core.registry import Registry
    from phoihop.web.dashboard import dashboard_for

    later = DueItem(
        "Báo cáo tổng hợp kiến nghị cử tri", date(2026, 12, 20), "/cu-tri/ky-hop/x/", "a"
    )
    sooner = DueItem("Gửi báo cáo", date(2026, 12, 10), later.url, "b")
    registry = Registry("due-item source")
    registry.register("a", lambda viewer, today: [later, sooner])
    monkeypatch.setattr("phoihop.web.dashboard.due_items", registry)
    monkeypatch.setattr("phoihop.web.dashboard.calendar_sources", Registry("calendar source"))
    board = dashboard_for(viewer=None, today=date(2026, 12, 8))
    assert (board.overdue, board.due_soon, board.later) == ([], [sooner], [])
