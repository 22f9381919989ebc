"""Voter contact in a real browser, from the meeting to the answer read back to voters: a
meeting with two contact points, eight petitions typed with the keyboard and ten imported
from the minutes, the engine's groups with their evidence, a split and a merge, one petition
routed to each level, the Front's report, two graded answers, the supervisor's follow-up on
an overdue answer, the public page, a petition repeated from the previous session, and the
contact point's feedback on an answer read back, listed for the supervisors when disputed.

Runs its own server (temporary SQLite database, demo province) and saves a screenshot of each
step. Skipped when Chromium or Playwright is not installed.
"""

import io
import os
import tempfile
from pathlib import Path

import pytest

from phoihop.voters.data.walkthrough import IMPORTED, TYPED
from phoihop.web.browser import DESKTOP, PHONE, browser, chromium_available, demo_server, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not chromium_available(), reason="Debian's Chromium is not installed"),
]
SHOTS = Path(os.environ.get("PHOIHOP_SCREENSHOTS", Path(tempfile.gettempdir()) / "phoihop-shots"))


class Walk:
    def __init__(self, chromium, base: str, username: str, counter: list[int]) -> None:
        self.base = base
        self.context = chromium.new_context(viewport=DESKTOP, locale="vi-VN")
        self.page = self.context.new_page()
        self.counter = counter
        sign_in(self.page, base, username)

    def shot(self, name: str, *, phone: bool = False) -> None:
        self.counter[0] += 1
        path = SHOTS / f"voters-{self.counter[0]:02d}-{name}.png"
        self.page.screenshot(path=path, full_page=True)
        if phone:
            self.page.set_viewport_size(PHONE)
            self.page.screenshot(
                path=SHOTS / f"voters-{self.counter[0]:02d}-{name}-phone.png", full_page=True
            )
            self.page.set_viewport_size(DESKTOP)

    def go(self, path: str) -> None:
        self.page.goto(path if path.startswith("http") else f"{self.base}{path}")

    def main(self) -> str:
        return self.page.locator("main").inner_text()

    def expect(self, text: str) -> None:
        assert text in self.main(), f"{text!r} not on {self.page.url}:\n{self.main()[:800]}"

    def click(self, name: str, scope=None) -> None:
        (scope or self.page).get_by_role("button", name=name).first.click()
        self.page.wait_for_load_state()

    def group(self, text: str):
        """The review page's section of the group holding a petition with *text*."""
        return self.page.locator("section[data-group]").filter(has_text=text).first

    def open_group(self, text: str) -> None:
        self.group(text).locator("h2 a").click()
        self.page.wait_for_load_state()

    def classify(self, level: str, agency: str) -> None:
        form = self.page.locator("form[action$='/phan-loai/']")
        form.get_by_label("Cấp thẩm quyền").select_option(level)
        form.get_by_label("Cơ quan có thẩm quyền").fill(agency)
        self.click("Quyết định phân loại", form)

    def route(self) -> None:
        self.click("Chuyển", self.page.locator("form[action$='/chuyen/']"))
        self.expect("Đã chuyển kiến nghị.")


