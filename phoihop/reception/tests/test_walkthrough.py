"""The whole path in a real browser: a citizen is received, the visit's contents become
letters, they are triaged and forwarded, the competent body accepts, extends, resolves and
publishes, the supervising body follows up and the statistics count the case. On the way: a
denunciation from a remote commune is accepted and extended, a coerced withdrawal leaves the
case open (Luật Tố cáo Đ33 k3), and a misdirected denunciation is forwarded on by the body that
received it, within TC-02 (Đ24 k2).

Runs its own server (temporary SQLite database, demo province) in a subprocess, drives it with
Debian's Chromium through Playwright, and saves a screenshot of each step in docs/screenshots/.
Skipped when Chromium or Playwright is not installed.
"""

import os
import re
import tempfile
from pathlib import Path

import pytest

from phoihop.web.browser import (
    DESKTOP,
    PHONE,
    browser,
    chromium_available,
    demo_server,
    sign_in,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not chromium_available(), reason="Debian's Chromium is not installed"),
]
# `make screenshots` sets PHOIHOP_SCREENSHOTS=docs/screenshots; a plain run keeps the tree clean.
SHOTS = Path(os.environ.get("PHOIHOP_SCREENSHOTS", Path(tempfile.gettempdir()) / "phoihop-shots"))
SHOTS.mkdir(parents=True, exist_ok=True)
COMPLAINT = (
    "Khiếu nại Quyết định số 85/QĐ-UBND của UBND xã Hòa An về việc thu hồi 300 m² đất "
    "nông nghiệp tại thôn 3 mà chưa bồi thường thỏa đáng."
)
DENUNCIATION = (
    "Tố cáo cán bộ địa chính xã Suối Đá nhận tiền của các hộ dân để xác nhận nguồn gốc đất "
    "tại thôn 3; có người làm chứng."
)
MISDIRECTED = (
    "Tố cáo Giám đốc Trung tâm dịch vụ việc làm tỉnh tuyển dụng viên chức không đúng quy định "
    "năm 2026; kèm danh sách người được tuyển."
)


class Walk:
    """A signed-in page and a numbered screenshot per step."""

    def __init__(self, chromium, base: str, username: str, counter: list[int]) -> None:
        self.base = base
        self.context = chromium.new_context(viewport=DESKTOP, locale="vi-VN")
        self.page = self.context.new_page()
        self.counter = counter
        sign_in(self.page, base, username)

    def shot(self, name: str) -> None:
        self.counter[0] += 1
        path = SHOTS / f"walkthrough-{self.counter[0]:02d}-{name}.png"
        self.page.screenshot(path=path, full_page=True)

    def go(self, path: str) -> None:
        self.page.goto(f"{self.base}{path}")

    def form(self, action_suffix: str):
        return self.page.locator(f"form[action$='{action_suffix}']")

    def submit(self, action_suffix: str, button: str) -> None:
        self.form(action_suffix).get_by_role("button", name=button).click()
        self.page.wait_for_load_state()

    def letters_total(self) -> int:
        """The "Tổng số đơn" figure of the statistics page."""
        self.go("/don/thong-ke/")
        found = re.search(r"Tổng số đơn: (\d+)", self.page.locator("main").inner_text())
        assert found, f"no total on {self.page.url}"
        return int(found.group(1))

    def expect_text(self, text: str) -> None:
        body = self.page.locator("main").inner_text()
        assert text in body, f"{text!r} not on {self.page.url}"


def _triage_and_forward(walk: Walk, kind_label: str) -> None:
    classify = walk.form("/phan-loai/")
    classify.get_by_label("Loại đơn (theo nội dung)").select_option(label=kind_label)
    for flag in ("Ghi rõ họ tên, địa chỉ", "Có chữ ký hoặc điểm chỉ"):
        box = classify.get_by_role("checkbox", name=flag, exact=True)
        if box.count():
            box.check()
    walk.submit("/phan-loai/", "Phân loại")
    outcome = walk.form("/xu-ly/")
    outcome.get_by_label("Kết quả xử lý đơn").select_option("forward")
    outcome.get_by_label("Cơ quan có thẩm quyền").select_option(
        label="Ủy ban nhân dân tỉnh Hòa Lĩnh"
    )
    # By name: the shared item panel's form also has a "note" field (the same element id).
    outcome.locator("textarea[name='note']").fill("Thuộc thẩm quyền giải quyết của UBND tỉnh.")
    walk.submit("/xu-ly/", "Ghi nhận")


