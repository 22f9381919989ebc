"""What officials do instead of Excel and Word, in a real browser: letters sent from the portal to
the council and to the Front land in a staff register; a letter is re-classified, forwarded,
accepted, marked complex when its time is extended and decided; every document is previewed as
a draft (no number), issued, downloaded and read; the register fits a phone.

Runs its own demo server like the reception walkthrough; screenshots go to
``$PHOIHOP_SCREENSHOTS`` (``make screenshots``: docs/screenshots/). Skipped without Chromium.
"""

import io
import os
import re
import tempfile
from pathlib import Path

import pytest

from phoihop.web.browser import DESKTOP, PHONE, browser, chromium_available, demo_server, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not chromium_available(), reason="Debian's Chromium is not installed"),
]
SHOTS = Path(os.environ.get("PHOIHOP_SCREENSHOTS", Path(tempfile.gettempdir()) / "phoihop-shots"))
SHOTS.mkdir(parents=True, exist_ok=True)
TO_COUNCIL = (
    "Tôi khiếu nại Quyết định số 85/QĐ-UBND của UBND xã Hòa An về việc thu hồi đất của gia đình "
    "tôi tại thôn Bàu Tre mà giá bồi thường thấp hơn giá thị trường."
)
TO_FRONT = "Kiến nghị sửa chữa cầu treo thôn Bàu Tre, xã Phú Lâm đã xuống cấp, đi lại nguy hiểm."
CITIZEN = "Võ Thị Lan"
# The citizen's household is redacted from the letter's text; the places of the problems (another
# hamlet, the communes) are kept.
ADDRESS = "Số 7 thôn Đồng Cao, xã Phú Lâm"


@pytest.fixture(scope="module")
def site():
    pytest.importorskip("playwright.sync_api")
    with demo_server() as base, browser() as chromium:
        yield base, chromium


class Official:
    def __init__(self, chromium, base: str, username: str, viewport=DESKTOP) -> None:
        self.base = base
        self.context = chromium.new_context(
            viewport=viewport, locale="vi-VN", accept_downloads=True
        )
        self.page = self.context.new_page()
        sign_in(self.page, base, username)

    def go(self, path: str) -> None:
        self.page.goto(f"{self.base}{path}")

    def shot(self, name: str) -> None:
        self.page.screenshot(path=SHOTS / f"officials-{name}.png", full_page=True)

    def main(self) -> str:
        return self.page.locator("main").inner_text()

    def submit(self, form_action: str, button: str) -> None:
        self.page.locator(f"form[action$='{form_action}']").get_by_role(
            "button", name=button
        ).click()
        self.page.wait_for_load_state()
        assert "Chưa thực hiện được" not in self.main(), self.main()[:500]

    def open_letter(self, phrase: str) -> None:
        self.go("/don/?q=" + phrase.replace(" ", "+"))
        self.page.locator("main table a[href^='/don/']").first.click()
        self.page.wait_for_load_state()

    def docx_text(self, link_name: str) -> tuple[str, str]:
        from docx import Document as Docx

        with self.page.expect_download() as download:
            self.page.get_by_role("link", name=link_name).first.click()
        data = Path(download.value.path()).read_bytes()
        docx = Docx(io.BytesIO(data))
        parts = [p.text for p in docx.paragraphs]
        for table in docx.tables:
            for cell in table._cells:
                parts += [p.text for p in cell.paragraphs]
        return download.value.suggested_filename, "\n".join(parts)

    def issue_latest_document(self, name: str) -> tuple[str, str]:
        """Open the newest draft of the letter, check it has no number, issue it, read it."""
        letter_url = self.page.url
        self.page.get_by_role("link", name="Xem trước, sửa, cấp số").first.click()
        self.page.wait_for_load_state()
        preview = self.page.locator("#preview").inner_text()
        assert "DỰ THẢO" in preview and re.search(r"Số: +/", preview), preview[:300]
        self.shot(f"{name}-draft")
        self.page.get_by_role("button", name="Cấp số và ban hành").click()
        self.page.wait_for_load_state()
        assert "Đã cấp số" in self.main(), self.main()[:300]
        self.shot(f"{name}-issued")
        result = self.docx_text("Tải văn bản (DOCX)")
        self.page.goto(letter_url)
        return result


def _portal_letter(chromium, base: str, body: str, content: str) -> None:
    context = chromium.new_context(viewport=PHONE, locale="vi-VN")
    page = context.new_page()
    page.goto(f"{base}/cong-dan/gui-don/")
    page.get_by_label("Gửi đến cơ quan").select_option(label=body)
    page.get_by_label("Họ và tên", exact=True).fill(CITIZEN)
    page.get_by_label("Địa chỉ", exact=True).fill(ADDRESS)
    page.get_by_label("Nội dung đơn").fill(content)
    page.get_by_role("checkbox").check()
    page.get_by_role("button", name="Gửi đơn").click()
    page.wait_for_load_state()
    assert page.locator("code.big").count() == 2
    context.close()


