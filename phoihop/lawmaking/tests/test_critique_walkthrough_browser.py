"""In a real browser, on the demo province: a citizen on a phone verifies by a text-message
code and comments → staff import a campaign from the XLSX template (a file with a bad row is
refused whole, every bad row named; the corrected file is imported and merged) → the Front
writes its social critique of the draft resolution point by point and sends it (the DOCX read)
→ the People's Committee answers each point (the DOCX read) → the delegation records its
deputies' legislative-task proposals for the term and sends them to the NA Standing Committee
(LP-11; the công văn read). Screenshots on a desktop and a 390 px phone.
"""

from io import BytesIO

import pytest
from docx import Document
from openpyxl import load_workbook

from phoihop.lawmaking.tests.test_walkthrough_browser import SHOTS, _main
from phoihop.web.browser import DESKTOP, PHONE, browser, chromium_available, demo_server, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not chromium_available(), reason="Debian's Chromium is not installed"),
]
LAW = "Dự án Luật Phí sử dụng đường bộ"
RESOLUTION = "Dự thảo Nghị quyết quy định mức hỗ trợ học phí mầm non"


def _shot(page, name: str) -> None:
    page.screenshot(path=SHOTS / f"lawmaking-{name}.png", full_page=True)


def _docx_text(download) -> str:
    docx = Document(download.path())
    cells = [c.text for t in docx.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in docx.paragraphs] + cells)


