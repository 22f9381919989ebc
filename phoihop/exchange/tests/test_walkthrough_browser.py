"""In a real browser, documents between the bodies and the reports they owe: the People's
Committee's clerk sends a report to the council's standing committee for action and to the
Front for information → the standing committee's clerk registers it (incoming number, receipt)
→ the sender sees who received it and when → the registers and their XLSX → a quarterly
report with its charts, prepared as a draft, previewed and issued with its number → the
implementation report of resolutions to the next session. Desktop and 390 px phone shots.

Runs its own server (temporary SQLite database, demo province, today's date) and drives
Debian's Chromium through Playwright. Skipped when Chromium or Playwright is not installed.
"""

import io
import os
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from docx import Document as Docx
from openpyxl import load_workbook
from playwright.sync_api import expect

from phoihop.web.browser import DESKTOP, PHONE, browser, chromium_available, demo_server, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not chromium_available(), reason="Debian's Chromium is not installed"),
]
SHOTS = Path(os.environ.get("PHOIHOP_SCREENSHOTS", Path(tempfile.gettempdir()) / "phoihop-shots"))
SHOTS.mkdir(parents=True, exist_ok=True)
STANDING = "Thường trực Hội đồng nhân dân tỉnh"
FRONT = "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh"


def _d(days: int) -> str:
    """A date as officials type it: dd/mm/yyyy."""
    return (timezone.localdate() + timedelta(days=days)).strftime("%d/%m/%Y")


def _shot(page, name: str) -> None:
    page.screenshot(path=SHOTS / f"exchange-{name}.png", full_page=True)


def _body(page) -> str:
    """The page's text once it has loaded: a click returns as soon as the next page starts."""
    page.wait_for_load_state()
    return page.locator("body").inner_text()


def _docx_text(path) -> str:
    doc = Docx(path)
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            lines.append(" | ".join(c.text for c in row.cells))
    return "\n".join(lines)


