"""In a real browser, the council's main cycle: a session is planned and convened (its clocks
computed from the province's working rules and shown) → the People's Committee files a dossier
late (flagged) → examination, attendance and votes: one resolution passes and one fails on the
total-deputies threshold → the resolution is signed, published on the public site, and its tasks
tracked → between sessions, a written consultation reaches its threshold and becomes a decision
listed for the next session → a briefing's conclusions become tasks with owners.

Runs its own server (temporary SQLite database, demo province, today's date) and drives
Debian's Chromium through Playwright. Skipped when Chromium or Playwright is not installed.
"""

import os
import re
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from phoihop.web.browser import DESKTOP, PHONE, browser, chromium_available, demo_server, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not chromium_available(), reason="Debian's Chromium is not installed"),
]
SHOTS = Path(os.environ.get("PHOIHOP_SCREENSHOTS", Path(tempfile.gettempdir()) / "phoihop-shots"))
SHOTS.mkdir(parents=True, exist_ok=True)

STANDING = "Thường trực Hội đồng nhân dân tỉnh"
UBND = "Ủy ban nhân dân tỉnh Hòa Lĩnh"
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def _d(days: int) -> str:
    return (timezone.localdate() + timedelta(days=days)).isoformat()


def _shot(page, name: str) -> None:
    page.screenshot(path=SHOTS / f"council-{name}.png", full_page=True)


def _text(page) -> str:
    return page.locator("main").inner_text()


def _paper(page, kind: str, title: str, *, file: bool = False) -> None:
    page.locator("summary", has_text="Gửi tài liệu").click()
    page.get_by_label("Loại tài liệu").select_option(kind)
    page.get_by_label("Tên tài liệu").fill(title)
    page.get_by_label("Ngày gửi").fill(_d(0))
    if file:
        page.get_by_label("Tệp (PDF hoặc ảnh)").set_input_files(
            {"name": "to-trinh.pdf", "mimeType": "application/pdf", "buffer": PDF}
        )
    page.get_by_role("button", name="Gửi", exact=True).click()
    assert "Đã nhận tài liệu" in page.locator("body").inner_text()


def _vote(page, yes: int, no: int, abstain: int) -> None:
    page.get_by_label("Ngày biểu quyết").fill(_d(5))
    page.get_by_label("Hình thức").select_option("in_person")
    page.get_by_label("Tán thành", exact=True).fill(str(yes))
    page.get_by_label("Không tán thành").fill(str(no))
    page.get_by_label("Không biểu quyết").fill(str(abstain))
    page.get_by_role("button", name="Ghi kết quả").click()
    assert "Đã ghi kết quả biểu quyết" in page.locator("body").inner_text()


