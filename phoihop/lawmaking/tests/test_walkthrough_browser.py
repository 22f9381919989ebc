"""In a real browser: import a draft law → open a consultation → a citizen comments on two
provisions from the public site after a one-time code → an agency's answer is recorded →
conference comments entered → a campaign of 3,000 near-identical comments is imported and merged
into one opinion with its count → the per-provision report is issued (the DOCX checked) →
dự thảo 2 is imported and the comments follow their provisions.

Runs its own server (temporary SQLite database, demo province, a task worker) and drives
Debian's Chromium through Playwright. Skipped when Chromium or Playwright is not installed.
"""

import os
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from phoihop.lawmaking.demo import campaign_texts
from phoihop.lawmaking.tests import samples
from phoihop.web.browser import DESKTOP, PHONE, browser, chromium_available, demo_server, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not chromium_available(), reason="Debian's Chromium is not installed"),
]
SHOTS = Path(os.environ.get("PHOIHOP_SCREENSHOTS", Path(tempfile.gettempdir()) / "phoihop-shots"))
SHOTS.mkdir(parents=True, exist_ok=True)
DELEGATION = "Đoàn đại biểu Quốc hội tỉnh Hòa Lĩnh"
TITLE = "Dự án Luật Phí sử dụng đường bộ (lần 2)"


def _d(days: int) -> str:
    """A date as officials type it: dd/mm/yyyy."""
    return (timezone.localdate() + timedelta(days=days)).strftime("%d/%m/%Y")


def _shot(page, name: str) -> None:
    page.screenshot(path=SHOTS / f"lawmaking-{name}.png", full_page=True)


def _main(page) -> str:
    return page.locator("main").inner_text()


def _citizen_comment(page, base, consultation_url, eid, position, text):
    page.goto(f"{consultation_url}{eid}/")
    if page.get_by_role("link", name="Xác minh để góp ý").count():
        page.get_by_role("link", name="Xác minh để góp ý").click()
        page.get_by_label("Thư điện tử", exact=True).check()
        page.get_by_label("Thư điện tử hoặc số điện thoại").fill("cu.tri@example.vn")
        page.get_by_role("button", name="Gửi mã").click()
        code = page.locator("[role=status] strong").inner_text()
        page.get_by_label("Mã xác minh (6 số)").fill(code)
        _shot(page, "03-public-code")
        page.get_by_role("button", name="Xác minh").click()
    page.get_by_label(position, exact=True).check()
    page.get_by_label("Nội dung góp ý").fill(text)
    page.get_by_role("button", name="Gửi góp ý").click()
    assert "góp ý đã được ghi nhận" in page.locator("body").inner_text()