def test_send_register_receipt_registers_and_reports():
    with demo_server() as base, browser() as chromium:
        desktop = {"viewport": DESKTOP, "locale": "vi-VN", "accept_downloads": True}
        ubnd = chromium.new_context(**desktop).new_page()
        sign_in(ubnd, base, "ubnd.vanthu")
        ubnd.goto(f"{base}/trao-doi/gui/")
        ubnd.get_by_label("Số, ký hiệu").fill("230/BC-UBND")
        ubnd.get_by_label("Tên loại văn bản").fill("Báo cáo")
        ubnd.get_by_label("Trích yếu nội dung").fill(
            "Tình hình thực hiện nghị quyết về hỗ trợ học phí"
        )
        ubnd.get_by_label("Ngày văn bản").fill(_d(0))
        ubnd.get_by_label("Người ký").fill("Lê Văn Hùng")
        ubnd.get_by_label(f"Gửi {STANDING} để").select_option("action")
        ubnd.get_by_label(f"Hạn xử lý của {STANDING}").fill(_d(7))
        ubnd.get_by_label(f"Gửi {FRONT} để").select_option("information")
        _shot(ubnd, "01-send-form")
        ubnd.get_by_role("button", name="Vào sổ văn bản đi và gửi").click()
        assert "Đã vào sổ văn bản đi và gửi 2 cơ quan" in _body(ubnd)
        dispatch_url = ubnd.url
        assert _body(ubnd).count("Chưa báo nhận") == 2

        hdnd = chromium.new_context(**desktop).new_page()
        sign_in(hdnd, base, "hdnd.vanthu")
        hdnd.goto(f"{base}/trao-doi/")
        _shot(hdnd, "02-inbox")
        hdnd.get_by_role("link", name="230/BC-UBND").click()
        hdnd.get_by_role("button", name="Vào sổ và báo đã nhận").click()
        page = _body(hdnd)
        assert "Đã vào sổ văn bản đến" in page and "Số đến" in page and "Đang xử lý" in page
        assert "vào sổ muộn" not in page
        _shot(hdnd, "03-registered")

        ubnd.goto(dispatch_url)
        page = _body(ubnd)
        assert "số đến" in page and "Văn thư" in page  # who received it, when, its number
        _shot(ubnd, "04-receipt-seen-by-sender")

        hdnd.goto(f"{base}/trao-doi/so/")
        page = _body(hdnd)
        assert "Sổ đăng ký văn bản đến" in page and "230/BC-UBND" in page
        _shot(hdnd, "05-registers")
        with hdnd.expect_download() as download:
            hdnd.get_by_role("link", name="Tải sổ (XLSX)").click()
        book = load_workbook(io.BytesIO(download.value.path().read_bytes()))
        assert book.sheetnames == ["Sổ văn bản đi", "Sổ văn bản đến"]

        cv = chromium.new_context(**desktop).new_page()
        sign_in(cv, base, "hdnd.chuyenvien")
        cv.goto(f"{base}/trao-doi/bao-cao/")
        cv.get_by_label("Cơ quan báo cáo").select_option(label=STANDING)
        cv.get_by_label("Kỳ báo cáo").select_option("quarter")
        cv.get_by_role("button", name="Xem số liệu").click()
        expect(cv.locator("svg.chart")).to_have_count(3)
        _shot(cv, "06-report-figures")
        with cv.expect_download() as download:
            cv.get_by_role("link", name="Tải số liệu (XLSX)").click()
        assert (
            load_workbook(io.BytesIO(download.value.path().read_bytes()))
            .active["A1"]
            .value.startswith("KẾT QUẢ")
        )
        cv.get_by_role("button", name="Lập dự thảo báo cáo (DOCX)").click()
        assert "Đã lập dự thảo báo cáo" in _body(cv)
        _shot(cv, "07-report-draft-preview")
        cv.get_by_role("button", name="Cấp số và ban hành").click()
        assert "Đã cấp số" in _body(cv)
        with cv.expect_download() as download:
            cv.get_by_role("link", name="Tải văn bản (DOCX)").click()
        text = _docx_text(download.value.path())
        (SHOTS / "exchange-report.txt").write_text(text)
        assert "BÁO CÁO" in text and "Nơi nhận:" in text and "TM. THƯỜNG TRỰC" in text

        # The implementation report of resolutions to the next session.
        leader = chromium.new_context(**desktop).new_page()
        sign_in(leader, base, "hdnd.lanhdao")
        leader.goto(f"{base}/hdnd/ky-hop/")
        leader.locator("tbody a").first.click()
        leader.get_by_role(
            "button", name="Lập dự thảo báo cáo kết quả thực hiện nghị quyết (DOCX)"
        ).click()
        assert "Đã lập dự thảo báo cáo" in _body(leader)
        _shot(leader, "08-implementation-report-preview")
        with leader.expect_download() as download:
            leader.get_by_role("link", name="Tải bản xem trước (DOCX, chưa có số)").click()
        text = _docx_text(download.value.path())
        (SHOTS / "exchange-implementation.txt").write_text(text)
        assert "Nhiệm vụ" in text and "Phụ lục" in text

        # The same pages on a 390 px phone (a second sign-in would reuse the TOTP code).
        hdnd.set_viewport_size(PHONE)
        hdnd.goto(f"{base}/trao-doi/")
        _shot(hdnd, "09-inbox-phone")
        hdnd.goto(f"{base}/trao-doi/so/")
        _shot(hdnd, "10-registers-phone")
        ubnd.set_viewport_size(PHONE)
        ubnd.goto(dispatch_url)
        _shot(ubnd, "11-receipt-phone")
        cv.set_viewport_size(PHONE)
        cv.goto(f"{base}/trao-doi/bao-cao/")
        cv.get_by_label("Cơ quan báo cáo").select_option(label=STANDING)
        cv.get_by_role("button", name="Xem số liệu").click()
        _shot(cv, "12-report-figures-phone")
        cv.locator(".report-table").screenshot(path=SHOTS / "exchange-13-table-phone.png")
        cv.locator(".grid section").first.screenshot(path=SHOTS / "exchange-14-chart-phone.png")