def test_session_to_published_resolution_consultation_and_briefing_tasks():
    with demo_server() as base, browser() as chromium:
        hdnd = chromium.new_context(viewport=DESKTOP, locale="vi-VN", accept_downloads=True)
        council = hdnd.new_page()
        sign_in(council, base, "hdnd.lanhdao")
        ubnd = chromium.new_context(viewport=DESKTOP, locale="vi-VN").new_page()
        sign_in(ubnd, base, "ubnd.chuyenvien")

        # A session opening in five days: its lead-time limits are already behind us.
        council.goto(f"{base}/hdnd/ky-hop/")
        council.get_by_label("Hội đồng nhân dân").select_option(label=STANDING)
        council.get_by_label("Kỳ họp thứ").fill("6")
        council.get_by_label("Loại kỳ họp").select_option("regular")
        council.get_by_label("Tên kỳ họp").fill("Kỳ họp thứ sáu HĐND tỉnh khóa XI")
        council.get_by_label("Ngày khai mạc").fill(_d(5))
        council.get_by_label("Ngày bế mạc dự kiến").fill(_d(6))
        council.get_by_role("button", name="Lập kỳ họp").click()
        assert "thời hạn triệu tập và gửi tài liệu đã tính" in council.locator("body").inner_text()
        session_url = council.url
        convene_by = council.locator("#convene-by").inner_text()
        documents_by = council.locator("#documents-by").inner_text()
        # Counted by the province's working rules, which the page cites (not the rule's code).
        province = "Quy chế làm việc của HĐND tỉnh Hòa Lĩnh"
        assert province in convene_by and province in documents_by
        assert "KH-04" not in convene_by and "KH-05" not in documents_by

        for title in (
            "Nghị quyết quy định giá dịch vụ xe ra vào bến",
            "Nghị quyết quy định mức chi tiếp khách",
        ):
            council.locator("summary", has_text="Thêm nội dung kỳ họp").click()
            council.get_by_label("Cơ quan trình").select_option(label=UBND)
            council.get_by_label("Nội dung", exact=True).fill(title)
            council.get_by_label("Loại nội dung").select_option("resolution")
            council.get_by_label("Ban thẩm tra").select_option(
                label="Ban Kinh tế - Ngân sách HĐND tỉnh"
            )
            council.get_by_label("Nghị quyết quy phạm pháp luật").check()
            council.get_by_role("button", name="Thêm", exact=True).click()
            assert "Đã đưa nội dung vào chương trình" in council.locator("body").inner_text()

        council.locator("summary", has_text="Ban hành quyết định triệu tập").click()
        council.get_by_label("Người ký", exact=True).fill("Nguyễn Văn Hòa")
        council.get_by_role("button", name="Triệu tập").click()
        assert "Đã ban hành quyết định triệu tập" in council.locator("body").inner_text()
        assert "muộn" in council.locator("#convene-by").inner_text()
        _shot(council, "01-session-convened-clocks")

        # The People's Committee files its dossiers after the limit: flagged late.
        ubnd.goto(session_url)
        items = [
            a.get_attribute("href")
            for a in ubnd.locator("a", has_text=re.compile("^Nghị quyết quy định")).all()
        ]
        assert len(items) == 2
        for href in items:
            ubnd.goto(base + href)
            _paper(ubnd, "to_trinh", "Tờ trình của UBND tỉnh", file=True)
            _paper(ubnd, "draft", "Dự thảo nghị quyết")
            assert "hồ sơ gửi muộn" in ubnd.locator("h1").inner_text()
        _shot(ubnd, "02-dossier-late")

        # Examination reports, attendance and votes counted against all deputies.
        for href in items:
            council.goto(base + href)
            _paper(council, "examination", "Báo cáo thẩm tra của Ban Kinh tế - Ngân sách")
        council.goto(session_url)
        heading = council.get_by_role("heading", name=re.compile("Điểm danh đại biểu")).inner_text()
        total = int(re.search(r"\((\d+) đại biểu", heading).group(1))
        selects = council.locator("select[name^='d-']").all()
        for select in selects[:-1]:
            select.select_option("present")
        selects[-1].select_option("excused")
        council.locator("input[name^='r-']").last.fill("Đi công tác")
        council.get_by_role("button", name="Ghi điểm danh").click()
        assert "Đã ghi điểm danh" in council.locator("body").inner_text()
        present = total - 1
        council.goto(base + items[0])
        _vote(council, total // 2 + 1, 1, present - total // 2 - 2)
        assert "Thông qua" in council.locator("#vote-result").inner_text()
        council.goto(base + items[1])
        # A majority of those voting, not more than half of all deputies.
        _vote(council, total // 2, 1, 0)
        assert "Không thông qua" in council.locator("#vote-result").inner_text()
        _shot(council, "03-vote-failed-on-total")
        council.goto(session_url)
        _shot(council, "04-session-agenda-votes")

        # The resolution: numbered, signed, published, its tasks tracked.
        council.goto(base + items[0])
        council.get_by_role("link", name=re.compile("NQ-HĐND")).click()
        symbol = council.locator("h1").inner_text()
        assert re.search(r"\d{2}/\d{4}/NQ-HĐND", symbol)
        council.locator("summary", has_text="Ký chứng thực").click()
        council.get_by_label("Ngày ký chứng thực").fill(_d(6))
        council.get_by_label("Người ký chứng thực").fill("Nguyễn Văn Hòa")
        council.get_by_role("button", name="Ký chứng thực").click()
        council.locator("summary", has_text="Gửi đăng công báo, công bố").click()
        council.get_by_label("Ngày gửi đăng công báo, công bố").fill(_d(7))
        council.get_by_role("button", name="Công bố").click()
        assert "Đã gửi đăng công báo" in council.locator("body").inner_text()
        council.locator("summary", has_text="Giao nhiệm vụ").click()
        council.get_by_label("Cơ quan thực hiện").first.select_option(label="Sở Tài chính")
        council.get_by_label("Nhiệm vụ", exact=True).first.fill(
            "Hướng dẫn thu giá dịch vụ xe ra vào bến"
        )
        council.get_by_label("Hạn hoàn thành").first.fill(_d(60))
        council.get_by_role("button", name="Giao nhiệm vụ").click()
        assert "Đã giao 1 nhiệm vụ" in council.locator("body").inner_text()
        assert "Hướng dẫn thu giá dịch vụ xe ra vào bến" in _text(council)
        _shot(council, "05-resolution-published-tasks")

        public = chromium.new_context(viewport=PHONE, locale="vi-VN").new_page()
        public.goto(f"{base}/cong-khai/nghi-quyet/?q=xe+ra+vao+ben")
        assert (
            "Nghị quyết quy định giá dịch vụ xe ra vào bến" in public.locator("body").inner_text()
        )
        assert "mức chi tiếp khách" not in public.locator("body").inner_text()
        public.get_by_role("link", name=re.compile("NQ-HĐND")).first.click()
        assert "Đang thực hiện" in public.locator("body").inner_text()
        _shot(public, "06-public-resolution-phone")

        # Between sessions: a written consultation reaches its threshold.
        ubnd.goto(f"{base}/hdnd/to-trinh/")
        ubnd.get_by_label("Cơ quan trình").select_option(label=UBND)
        ubnd.get_by_label("Trình Thường trực HĐND").select_option(label=STANDING)
        ubnd.get_by_label("Loại vấn đề").select_option("urgent")
        ubnd.get_by_label("Trích yếu tờ trình").fill(
            "Hỗ trợ khẩn cấp khắc phục lũ quét tại Hòn Mây"
        )
        ubnd.get_by_label("Ngày gửi").fill(_d(0))
        ubnd.get_by_role("button", name="Gửi", exact=True).click()
        submission_url = ubnd.url
        _paper(ubnd, "to_trinh", "Tờ trình 230/TTr-UBND")
        _paper(ubnd, "draft", "Dự thảo nghị quyết của Thường trực")

        council.goto(submission_url)
        council.get_by_label("Hạn trả lời").fill(_d(3))
        council.get_by_label("Nội dung xin ý kiến").fill("Đồng ý chi 5 tỷ đồng khắc phục lũ quét?")
        council.get_by_role("button", name="Gửi phiếu").click()
        assert "Đã gửi phiếu lấy ý kiến" in council.locator("body").inner_text()
        tally = council.locator("#tally").inner_text()
        needed = int(re.search(r"cần (\d+) đồng ý", tally).group(1))

        deputy = chromium.new_context(viewport=PHONE, locale="vi-VN").new_page()
        sign_in(deputy, base, "hdnd.daibieu")
        deputy.goto(submission_url)
        deputy.get_by_label("Ý kiến", exact=True).select_option("yes")
        deputy.get_by_role("button", name="Gửi ý kiến").click()
        assert "Ý kiến của bạn: Đồng ý" in deputy.locator("body").inner_text()
        _shot(deputy, "07-deputy-ballot-phone")

        for _ in range(needed - 1):  # paper ballots recorded by the secretariat
            council.goto(submission_url)
            council.get_by_role("button", name="Ghi", exact=True).first.click()
        council.locator("summary", has_text="Kiểm phiếu").click()
        council.get_by_role("button", name="Kiểm phiếu").click()
        assert "Đã kiểm phiếu" in council.locator("body").inner_text()
        assert "Đã quyết định" in council.locator("h1").inner_text()
        _shot(council, "08-consultation-decided")
        council.goto(session_url)
        assert "Hỗ trợ khẩn cấp khắc phục lũ quét tại Hòn Mây" in _text(council)

        # A briefing of the four bodies; its conclusions become tasks with owners.
        council.goto(f"{base}/hdnd/giao-ban/")
        council.get_by_label("Cơ quan chủ trì").select_option(label=STANDING)
        council.get_by_label("Loại", exact=True).select_option("quarterly")
        council.get_by_label("Tên cuộc họp").fill("Giao ban bốn cơ quan tháng cuối năm")
        council.get_by_label("Ngày họp").fill(_d(0))
        council.get_by_role("button", name="Lập", exact=True).click()
        assert "Ủy ban MTTQ" in _text(council) or "MTTQ" in _text(council)
        for select in council.locator("select[name^='a-']").all():
            select.select_option("present")
        council.get_by_label("Biên bản").fill("Các cơ quan báo cáo kết quả phối hợp.")
        council.get_by_role("button", name="Ghi thành phần, biên bản").click()
        assert "Đã ghi thành phần tham dự" in council.locator("body").inner_text()
        council.get_by_label("Kết luận", exact=True).fill(
            "Tập trung trả lời kiến nghị cử tri trước kỳ họp."
        )
        orgs = council.get_by_label("Cơ quan thực hiện")
        orgs.nth(0).select_option(label=UBND)
        orgs.nth(1).select_option(label="Sở Xây dựng")
        council.get_by_label("Nhiệm vụ", exact=True).nth(0).fill(
            "Trả lời kiến nghị cử tri về đất đai"
        )
        council.get_by_label("Nhiệm vụ", exact=True).nth(1).fill("Báo cáo công trình chậm tiến độ")
        council.get_by_label("Hạn hoàn thành").nth(0).fill(_d(30))
        council.get_by_label("Hạn hoàn thành").nth(1).fill(_d(45))
        council.get_by_role("button", name="Ban hành thông báo kết luận").click()
        assert "giao 2 nhiệm vụ" in council.locator("body").inner_text()
        text = _text(council)
        assert "Trả lời kiến nghị cử tri về đất đai" in text
        assert "Báo cáo công trình chậm tiến độ" in text
        with council.expect_download() as download:
            council.get_by_role("link", name=re.compile("TB-.*DOCX")).click()
        assert download.value.suggested_filename.endswith(".docx")
        _shot(council, "09-briefing-tasks")
        council.goto(f"{base}/hdnd/")
        _shot(council, "10-council-home")
