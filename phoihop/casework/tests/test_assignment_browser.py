"""In a real browser: a leader gives a letter to an officer of the body, and the officer signs
in and finds it in their notifications.

Runs its own server (temporary SQLite database, demo province) and drives Debian's Chromium
through Playwright. Skipped when Chromium or Playwright is not installed.
"""

import os
import tempfile
from pathlib import Path

import pytest

from phoihop.web.browser import DESKTOP, browser, chromium_available, demo_server, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not chromium_available(), reason="Debian's Chromium is not installed"),
]
SHOTS = Path(os.environ.get("PHOIHOP_SCREENSHOTS", Path(tempfile.gettempdir()) / "phoihop-shots"))
SHOTS.mkdir(parents=True, exist_ok=True)


def test_assignee_signs_in_and_sees_the_notification():
    with demo_server() as base, browser() as chromium:
        leader = chromium.new_context(viewport=DESKTOP, locale="vi-VN").new_page()
        sign_in(leader, base, "ubnd.lanhdao")
        leader.goto(f"{base}/don/?q=duong+tinh+816")
        leader.locator("main table a").first.click()
        leader.wait_for_load_state()
        reference = leader.locator("h1").inner_text().split()[1]
        form = leader.locator("form[action*='/giao/']")
        value = form.locator("option", has_text="ubnd.vanthu").get_attribute("value")
        form.locator("select").select_option(value)
        form.get_by_label("Ghi chú cho người được giao").fill(
            "Xác minh hiện trạng, báo cáo trong tuần"
        )
        form.get_by_role("button", name="Giao việc").click()
        leader.wait_for_load_state()
        assert "Đã giao việc" in leader.locator("body").inner_text()
        leader.screenshot(path=SHOTS / "casework-01-letter-assigned.png", full_page=True)

        officer = chromium.new_context(viewport=DESKTOP, locale="vi-VN").new_page()
        sign_in(officer, base, "ubnd.vanthu")
        officer.goto(f"{base}/thong-bao/")
        inbox = officer.locator("main").inner_text()
        assert f"Bạn được giao xử lý: Đơn {reference}" in inbox
        assert "Xác minh hiện trạng" in inbox
        officer.screenshot(path=SHOTS / "casework-02-assignee-notified.png", full_page=True)
        officer.locator("main a", has_text=reference).first.click()
        officer.wait_for_load_state()
        assert "Người xử lý" in officer.locator("main").inner_text()