def test_draft_law_consultation_from_import_to_report_and_version_two(tmp_path):
    with demo_server() as base, browser() as chromium:
        staff = chromium.new_context(viewport=DESKTOP, locale="vi-VN", accept_downloads=True)
        page = staff.new_page()
        sign_in(page, base, "dbqh.lanhdao")

        # Import the draft law (DOCX).
        draft_file = tmp_path / "du-thao-1.docx"
        draft_file.write_bytes(samples.text_docx(samples.NA_LAW))
        page.goto(f"{base}/gop-y-du-thao/")
        page.locator("summary", has_text="Nhập dự thảo (DOCX hoặc dán nội dung)").click()
        page.get_by_label("Cơ quan lấy ý kiến").select_option(label=DELEGATION)
        page.get_by_label("Loại dự thảo").select_option("law")
        page.get_by_label("Tên dự thảo").fill(TITLE)
        page.get_by_label("Tệp dự thảo (DOCX)").set_input_files(str(draft_file))
        page.get_by_role("button", name="Nhập dự thảo").click()
        assert page.locator("h1").inner_text() == TITLE
        text = _main(page)
        assert "Điều 3. Giải thích từ ngữ" in text and "Điểm b" in text
        _shot(page, "01-draft-imported")

        # Open a consultation on the public site.
        page.locator("summary", has_text="Mở đợt lấy ý kiến").click()
        page.get_by_label("Hình thức").select_option("delegation")
        page.get_by_label("Tên đợt lấy ý kiến").fill("Lấy ý kiến Nhân dân dự án Luật Phí")
        page.get_by_label("Theo yêu cầu của").fill("Ủy ban Thường vụ Quốc hội")
        page.get_by_label("Bắt đầu").fill(_d(0))
        page.get_by_label("Kết thúc").fill(_d(20))
        page.get_by_label("Lấy ý kiến Nhân dân trên cổng công dân").check()
        page.get_by_role("button", name="Mở đợt lấy ý kiến").click()
        assert "LYK-" in page.locator("h1").inner_text()
        consultation_url = page.url
        public_link = page.get_by_role("link", name="Người dân góp ý trực tuyến")
        public_url = base + public_link.get_attribute("href")
        _shot(page, "02-consultation-opened")

        # A citizen on a phone comments on two provisions after a one-time code.
        citizen = chromium.new_context(viewport=PHONE, locale="vi-VN").new_page()
        _citizen_comment(
            citizen,
            base,
            public_url,
            "dieu-5-khoan-1",
            "Không tán thành",
            "Xe máy là phương tiện mưu sinh, đề nghị không thu phí.",
        )
        _citizen_comment(
            citizen,
            base,
            public_url,
            "dieu-7-diem-c",
            "Tán thành",
            "Tán thành miễn phí cho xe của hộ nghèo.",
        )
        _shot(citizen, "04-public-comment-sent")

        # An official request to an agency, its công văn, and the answer.
        page.goto(consultation_url)
        page.locator("summary", has_text="Gửi công văn đề nghị góp ý").click()
        page.get_by_label("Cơ quan, tổ chức, chuyên gia được lấy ý kiến").fill("Sở Tài chính")
        page.get_by_label("Chức vụ người ký").first.fill("TRƯỞNG ĐOÀN")
        page.get_by_label("Người ký", exact=True).first.fill("Hoàng Minh Đức")
        page.get_by_role("button", name="Cấp số và gửi").click()
        assert "Hạn trả lời" in _main(page)
        with page.expect_download() as info:
            page.get_by_role("link", name="(DOCX)").click()
        from docx import Document

        letter = "\n".join(p.text for p in Document(info.value.path()).paragraphs)
        assert "Kính gửi: Sở Tài chính." in letter and "Điều 30" in letter
        page.locator("#id_y0-provision").select_option(label="Khoản 2 Điều 6")
        page.locator("#id_y0-position").select_option("wording")
        page.locator("#id_y0-text").fill("Đề nghị quy định khung mức thu theo tải trọng.")
        page.locator("#id_y0-proposed_wording").fill(
            "Chính phủ quy định khung mức thu theo tải trọng."
        )
        page.get_by_role("button", name="Ghi nhận văn bản trả lời").click()
        assert "Đã trả lời" in page.locator("h1").inner_text()
        _shot(page, "05-agency-answer")

        # A conference and what its speakers said.
        page.goto(consultation_url)
        page.locator("summary", has_text="Ghi hội nghị, tọa đàm").click()
        page.get_by_label("Tên hội nghị").fill("Hội nghị lấy ý kiến doanh nghiệp vận tải")
        page.get_by_role("button", name="Ghi", exact=True).click()
        page.get_by_label("Điều, khoản, điểm").select_option(label="Điều 7")
        page.get_by_label("Ý kiến", exact=True).select_option("wording")
        page.get_by_label("Nội dung góp ý").fill("Cần miễn phí cho xe cứu hộ giao thông.")
        page.get_by_label("Người góp ý").fill("Phạm Quốc Hưng")
        page.get_by_label("Cơ quan, đơn vị").fill("Hiệp hội Vận tải ô tô tỉnh")
        page.get_by_role("button", name="Ghi ý kiến").click()
        assert "Phạm Quốc Hưng" in _main(page) and "Hiệp hội Vận tải ô tô tỉnh" in _main(page)
        _shot(page, "06-conference")

        # A campaign of 3,000 near-identical comments, merged in the background.
        campaign = tmp_path / "chien-dich.txt"
        campaign.write_text("\n".join(campaign_texts(3000)), encoding="utf-8")
        page.goto(consultation_url)
        page.locator("summary", has_text="Nhập nhiều ý kiến từ tệp").click()
        page.get_by_label("Tên đợt nhập").fill("Thư điện tử gửi Đoàn")
        page.get_by_label("Góp ý vào (khi tệp không ghi điều, khoản)").select_option(label="Điều 5")
        page.get_by_label("Ý kiến (khi tệp không ghi)").select_option("disagree")
        page.get_by_label("Tệp XLSX, CSV hoặc TXT (UTF-8)").set_input_files(str(campaign))
        page.get_by_role("button", name="Nhập và gộp").click()
        page.locator("#merge").get_by_text("Xong").wait_for(timeout=180_000)
        _shot(page, "07-campaign-merged")
        page.goto(f"{consultation_url}tong-hop/")
        table = page.locator("table").inner_text()
        assert "3000" in table and "Người dân 3000" in table
        _shot(page, "08-report-table")

        # Take up the campaign's opinion, issue the report and read its DOCX.
        row = page.locator("tr", has_text="3000").first
        row.locator("summary").click()
        row.get_by_label("Tiếp thu, giải trình", exact=True).select_option("explained")
        row.get_by_label("Nội dung tiếp thu, giải trình").fill(
            "Dự thảo 2 không thu phí xe máy đến 175 cm3."
        )
        row.get_by_role("button", name="Ghi").click()
        page.get_by_label("Chức vụ người ký").fill("TRƯỞNG ĐOÀN")
        page.get_by_label("Người ký", exact=True).fill("Hoàng Minh Đức")
        page.get_by_role("button", name="Ban hành báo cáo tổng hợp").click()
        assert "Đã có báo cáo tổng hợp" in page.locator("h1").inner_text()
        with page.expect_download() as info:
            page.get_by_role("link", name="(DOCX)").first.click()
        report = Document(info.value.path())
        body = "\n".join(p.text for p in report.paragraphs)
        assert "Tổng số ý kiến nhận được: 3004" in body
        table = next(t for t in report.tables if t.rows[0].cells[0].text == "TT")
        rows = [[c.text for c in r.cells] for r in table.rows[1:]]
        cites = [r[1] for r in rows]
        assert cites.index("Điều 5") < cites.index("Khoản 1 Điều 5") < cites.index("Khoản 2 Điều 6")
        campaign_row = next(r for r in rows if r[1] == "Điều 5")
        assert campaign_row[2].startswith("3000") and campaign_row[5].startswith("Giải trình")
        _shot(page, "09-report-issued")

        # Dự thảo 2: the comments follow their provisions.
        page.goto(f"{base}/gop-y-du-thao/")
        page.get_by_role("link", name=TITLE).first.click()
        page.locator("summary", has_text="Nhập dự thảo tiếp theo").click()
        page.get_by_label("Hoặc dán nội dung dự thảo").fill(samples.NA_LAW_V2)
        page.get_by_role("button", name="Nhập và đối chiếu").click()
        text = _main(page)
        assert "Dự thảo 2" in page.locator("h1").inner_text()
        assert "Điều 6. Phí đối với xe mô tô, xe gắn máy" in text and "(trước là Điều 5)" in text
        _shot(page, "10-version-two-diff")
        page.get_by_role("link", name="Điều 6", exact=True).click()
        text = _main(page)
        assert "3000 ý kiến" in text and "góp ý vào Dự thảo 1, Điều 5" in text
        assert page.locator("ins").count() > 0
        _shot(page, "11-comments-follow-provision")