def test_officials_walkthrough(site):
    base, chromium = site
    # 1. Citizens write to the council and to the Front from the portal.
    _portal_letter(chromium, base, "Hội đồng nhân dân tỉnh Hòa Lĩnh", TO_COUNCIL)
    _portal_letter(chromium, base, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hòa Lĩnh", TO_FRONT)

    # 2. Each lands in the register of the unit that staffs the body.
    front = Official(chromium, base, "mttq.lanhdao")
    front.go("/don/?q=cau+treo+Bau+Tre")
    assert "Kiến nghị sửa chữa cầu treo" in front.main()
    council = Official(chromium, base, "hdnd.lanhdao")
    council.go("/don/?q=Bau+Tre+boi+thuong")
    assert "Tôi khiếu nại Quyết định số 85/QĐ-UBND" in council.main()
    council.shot("01-register-portal-letter")

    # 3. A wrong classification is corrected with a reason.
    council.open_letter("Bau Tre boi thuong")
    form = council.page.locator("form[action$='/phan-loai/']")
    form.get_by_label("Loại đơn (theo nội dung)").select_option(label="Tố cáo")
    council.submit("/phan-loai/", "Phân loại")
    council.page.get_by_text("Phân loại lại (trước khi thụ lý)").click()
    form = council.page.locator("form[action$='/phan-loai-lai/']")
    form.get_by_label("Loại đơn đúng (theo nội dung)").select_option(label="Khiếu nại")
    form.get_by_label("Lý do phân loại lại").fill("Người viết yêu cầu xem xét lại quyết định.")
    council.submit("/phan-loai-lai/", "Phân loại lại")
    assert "Phân loại lại: Tố cáo → Khiếu nại" in council.main()
    # The suggestion reads the decision's issuer: the commune's People's Committee.
    assert "Ủy ban nhân dân xã Hòa An" in council.main()
    council.shot("02-reclassified")

    # 4. A preview takes no number: the report is a draft, then the slip is issued as 01.
    council.go("/don/thong-ke/")
    council.page.get_by_role("button", name=re.compile("Lập báo cáo")).click()
    council.page.wait_for_load_state()
    assert "Dự thảo chưa dùng số văn bản" in council.main()
    assert re.search(r"Số: +/BC-HĐND", council.page.locator("#preview").inner_text())
    council.shot("03-report-draft")
    report_draft = council.page.url

    council.open_letter("Bau Tre boi thuong")
    outcome = council.page.locator("form[action$='/xu-ly/']")
    outcome.get_by_label("Kết quả xử lý đơn").select_option("forward")
    outcome.get_by_label("Cơ quan có thẩm quyền").select_option(
        label="Ủy ban nhân dân tỉnh Hòa Lĩnh"
    )
    outcome.get_by_label("Ghi chú, lý do").fill("Thuộc thẩm quyền của Chủ tịch UBND.")
    council.submit("/xu-ly/", "Ghi nhận")
    name, slip = council.issue_latest_document("04-forwarding-slip")
    number = int(re.search(r"Số: (\d+)/PC-HĐND", slip).group(1))
    # The report previewed before the slip used no number: issued now, it takes the next one.
    council.page.goto(report_draft)
    council.page.get_by_role("button", name="Cấp số và ban hành").click()
    council.page.wait_for_load_state()
    assert f"Đã cấp số {number + 1:02d}/BC-HĐND" in council.main(), council.main()[:300]
    assert "Phiếu chuyển" in name and name.endswith(".docx")
    assert f"nhận được đơn của {CITIZEN}, địa chỉ: {ADDRESS}" in slip and TO_COUNCIL in slip
    assert "- Ủy ban nhân dân tỉnh Hòa Lĩnh;" in slip and "- Lưu: VT, hồ sơ." in slip
    assert "Trần Thị Thu Hà" in slip and "TM. THƯỜNG TRỰC HĐND" in slip

    # 5. The People's Committee receives, accepts, marks the case complex and decides.
    ubnd = Official(chromium, base, "ubnd.lanhdao")
    ubnd.go("/don/chuyen-den/")
    row = ubnd.page.locator("li", has_text="Tôi khiếu nại Quyết định số 85/QĐ-UBND")
    row.get_by_role("button", name="Xác nhận đã nhận, vào sổ").click()
    ubnd.page.wait_for_load_state()
    form = ubnd.page.locator("form[action$='/phan-loai/']")
    form.get_by_label("Loại đơn (theo nội dung)").select_option(label="Khiếu nại")
    for flag in ("Ghi rõ họ tên, địa chỉ", "Có chữ ký hoặc điểm chỉ"):
        form.get_by_role("checkbox", name=flag, exact=True).check()
    ubnd.submit("/phan-loai/", "Phân loại")
    ubnd.submit("/thu-ly/", "Thụ lý")
    _, notice = ubnd.issue_latest_document("05-acceptance-notice")
    assert f"Kính gửi: {CITIZEN}" in notice and "thụ lý giải quyết khiếu nại lần đầu" in notice
    step = ubnd.page.locator("form[action$='/buoc/']")
    offered = step.get_by_label("Bước").inner_text()
    assert "Thông báo thụ lý cho các bên" not in offered  # a denunciation's step only
    step.get_by_label("Bước").select_option("extend")
    step.get_by_label("Mức độ phức tạp của vụ việc (khi gia hạn)").select_option("complex")
    step.get_by_label("Nội dung, lý do").fill("Phải xác minh tại hai địa điểm.")
    ubnd.submit("/buoc/", "Ghi nhận bước")
    assert "Vụ việc phức tạp. Lý do: Phải xác minh tại hai địa điểm." in ubnd.main()
    ubnd.shot("06-complex-at-extension")
    step = ubnd.page.locator("form[action$='/buoc/']")
    step.get_by_label("Bước").select_option("conclude")
    step.get_by_label("Nội dung, lý do").fill(
        "Sửa đổi Quyết định số 85/QĐ-UBND: tính bổ sung cây trồng."
    )
    # The contents a complaint decision must state (Luật Khiếu nại Đ31).
    step.get_by_label("Kết quả xác minh (quyết định giải quyết khiếu nại)").fill(
        "Phương án bồi thường chưa tính cây trồng trên đất."
    )
    step.get_by_label("Căn cứ pháp luật", exact=True).fill("Luật Đất đai năm 2024, Điều 103.")
    step.get_by_label("Kết luận nội dung khiếu nại đúng, sai").fill("Khiếu nại đúng một phần.")
    ubnd.submit("/buoc/", "Ghi nhận bước")
    name, decision = ubnd.issue_latest_document("07-complaint-decision")
    assert "Quyết định" in name
    for text in (
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÒA LĨNH",
        "Căn cứ Luật Khiếu nại ngày 11 tháng 11 năm 2011;",
        "Nghị định số 124/2020/NĐ-CP",
        "QUYẾT ĐỊNH:",
        "Điều 1. ",
        "Điều 3. ",
        "Kết quả xác minh nội dung khiếu nại: Phương án bồi thường chưa tính cây trồng",
        "Căn cứ pháp luật để giải quyết khiếu nại: Luật Đất đai năm 2024, Điều 103.",
        "Kết luận nội dung khiếu nại: Khiếu nại đúng một phần.",
        "Điều 1. Sửa đổi Quyết định số 85/QĐ-UBND",
        f"Về việc giải quyết khiếu nại của {CITIZEN} (lần đầu)",
        f"- {CITIZEN} (người khiếu nại);",
        "Nguyễn Hoàng Nam",
    ):
        assert text in decision, text

    # 6. The Front answers the petition in an official letter to the citizen.
    front.open_letter("cau treo Bau Tre")
    form = front.page.locator("form[action$='/phan-loai/']")
    form.get_by_label("Loại đơn (theo nội dung)").select_option("petition")
    for flag in ("Ghi rõ họ tên, địa chỉ", "Có chữ ký hoặc điểm chỉ"):
        form.get_by_role("checkbox", name=flag, exact=True).check()
    front.submit("/phan-loai/", "Phân loại")
    front.submit("/thu-ly/", "Tiếp nhận, xem xét")  # a petition is taken up, not accepted
    step = front.page.locator("form[action$='/buoc/']")
    step.get_by_label("Bước").select_option("conclude")
    step.get_by_label("Nội dung, lý do").fill("Đã đề nghị UBND xã Phú Lâm sửa cầu trong quý I.")
    front.submit("/buoc/", "Ghi nhận bước")
    _, answer = front.issue_latest_document("08-petition-answer")
    assert f"Kính gửi: {CITIZEN}" in answer and "V/v trả lời đơn kiến nghị" in answer
    assert "TM. BAN THƯỜNG TRỰC" in answer and "Hồ Văn Khang" in answer

    # 7. The register on a phone fits 390 px.
    # Another account: a TOTP code is accepted once, and hdnd.lanhdao signed in above.
    phone = Official(chromium, base, "hdnd.chuyenvien", viewport=PHONE)
    phone.go("/don/")
    width = phone.page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], width
    phone.shot("09-register-phone")
    for official in (front, council, ubnd, phone):
        official.context.close()