def _step(walk: Walk, action: str, note: str = "", **extra) -> None:
    form = walk.form("/buoc/")
    form.get_by_label("Bước").select_option(action)
    if note:
        form.locator("textarea[name='note']").fill(note)
    if "days" in extra:
        form.get_by_label("Số ngày gia hạn").fill(str(extra["days"]))
    if "complexity" in extra:
        form.get_by_label("Mức độ phức tạp của vụ việc (khi gia hạn)").select_option(
            extra["complexity"]
        )
    if "method" in extra:
        form.get_by_label("Hình thức công khai").select_option(index=extra["method"])
    for label in ("Kết quả xác minh", "Căn cứ pháp luật", "Kết luận nội dung khiếu nại"):
        key = label.split(" (")[0]
        if key in extra:
            form.get_by_label(label, exact=False).first.fill(extra[key])
    if extra.get("coerced"):
        form.get_by_label("Rút đơn do bị ép buộc, đe dọa, mua chuộc").check()
    walk.submit("/buoc/", "Ghi nhận bước")


@pytest.fixture(scope="module")
def site():
    pytest.importorskip("playwright.sync_api")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with demo_server() as base, browser() as chromium:
        yield base, chromium


def test_public_letter_on_a_phone(site):
    base, chromium = site
    context = chromium.new_context(viewport=PHONE, locale="vi-VN")
    page = context.new_page()
    page.goto(f"{base}/cong-dan/gui-don/")
    assert not page.get_by_role("checkbox").is_checked()
    page.get_by_label("Gửi đến cơ quan").select_option(index=1)
    page.get_by_label("Nội dung đơn").fill(
        "Đề nghị sửa chữa đường ĐT.816 đoạn qua thôn 3 vì xuống cấp."
    )
    page.get_by_role("button", name="Gửi đơn").click()
    page.wait_for_load_state()
    main = page.locator("main").inner_text()
    assert "Đơn chưa được gửi" in main
    assert "Vui lòng nhập họ và tên của bạn." in main
    assert "Bạn cần đánh dấu đồng ý" in main
    page.screenshot(path=SHOTS / "public-01-letter-errors-phone.png", full_page=True)
    page.get_by_label("Họ và tên", exact=True).fill("Nguyễn Thị Thu")
    page.get_by_label("Địa chỉ", exact=True).fill("thôn 3, xã Phú Lâm")
    page.get_by_role("checkbox").check()
    page.get_by_role("button", name="Gửi đơn").click()
    page.wait_for_load_state()
    codes = page.locator("code.big")
    tracking_code, token = codes.nth(0).inner_text(), codes.nth(1).inner_text()
    page.screenshot(path=SHOTS / "public-02-receipt-phone.png", full_page=True)
    page.goto(f"{base}/cong-dan/tra-cuu/")
    page.get_by_label("Mã tra cứu").fill(tracking_code)
    page.get_by_label("Mã truy cập bí mật").fill(token)
    page.get_by_role("button", name="Tra cứu").click()
    page.wait_for_load_state()
    assert "Mới tiếp nhận" in page.locator("main").inner_text()
    page.screenshot(path=SHOTS / "public-03-status-phone.png", full_page=True)
    page.goto(f"{base}/cong-dan/lich-tiep-cong-dan/")
    page.screenshot(path=SHOTS / "public-04-schedules-phone.png", full_page=True)
    context.close()