def _minutes_xlsx() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["BIÊN BẢN HỘI NGHỊ TIẾP XÚC CỬ TRI"])
    sheet.append([])
    sheet.append(["STT", "Nội dung kiến nghị", "Xã, phường", "Đại biểu tiếp nhận"])
    for n, (text, commune) in enumerate(IMPORTED, start=1):
        sheet.append([n, text, f"xã {commune}", "Đại biểu Trần Minh Khang"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def site():
    pytest.importorskip("playwright.sync_api")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with demo_server() as base, browser() as chromium:
        yield base, chromium


def test_voter_contact_walkthrough(site, tmp_path):
    base, chromium = site
    counter = [0]

    # 1. The delegation plans a meeting of the next session with two contact points.
    dbqh = Walk(chromium, base, "dbqh.lanhdao", counter)
    dbqh.go("/cu-tri/")
    dbqh.page.get_by_role("link", name="Kỳ họp thứ Hai, Quốc hội khóa XVI").click()
    dbqh.page.get_by_role("link", name="+ Lập hội nghị tiếp xúc cử tri").click()
    page = dbqh.page
    page.get_by_label("Cơ quan tổ chức").select_option(index=1)
    page.get_by_label("Phối hợp tổ chức (UBMTTQ)").select_option(index=1)
    page.get_by_label("Tên hội nghị").fill(
        "Tiếp xúc cử tri trước Kỳ họp thứ Hai tại Hòa An, Phú Lâm"
    )
    page.get_by_label("Ngày tiếp xúc").fill("05/01/2027")
    page.get_by_label("Hình thức").select_option("hybrid")
    page.get_by_label("Đường dẫn trực tuyến").fill("https://hop.hoalinh.example.vn/txct-hoa-an")
    page.get_by_label("Đại biểu dự").fill("Đại biểu Trần Minh Khang, đại biểu Lê Thu Hà")
    page.get_by_label("Điểm tiếp xúc 1: xã, phường").select_option(label="xã Hòa An")
    page.get_by_label("Địa điểm 1").fill("Hội trường UBND xã Hòa An")
    page.get_by_label("Điểm tiếp xúc 2: xã, phường").select_option(label="xã Phú Lâm")
    page.get_by_label("Địa điểm 2").fill("Nhà văn hóa thôn 3, xã Phú Lâm")
    dbqh.shot("meeting-form")
    dbqh.click("Lập hội nghị")
    dbqh.expect("Đã lập hội nghị TXCT-")
    dbqh.expect("Gửi kế hoạch tiếp xúc cử tri cho cơ quan báo chí")  # TX-04's clock
    meeting_url = page.url

    # 2. The secretary types eight petitions, keyboard only (text, Tab, commune, Ctrl+Enter).
    for n, (text, commune) in enumerate(TYPED, start=1):
        # The cursor waits in the text box (autofocus; after a save, the page's script).
        page.wait_for_function("document.activeElement && document.activeElement.id === 'id_text'")
        page.keyboard.type(text)
        page.keyboard.press("Tab")
        # The two contact points, in order: one or two steps down the list.
        page.keyboard.press("ArrowDown")
        if commune == "Phú Lâm":
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Control+Enter")
        page.get_by_text(f"Kiến nghị của cử tri ({n})").wait_for()
        page.wait_for_load_state()
    dbqh.expect("Kiến nghị của cử tri (8)")
    dbqh.shot("petitions-typed", phone=True)

    # 3. ... and imports ten more from the minutes (twice: the second import adds nothing).
    minutes = tmp_path / "bien-ban-txct.xlsx"
    minutes.write_bytes(_minutes_xlsx())
    for expected in ("Đã ghi 10 kiến nghị.", "Đã ghi 0 kiến nghị; bỏ qua 10 kiến nghị đã có."):
        page.get_by_text("Nhập từ tệp biên bản (.xlsx, .docx)").click()
        page.get_by_label("Tệp biên bản (.xlsx hoặc .docx)").set_input_files(str(minutes))
        dbqh.click("Nhập tệp")
        dbqh.expect(expected)
    dbqh.expect("Kiến nghị của cử tri (18)")
    dbqh.shot("petitions-imported")

    # 4. The engine groups them in the background; the page shows progress, then evidence.
    dbqh.go(meeting_url)
    page.get_by_role("link", name="về kỳ họp").click()
    page.get_by_role("link", name="Tổng hợp, phân loại kiến nghị").click()
    dbqh.click("Chạy tổng hợp tự động")
    page.locator("#run-progress").filter(has_text="Xong").wait_for(timeout=60_000)
    page.wait_for_load_state()
    dbqh.go(page.url)
    road = dbqh.group(TYPED[0][0])
    assert road.locator("mark").count() >= 2, "no evidence marked in the road group"
    assert "Căn cứ nhóm:" in road.inner_text()
    dbqh.shot("review-evidence", phone=True)

    # 5. Split one group, merge two.
    school = dbqh.group(TYPED[4][0])
    school.get_by_role("checkbox").nth(1).check()
    dbqh.click("Tách các kiến nghị đã chọn", school)
    dbqh.expect("Đã tách 1 kiến nghị thành nhóm mới.")
    # The official judges the overloaded lorries on rural roads part of the road matter.
    lone_road = dbqh.group(IMPORTED[9][0])
    assert TYPED[0][0] not in lone_road.inner_text(), "the engine grouped the lone road already"
    lone_reference = lone_road.get_attribute("data-group")
    road = dbqh.group(TYPED[0][0])
    road.get_by_label("Gộp nhóm").fill(lone_reference)
    dbqh.click("Gộp", road)
    dbqh.expect("Đã gộp nhóm")
    assert IMPORTED[9][0] in dbqh.group(TYPED[0][0]).inner_text()
    dbqh.shot("review-split-merged")

    # 6. One petition to each level: commune, province (through the standing committee), central.
    page.locator("section[data-group]").filter(has_text=TYPED[6][0]).locator("h2 a").click()
    dbqh.classify("xa", "UBND xã Hòa An")
    dbqh.expect("Sẽ chuyển đến: Ủy ban nhân dân xã Hòa An")
    dbqh.route()
    dbqh.shot("routed-commune")
    review_url = _review_url(dbqh)
    for text in (TYPED[0][0], TYPED[5][0]):
        dbqh.go(review_url)
        dbqh.open_group(text)
        dbqh.classify("tinh", "Sở Xây dựng" if "ĐT.816" in text else "Sở Nông nghiệp và Môi trường")
        dbqh.expect("(qua Thường trực HĐND)")
        dbqh.route()
    dbqh.go(review_url)
    dbqh.open_group(TYPED[7][0])
    dbqh.classify("trung_uong", "Bộ Nông nghiệp và Môi trường")
    dbqh.route()
    dbqh.expect("Trả lời kiến nghị cử tri do Quốc hội chuyển đến")  # TX-10's clock
    dbqh.shot("routed-central")

    # 7. The Front issues its consolidated report; its text carries the counts and the groups.
    front = Walk(chromium, base, "mttq.chuyenvien", counter)
    front.go(review_url.replace("tong-hop/", ""))
    report = front.page.locator("form[action$='/bao-cao/']")
    report.locator("select[name=kind]").select_option("front")
    report.get_by_label("Cơ quan ban hành").select_option(index=1)
    report.get_by_label("Chức vụ người ký").fill("Phó Chủ tịch")
    report.get_by_label("Người ký", exact=True).fill("Nguyễn Thị Lan")
    front.click("Ban hành báo cáo", report)
    front.expect("Đã ban hành báo cáo.")
    front.shot("front-report-issued")
    with front.page.expect_download() as download:
        front.page.locator("main a[href*='/bao-cao/']").first.click()
    from docx import Document

    document = Document(download.value.path())
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "BÁO CÁO" in text.upper() and "Kỳ họp thứ Hai" in text
    assert "2 hội nghị tiếp xúc cử tri" in text or "1 hội nghị tiếp xúc cử tri" in text
    assert "cử tri nêu 18 ý kiến" in text
    assert "ĐT.816" in cells and "Kiến nghị thuộc thẩm quyền cấp tỉnh" in text + cells

    # 8. The standing committee forwards the two provincial petitions to the People's Committee,
    #    which answers them with different grades.
    hdnd = Walk(chromium, base, "hdnd.lanhdao", counter)
    for _ in range(2):
        hdnd.go("/cu-tri/chuyen-den/")
        hdnd.click("Xác nhận, vào sổ")
        hdnd.route()
    ubnd = Walk(chromium, base, "ubnd.lanhdao", counter)
    ubnd.go("/cu-tri/chuyen-den/")
    ubnd.shot("ubnd-inbox")
    answers = [
        (
            "ĐT.816",
            "scheduled",
            "UBND tỉnh bố trí vốn sửa chữa đường ĐT.816 trong năm 2027.",
            "30/09/2027",
        ),
        ("Bàu Sen", "resolved", "Công ty Khai thác thủy lợi đã nạo vét xong kênh Bàu Sen.", ""),
    ]
    for keyword, grade, answer, until in answers:
        ubnd.go("/cu-tri/chuyen-den/")
        ubnd.click("Xác nhận, vào sổ", ubnd.page.locator("tr").filter(has_text=keyword))
        ubnd.expect("Trả lời kiến nghị cử tri do Thường trực HĐND, UBMTTQ chuyển đến")  # KNCT-05
        form = ubnd.page.locator("form[action$='/tra-loi/']")
        form.get_by_label("Kết quả").select_option(grade)
        form.get_by_label("Nội dung trả lời").fill(answer)
        form.get_by_label("Văn bản trả lời (số, ký hiệu)").fill("Công văn số 88/UBND-KT")
        if until:
            form.get_by_label("Lộ trình giải quyết đến (nếu đang giải quyết)").fill(until)
        ubnd.click("Ghi nhận trả lời", form)
        ubnd.expect("Đã ghi nhận trả lời.")
    ubnd.shot("answered", phone=True)

    # 9. The standing committee sees the overdue answer of the earlier session, follows up.
    hdnd.go("/cu-tri/qua-han/")
    hdnd.expect("Bàu Sen")
    hdnd.shot("overdue-list", phone=True)
    hdnd.page.locator("main table a").first.click()
    hdnd.page.wait_for_load_state()
    hdnd.page.get_by_label("Nội dung đề nghị xem xét, giải quyết").fill(
        "Đề nghị UBND tỉnh trả lời kiến nghị về nạo vét kênh Bàu Sen, đã quá hạn."
    )
    hdnd.click("Gửi đề nghị")
    hdnd.expect("Đề nghị UBND tỉnh trả lời kiến nghị")
    hdnd.shot("follow-up-sent")

    # 10. The answers appear on the public page, by session, commune and field.
    public = chromium.new_page(viewport=PHONE, locale="vi-VN")
    public.goto(f"{base}/cong-dan/cu-tri/tra-loi/")
    body = public.locator("main").inner_text()
    assert "bố trí vốn sửa chữa đường ĐT.816 trong năm 2027" in body
    assert "Đang giải quyết, có lộ trình" in body and "Đã giải quyết xong" in body
    public.get_by_label("Xã, phường").select_option(label="xã Phú Lâm")
    public.get_by_role("button", name="Lọc").click()
    public.wait_for_load_state()
    public.screenshot(path=SHOTS / "voters-public-answers-phone.png", full_page=True)
    public.goto(f"{base}/cong-dan/cu-tri/")
    assert (
        "Tiếp xúc cử tri trước Kỳ họp thứ Hai tại Hòa An, Phú Lâm"
        in public.locator("main").inner_text()
    )
    public.screenshot(path=SHOTS / "voters-public-meetings-phone.png", full_page=True)

    # 11. The road petition repeats the previous session's: flagged with the earlier answer.
    dbqh.go(review_url)
    dbqh.open_group(TYPED[0][0])
    dbqh.expect("Kiến nghị lặp lại từ kỳ họp trước")
    dbqh.expect("Đã trả lời: Đang giải quyết, có lộ trình")
    dbqh.shot("repeat-flagged", phone=True)

    # 12. At the meeting the answers are read back; the contact point of Hòa An reports the road
    #     not repaired and the voters disagreeing. The standing committee sees it disputed.
    dbqh.go(meeting_url)
    road_answer = page.locator("#phan-hoi article").filter(
        has_text="bố trí vốn sửa chữa đường ĐT.816 trong năm 2027"
    )
    form = road_answer.locator("form").filter(has_text="xã Hòa An").first
    form.locator("select[name=outcome]").select_option("not_done")
    form.locator("select[name=reaction]").select_option("disagree")
    form.locator("input[name=note]").fill("Đoạn qua thôn 2 vẫn sạt lở, chưa thấy thi công.")
    dbqh.click("Ghi phản hồi", form)
    dbqh.expect("Đã ghi phản hồi")
    dbqh.shot("contact-point-feedback", phone=True)
    hdnd.go("/cu-tri/qua-han/")
    disputed = hdnd.page.locator("table").nth(1)
    assert "ĐT.816" in disputed.inner_text(), "the disputed answer is not listed"
    hdnd.shot("disputed-answers", phone=True)


def _review_url(walk: Walk) -> str:
    walk.page.get_by_role("link", name="về bảng tổng hợp").click()
    walk.page.wait_for_load_state()
    return walk.page.url