def _fill_template(content: bytes, rows) -> bytes:
    book = load_workbook(BytesIO(content))
    sheet = book.worksheets[0]
    sheet.delete_rows(2)  # the example row
    for row in rows:
        sheet.append(row)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def test_phone_code_xlsx_campaign_front_critique_and_term_proposals(tmp_path):
    with demo_server() as base, browser() as chromium:
        # A citizen on a phone: a code by text message (the demo shows it), then a comment.
        citizen = chromium.new_context(viewport=PHONE, locale="vi-VN").new_page()
        citizen.goto(f"{base}/cong-dan/gop-y/")
        citizen.get_by_role("link", name=LAW).first.click()
        citizen.goto(citizen.url + "dieu-5-khoan-2/")
        citizen.get_by_role("link", name="Xác minh để góp ý").click()
        citizen.get_by_label("Số điện thoại", exact=True).check()
        citizen.get_by_label("Thư điện tử hoặc số điện thoại").fill("0212 345 678")
        citizen.get_by_role("button", name="Gửi mã").click()
        assert "Số điện thoại di động không hợp lệ" in citizen.locator("main").inner_text()
        citizen.get_by_label("Thư điện tử hoặc số điện thoại").fill("0912 345 678")
        citizen.get_by_role("button", name="Gửi mã").click()
        code = citizen.locator("[role=status] strong").inner_text()
        # the page says where the code went, masked
        assert "Mã gồm 6 số đã gửi đến 091****678" in citizen.locator("main").inner_text()
        citizen.get_by_label("Mã xác minh (6 số)").fill(code)
        _shot(citizen, "20-phone-code")
        citizen.get_by_role("button", name="Xác minh").click()
        citizen.get_by_label("Đề nghị sửa đổi, bổ sung", exact=True).check()
        citizen.get_by_label("Nội dung góp ý").fill("Nên có mức trần thống nhất cả nước.")
        citizen.get_by_role("button", name="Gửi góp ý").click()
        assert "góp ý đã được ghi nhận" in citizen.locator("body").inner_text()

        # Staff: the XLSX template, a file with bad rows refused whole, then the right one.
        staff = chromium.new_context(viewport=DESKTOP, locale="vi-VN", accept_downloads=True)
        page = staff.new_page()
        sign_in(page, base, "dbqh.lanhdao")
        page.goto(f"{base}/gop-y-du-thao/")
        page.locator("tr", has_text=LAW).get_by_role("link").first.click()
        consultation_url = page.url
        page.locator("summary", has_text="Nhập nhiều ý kiến từ tệp").click()
        with page.expect_download() as info:
            page.get_by_role("link", name="Tải tệp mẫu XLSX").click()
        template = info.value.path().read_bytes()
        good = [
            [
                f"Đề nghị giữ mức thu hiện hành đối với xe tải nhỏ{' của hộ kinh doanh' * (i % 2)}",
                "Khoản 2 Điều 5",
                "Không tán thành",
                "",
                f"Cử tri {i}",
                "",
                "Người dân",
            ]
            for i in range(40)
        ]
        bad = tmp_path / "co-loi.xlsx"
        bad.write_bytes(
            _fill_template(
                template,
                [*good[:3], ["", "Điều 5"], ["Bỏ điều này", "Điều 99", "có lẽ"]],
            )
        )
        before = _main(page)
        page.get_by_label("Tên đợt nhập").fill("Phiếu góp ý của cử tri")
        page.get_by_label("Tệp XLSX, CSV hoặc TXT (UTF-8)").set_input_files(str(bad))
        page.get_by_role("button", name="Nhập và gộp").click()
        text = page.locator("body").inner_text()
        assert "Tệp không được nhập, chưa ghi ý kiến nào" in text
        assert "Dòng 5: thiếu nội dung góp ý." in text and "Dòng 6: không thấy «Điều 99»" in text
        _shot(page, "21-xlsx-refused")
        assert before.split("Tổng số ý kiến:")[1][:80] in _main(page)  # nothing changed
        right = tmp_path / "dung.xlsx"
        right.write_bytes(_fill_template(template, good))
        page.locator("summary", has_text="Nhập nhiều ý kiến từ tệp").click()
        page.get_by_label("Tên đợt nhập").fill("Phiếu góp ý của cử tri")
        page.get_by_label("Tệp XLSX, CSV hoặc TXT (UTF-8)").set_input_files(str(right))
        page.get_by_role("button", name="Nhập và gộp").click()
        page.locator("#merge").get_by_text("Xong").wait_for(timeout=180_000)
        _shot(page, "22-xlsx-imported")
        page.goto(f"{consultation_url}tong-hop/")
        assert "Người dân 40" in page.locator("table").inner_text()

        # The Front's critique of the draft resolution, point by point.
        front = chromium.new_context(viewport=DESKTOP, locale="vi-VN", accept_downloads=True)
        fp = front.new_page()
        sign_in(fp, base, "mttq.chuyenvien")
        fp.goto(f"{base}/gop-y-du-thao/")
        fp.get_by_role("link", name=RESOLUTION).first.click()
        fp.locator("summary", has_text="Xây dựng văn bản phản biện").click()
        fp.get_by_label("Cơ quan chủ trì soạn thảo (tiếp thu, giải trình)").select_option(
            label="Ủy ban nhân dân tỉnh Hòa Lĩnh"
        )
        fp.get_by_role("button", name="Tạo văn bản phản biện").click()
        assert "PB-" in fp.locator("h1").inner_text()
        for cite, text, proposal in [
            ("Khoản 1 Điều 2", "Chưa rõ hộ cận nghèo theo chuẩn nào.", "Dẫn chiếu chuẩn nghèo."),
            ("Điều 3", "Chưa giao rõ trách nhiệm kiểm tra.", "Giao Sở Tài chính kiểm tra."),
        ]:
            if not fp.get_by_label("Nhận xét, đánh giá").is_visible():
                fp.locator("summary", has_text="Thêm ý kiến phản biện").click()
            fp.get_by_label("Điều, khoản, điểm").select_option(label=cite)
            fp.get_by_label("Nhận xét, đánh giá").fill(text)
            fp.get_by_label("Kiến nghị").fill(proposal)
            fp.get_by_role("button", name="Thêm", exact=True).click()
        fp.locator("summary", has_text="Cấp số và gửi văn bản phản biện").click()
        fp.get_by_label("Chức vụ người ký").fill("TM. BAN THƯỜNG TRỰC")
        fp.get_by_label("Người ký", exact=True).fill("Hoàng Thị Mai")
        fp.get_by_role("button", name="Cấp số và gửi").click()
        assert "Đã gửi, chờ tiếp thu, giải trình" in fp.locator("h1").inner_text()
        critique_url = fp.url
        _shot(fp, "23-critique-sent")
        with fp.expect_download() as info:
            fp.get_by_role("link", name="(DOCX)").first.click()
        letter = _docx_text(info.value)
        assert "Kính gửi: Ủy ban nhân dân tỉnh Hòa Lĩnh." in letter
        assert "Khoản 1 Điều 2" in letter and "Giao Sở Tài chính kiểm tra." in letter

        # The People's Committee answers each point.
        committee = chromium.new_context(viewport=PHONE, locale="vi-VN", accept_downloads=True)
        cp = committee.new_page()
        sign_in(cp, base, "ubnd.lanhdao")
        cp.goto(critique_url)
        cp.get_by_label("Tiếp thu, giải trình ý kiến 1").select_option("taken_up")
        cp.get_by_label("Nội dung tiếp thu, giải trình").first.fill("Đã dẫn chiếu chuẩn nghèo.")
        cp.get_by_label("Tiếp thu, giải trình ý kiến 2").select_option("explained")
        cp.get_by_label("Nội dung tiếp thu, giải trình").nth(1).fill(
            "Trách nhiệm kiểm tra đã quy định tại Điều 3."
        )
        cp.get_by_label("Chức vụ người ký").fill("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH")
        cp.get_by_label("Người ký", exact=True).fill("Vũ Đình Khang")
        _shot(cp, "24-critique-answer-phone")
        cp.get_by_role("button", name="Ban hành văn bản tiếp thu, giải trình").click()
        assert "Đã có văn bản tiếp thu, giải trình" in cp.locator("h1").inner_text()
        with cp.expect_download() as info:
            cp.get_by_role("link", name="(DOCX)").nth(1).click()
        answer = _docx_text(info.value)
        assert "Kính gửi: Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh." in answer
        assert "Giải trình, không tiếp thu: Trách nhiệm kiểm tra đã quy định tại Điều 3." in answer
        _shot(cp, "25-critique-answered-phone")

        # The term's legislative-task proposals (LP-11).
        page.goto(f"{base}/gop-y-du-thao/de-xuat-lap-phap/")
        assert "trước 01/08/2026 (đã gửi 27/07/2026)" in _main(page)
        page.locator("summary", has_text="Bắt đầu tổng hợp đề xuất").click()
        page.get_by_label("Quốc hội khóa").fill("XVII")
        page.get_by_label("Năm đầu nhiệm kỳ").fill("2031")
        page.get_by_role("button", name="Bắt đầu", exact=True).click()
        assert "khóa XVII" in page.locator("h1").inner_text()
        assert "trước ngày 01/08/2031" in _main(page) and "31/07/2031" in _main(page)
        page.get_by_label("Đại biểu đề xuất").fill("Nguyễn Thị Hạnh")
        page.get_by_label("Hình thức").select_option("new")
        page.get_by_label("Tên luật, nghị quyết đề xuất").fill("Luật Chính quyền số")
        page.get_by_label("Sự cần thiết").fill("Chưa có luật điều chỉnh hoạt động chính quyền số.")
        page.get_by_role("button", name="Ghi đề xuất").click()
        page.locator("summary", has_text="Cấp số công văn").click()
        page.get_by_label("Chức vụ người ký").fill("TRƯỞNG ĐOÀN")
        page.get_by_role("button", name="Cấp số và gửi").click()
        assert "Đã gửi Ủy ban Thường vụ Quốc hội" in page.locator("h1").inner_text()
        _shot(page, "26-proposals-sent")
        with page.expect_download() as info:
            page.get_by_role("link", name="(DOCX)").click()
        letter = _docx_text(info.value)
        assert "Kính gửi: Ủy ban Thường vụ Quốc hội." in letter
        assert "Luật Chính quyền số" in letter and "Nguyễn Thị Hạnh" in letter
        # The same signed-in page at phone width: a TOTP code signs an account in only once.
        page.set_viewport_size(PHONE)
        page.reload()
        _shot(page, "27-proposals-phone")