def test_reception_to_statistics_walkthrough(site):
    base, chromium = site
    counter = [0]
    # 1. The council's standing committee receives a group of citizens.
    clerk = Walk(chromium, base, "hdnd.chuyenvien", counter)
    clerk.go("/tiep-cong-dan/vao-so/")
    page = clerk.page
    page.get_by_label("Cơ quan tiếp").select_option(index=1)
    page.get_by_label("Số người đến").fill("6")
    page.locator("#id_cong_dan-0-full_name").fill("Trần Văn Lộc")
    page.locator("#id_cong_dan-0-address").fill("thôn 3, xã Hòa An")
    page.locator("#id_cong_dan-0-is_representative").check()
    # Rows are added as needed (htmx swaps in the section; what was typed stays).
    page.get_by_role("button", name="+ Thêm công dân").click()
    page.locator("#id_cong_dan-1-full_name").fill("Lê Thị Sen")
    assert page.locator("#id_cong_dan-0-full_name").input_value() == "Trần Văn Lộc"
    page.locator("#id_noi_dung-0-content").fill(COMPLAINT)
    page.locator("#id_noi_dung-0-documents").fill("Quyết định số 85/QĐ-UBND\nSổ hộ khẩu (bản sao)")
    page.get_by_role("button", name="+ Thêm nội dung").click()
    page.locator("#id_noi_dung-1-content").fill(DENUNCIATION)
    assert page.locator("#id_noi_dung-0-content").input_value() == COMPLAINT
    clerk.shot("reception-visit-form")
    page.get_by_role("button", name="Vào sổ", exact=True).click()
    page.wait_for_load_state()
    clerk.expect_text("Đã vào sổ lượt tiếp")
    clerk.expect_text("TCD-")
    # The officer who typed the names sees them on the page they just saved, and only there.
    assert "Trần Văn Lộc" in page.locator("main").inner_text()
    clerk.shot("reception-visit-registered")
    visit_url = page.get_by_role("link", name="Mở lượt tiếp").get_attribute("href")
    page.get_by_role("link", name="In phiếu biên nhận, phiếu hẹn").click()
    page.wait_for_load_state()
    slip = page.locator("#slip").inner_text()
    assert "GIẤY BIÊN NHẬN VÀ PHIẾU HẸN" in slip and "Trần Văn Lộc" in slip, slip[:300]
    assert "Hẹn trả lời: chậm nhất ngày" in slip and "Sổ hộ khẩu (bản sao)" in slip
    clerk.go(visit_url)
    assert "Trần Văn Lộc" not in page.locator("main").inner_text()
    letter_links = page.locator("section[aria-labelledby='contents-h'] a[href^='/don/']")
    assert letter_links.count() == 2
    complaint_url, denunciation_url = (letter_links.nth(i).get_attribute("href") for i in range(2))

    # 2. Each content is a letter: triage by content, forward to the competent body.
    clerk.go(denunciation_url)
    clerk.shot("letter-from-visit")
    _triage_and_forward(clerk, "Tố cáo")
    clerk.expect_text("Đã chuyển đơn")
    clerk.shot("letter-triaged-forwarded")
    clerk.go(complaint_url)
    _triage_and_forward(clerk, "Khiếu nại")

    # 3. The People's Committee acknowledges, accepts, extends and resolves.
    leader = Walk(chromium, base, "ubnd.lanhdao", counter)
    total_before = leader.letters_total()
    leader.go("/don/chuyen-den/")
    leader.shot("forwarding-inbox")
    received = []
    for _ in range(2):
        leader.page.get_by_role("button", name="Xác nhận đã nhận, vào sổ").first.click()
        leader.page.wait_for_load_state()
        received.append(leader.page.url)
        if len(received) == 1:
            leader.shot("forwarded-letter-registered")
        leader.go("/don/chuyen-den/")
    denunciation, complaint = received  # the inbox lists the oldest first
    leader.page.goto(complaint)
    if leader.form("/phan-loai/").count():
        _classify_only(leader, "Khiếu nại")
    leader.submit("/thu-ly/", "Thụ lý")
    leader.expect_text("Đang giải quyết")
    leader.shot("complaint-accepted")
    _step(
        leader,
        "conclude",
        "Quyết định giải quyết khiếu nại lần đầu: giữ nguyên QĐ 85.",
        **{
            "Kết quả xác minh": "Việc thu hồi đúng trình tự; đã có phương án bồi thường.",
            "Căn cứ pháp luật": "Luật Đất đai 2024; Luật Khiếu nại 2011.",
            "Kết luận nội dung khiếu nại": "Khiếu nại là không đúng.",
        },
    )
    leader.expect_text("Đã giải quyết")
    leader.shot("complaint-resolved")
    _step(leader, "publish", method=1)
    leader.expect_text("Công khai")
    leader.shot("complaint-decision-published")

    # A denunciation from a remote commune (xã Suối Đá): accepted as complex, then extended.
    leader.page.goto(denunciation)
    if leader.form("/phan-loai/").count():
        _classify_only(leader, "Tố cáo", ticks=("Vùng sâu, vùng xa",))
    accept = leader.form("/thu-ly/")
    accept.get_by_label("Vụ việc phức tạp", exact=True).check()
    leader.submit("/thu-ly/", "Thụ lý")
    leader.expect_text("Đang giải quyết")
    leader.expect_text("Giải quyết tố cáo")  # the clock, by its rule's title (TC-08)
    _step(leader, "extend", "Vụ việc phức tạp, cần xác minh thêm tại thôn 3.", days=30)
    leader.expect_text("gia hạn 30 ngày")
    leader.shot("denunciation-remote-extended")
    # The denouncer withdraws under threat: the case is not closed (Luật Tố cáo Đ33 k3).
    _step(leader, "withdraw", "Người tố cáo rút toàn bộ tố cáo sau khi bị đe dọa.", coerced=True)
    leader.expect_text("Đang giải quyết")
    leader.expect_text("Rút đơn nhưng vẫn tiếp tục giải quyết")
    leader.shot("denunciation-coerced-withdrawal-continues")

    # 4. The supervising body sees the cases it forwarded, open ones first, and follows up.
    supervisor = Walk(chromium, base, "hdnd.giamsat", counter)
    supervisor.go("/don/giam-sat/")
    supervisor.expect_text("UBND tỉnh")
    supervisor.shot("supervision-list")
    supervisor.page.locator("main table a[href^='/don/']").first.click()
    supervisor.page.wait_for_load_state()
    supervisor.form("/de-nghi/").get_by_label("Nội dung đề nghị xem xét, giải quyết").fill(
        "Đề nghị UBND tỉnh xem xét, giải quyết dứt điểm và báo cáo kết quả."
    )
    supervisor.submit("/de-nghi/", "Gửi đề nghị")
    supervisor.expect_text("Đề nghị xem xét, giải quyết")
    supervisor.shot("follow-up-sent")

    leader.page.goto(denunciation)
    _step(leader, "conclude", "Kết luận nội dung tố cáo: tố cáo đúng một phần.")
    leader.expect_text("Đã giải quyết")
    leader.shot("denunciation-resolved")

    # 5. The statistics count the cases.
    assert leader.letters_total() == total_before + 2
    leader.go("/don/thong-ke/")
    leader.expect_text("Tố cáo")
    leader.shot("statistics")

    # 6. A misdirected denunciation: the council forwards it to the People's Committee, which is
    # not competent either and sends it on to the competent department within 5 working days.
    clerk.go("/don/vao-so/")
    form = clerk.page
    form.get_by_label("Cơ quan vào sổ").select_option(index=1)
    form.get_by_label("Nội dung đơn").fill(MISDIRECTED)
    form.get_by_label("Họ và tên người gửi").fill("Đỗ Văn Hải")
    form.get_by_label("Địa chỉ", exact=True).fill("thôn 1, xã Hòa An")
    form.get_by_role("button", name="Vào sổ").click()
    clerk.page.wait_for_load_state()
    _triage_and_forward(clerk, "Tố cáo")
    clerk.expect_text("Đã chuyển đơn")
    leader.go("/don/chuyen-den/")
    leader.page.get_by_role("button", name="Xác nhận đã nhận, vào sổ").first.click()
    leader.page.wait_for_load_state()
    _classify_only(
        leader,
        "Tố cáo",
        ticks=("Không thuộc thẩm quyền (tố cáo: chuyển trong 05 ngày làm việc)",),
    )
    leader.expect_text("Chuyển tố cáo không thuộc thẩm quyền")  # TC-02's title
    leader.shot("misdirected-denunciation-tc02-running")
    outcome = leader.form("/xu-ly/")
    outcome.get_by_label("Kết quả xử lý đơn").select_option("forward")
    outcome.get_by_label("Cơ quan có thẩm quyền").select_option(label="Sở Nội vụ")
    outcome.locator("textarea[name='note']").fill("Thuộc thẩm quyền của Sở Nội vụ.")
    leader.submit("/xu-ly/", "Ghi nhận")
    leader.expect_text("Đã chuyển đơn")
    deadlines = leader.page.locator("main").inner_text()
    # TC-02's clock, named by its rule's title and citation
    done = r"Chuyển tố cáo không thuộc thẩm quyền \(.*Đ24 k2\) — hạn \d\d/\d\d/\d{4} · Hoàn thành"
    assert re.search(done, deadlines), deadlines
    leader.shot("misdirected-denunciation-forwarded-on")


def _classify_only(walk: Walk, kind_label: str, ticks: tuple[str, ...] = ()) -> None:
    classify = walk.form("/phan-loai/")
    classify.get_by_label("Loại đơn (theo nội dung)").select_option(label=kind_label)
    for label in ticks:
        classify.get_by_label(label, exact=True).check()
    walk.submit("/phan-loai/", "Phân loại")
