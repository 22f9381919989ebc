"""In a real browser, a by-election from its date to its published results: the timetable is
computed from election day; candidates pass the consultations and the voter conference; the
protocols are entered twice by two officers and a mismatch is caught and checked; the result is
tabulated, the report downloaded and the public page shown.

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

CANDIDATES = (
    ("Phan Thị Ngọc Lan", "Nữ", "1978-06-14", "Hội Nông dân tỉnh"),
    ("Hồ Văn Bảo", "Nam", "1969-09-02", "Liên đoàn Lao động tỉnh"),
    ("Ngô Quang Vinh", "Nam", "1990-01-25", ""),
)


def _submit(page, form, button):
    form.get_by_role("button", name=button).click()
    page.wait_for_load_state()


def _select(form, label_field, option_text):
    select = form.get_by_label(label_field)
    value = select.locator("option", has_text=option_text).first.get_attribute("value")
    select.select_option(value)


def _enter(page, base, contest_url, number, figures):
    page.goto(contest_url)
    page.locator("#bien-ban tr", has_text=f"số {number} ").get_by_role(
        "link", name="Nhập biên bản"
    ).click()
    page.wait_for_load_state()
    form = page.locator("main form")
    for label, value in figures.items():
        form.get_by_label(label, exact=True).fill(str(value))
    _submit(page, form, "Lưu lượt nhập")


def _figures(voters, voted, invalid, lan, bao):
    return {
        "Tổng số cử tri của khu vực bỏ phiếu": voters,
        "Số cử tri đã tham gia bỏ phiếu": voted,
        "Số phiếu phát ra": voted,
        "Số phiếu thu vào": voted,
        "Số phiếu hợp lệ": voted - invalid,
        "Số phiếu không hợp lệ": invalid,
        "Số phiếu bầu cho Phan Thị Ngọc Lan": lan,
        "Số phiếu bầu cho Hồ Văn Bảo": bao,
    }


def test_by_election_from_its_date_to_the_public_results():
    with demo_server() as base, browser() as chromium:
        leader = chromium.new_context(
            viewport=DESKTOP, locale="vi-VN", accept_downloads=True
        ).new_page()
        sign_in(leader, base, "hdnd.lanhdao")

        # 1. The election and its timetable, computed back from election day.
        leader.goto(f"{base}/bau-cu/")
        form = leader.locator("form[action$='/bau-cu/tao/']")
        _select(form, "Cơ quan tổ chức", "Thường trực")
        form.get_by_label("Tên cuộc bầu cử").fill(
            "Bầu cử bổ sung đại biểu HĐND tỉnh tại Đơn vị bầu cử số 3"
        )
        form.get_by_label("Loại").select_option("by_election")
        form.get_by_label("Ngày bầu cử (Chủ nhật)").fill("2027-05-23")
        _select(form, "Nhiệm kỳ được bầu", "HĐND tỉnh khóa XI")
        _submit(leader, form, "Tạo cuộc bầu cử")
        timetable = leader.locator("#lich").inner_text()
        assert (
            "11/04/2027" in timetable and "Nộp hồ sơ ứng cử" in timetable
        )  # 42 days before, a Sunday
        assert "14/03/2027" in timetable  # election boards: 70 days before
        leader.screenshot(path=SHOTS / "elections-01-timetable.png", full_page=True)
        election_url = leader.url

        # 2. The constituency, its polling areas and the nominations.
        form = leader.locator("form[action$='/don-vi/them/']")
        _select(form, "Đơn vị bầu cử", "Đơn vị bầu cử số 3")
        form.get_by_label("Số đại biểu được bầu").fill("1")
        _submit(leader, form, "Thêm đơn vị bầu cử")
        leader.get_by_role("link", name="Bầu cử — Đơn vị bầu cử số 3").click()
        leader.wait_for_load_state()
        contest_url = leader.url
        for number, name, voters in ((1, "Thôn Bàu Sen", 900), (2, "Thôn Đồi Thông", 700)):
            leader.locator("summary", has_text="Thêm khu vực bỏ phiếu").click()
            form = leader.locator("form[action$='/khu-vuc/them/']")
            form.get_by_label("Số khu vực").fill(str(number))
            form.get_by_label("Tên khu vực").fill(name)
            form.get_by_label("Số cử tri trong danh sách").fill(str(voters))
            _submit(leader, form, "Thêm khu vực")
        for full_name, gender, born, nominated_by in CANDIDATES:
            leader.locator("summary", has_text="Ghi nhận người ứng cử").click()
            form = leader.locator("form[action$='/ung-cu/']")
            form.get_by_label("Họ và tên").fill(full_name)
            form.get_by_label("Giới tính").select_option(label=gender)
            form.get_by_label("Ngày sinh").fill(born)
            form.get_by_label("Ngày nộp hồ sơ ứng cử").fill("2027-04-05")
            if nominated_by:
                form.get_by_label("Cơ quan, tổ chức giới thiệu").fill(nominated_by)
            else:
                form.get_by_label("Tự ứng cử").check()
            _submit(leader, form, "Ghi nhận")
            assert "Đã ghi nhận người ứng cử" in leader.locator("body").inner_text()

        # 3. Consultations and the voter conferences (one candidate loses the voters' confidence).
        def consult(number, held_on, minutes, names=()):
            leader.goto(election_url)
            form = leader.locator("form[action$='/hiep-thuong/']")
            form.get_by_label("Hội nghị hiệp thương").select_option(str(number))
            form.get_by_label("Ngày họp").fill(held_on)
            form.get_by_label("Biên bản (tóm tắt)").fill(minutes)
            if names:
                select = form.locator("select[name='candidates']")
                values = [
                    select.locator("option", has_text=n).get_attribute("value") for n in names
                ]
                select.select_option(values)
            _submit(leader, form, "Ghi hội nghị hiệp thương")

        everyone = [c[0] for c in CANDIDATES]
        consult(1, "2027-02-17", "Thỏa thuận cơ cấu, thành phần, số lượng người được giới thiệu.")
        consult(2, "2027-04-13", "Lập danh sách sơ bộ.", everyone)
        for full_name, (invited, attendees, votes_for) in zip(
            everyone, ((90, 70, 66), (130, 75, 70), (80, 50, 20)), strict=True
        ):
            leader.goto(contest_url)
            leader.get_by_role("link", name=full_name).click()
            leader.wait_for_load_state()
            form = leader.locator("form[action$='/hoi-nghi-cu-tri/']")
            form.get_by_label("Ngày họp").fill("2027-04-20")
            form.get_by_label("Số cử tri được triệu tập").fill(str(invited))
            form.get_by_label("Số cử tri tham dự").fill(str(attendees))
            form.get_by_label("Số cử tri tín nhiệm").fill(str(votes_for))
            form.get_by_label("Hình thức biểu quyết").select_option("hands")
            _submit(leader, form, "Ghi kết quả hội nghị cử tri")
        assert "Không đạt tín nhiệm trên 50%" in leader.locator("main").inner_text()
        leader.screenshot(path=SHOTS / "elections-02-voter-conference.png", full_page=True)
        consult(3, "2027-04-30", "Lập danh sách chính thức.", everyone)
        # the third candidate is refused
        assert "hiệp thương lần thứ ba" in leader.locator("body").inner_text()
        consult(3, "2027-04-30", "Lập danh sách chính thức.", everyone[:2])
        assert "Trong danh sách chính thức" in leader.locator("#hiep-thuong").inner_text()
        leader.screenshot(path=SHOTS / "elections-03-official-list.png", full_page=True)

        # 4. Two officers enter the protocols; the second entry of area 2 differs.
        clerk = chromium.new_context(viewport=DESKTOP, locale="vi-VN").new_page()
        sign_in(clerk, base, "hdnd.vanthu")
        specialist = chromium.new_context(viewport=DESKTOP, locale="vi-VN").new_page()
        sign_in(specialist, base, "hdnd.chuyenvien")
        area1 = _figures(900, 810, 10, 520, 280)
        area2 = _figures(700, 640, 8, 300, 332)
        _enter(clerk, base, contest_url, 1, area1)
        _enter(clerk, base, contest_url, 2, area2)
        _enter(specialist, base, contest_url, 1, area1)
        _enter(specialist, base, contest_url, 2, area2 | {"Số phiếu bầu cho Hồ Văn Bảo": 323})
        body = specialist.locator("body").inner_text()
        assert "Biên bản bị giữ lại để kiểm tra" in body and "lần một 332, lần hai 323" in body
        specialist.goto(contest_url)
        contest_text = specialist.locator("main").inner_text()
        assert "Giữ lại để kiểm tra" in contest_text
        assert "còn có thể làm thay đổi người trúng cử" in contest_text
        specialist.screenshot(path=SHOTS / "elections-04-mismatch-held.png", full_page=True)

        # 5. The leader checks the held protocol against the paper minutes, then tabulates.
        leader.goto(election_url)
        leader.get_by_role("link", name="Biên bản bị giữ lại để kiểm tra (1)").click()
        leader.wait_for_load_state()
        leader.screenshot(path=SHOTS / "elections-05-audit-queue.png", full_page=True)
        leader.locator("summary", has_text="Đối chiếu biên bản giấy").click()
        form = leader.locator("main form")
        for label, value in area2.items():
            form.get_by_label(label, exact=True).fill(str(value))
        _submit(leader, form, "Chấp nhận số liệu đã kiểm tra")
        assert "Đã kiểm tra và chấp nhận biên bản" in leader.locator("body").inner_text()
        leader.goto(contest_url)
        leader.get_by_role("button", name="Xác định kết quả bầu cử").click()
        leader.wait_for_load_state()
        result = leader.locator("#ket-qua").inner_text()
        # valid 1432: Lan 820 (above 716), Bảo 612.
        assert "Phan Thị Ngọc Lan" in result and "Trúng cử" in result and "820" in result
        leader.screenshot(path=SHOTS / "elections-06-result.png", full_page=True)

        # 6. The report, publication and the public page.
        leader.goto(election_url)
        with leader.expect_download() as download:
            leader.get_by_role("link", name="Báo cáo kết quả (DOCX)").click()
        assert download.value.suggested_filename.endswith(".docx")
        leader.get_by_role("button", name="Công bố kết quả").click()
        leader.wait_for_load_state()
        leader.get_by_role("link", name="Trang công khai").click()
        leader.wait_for_load_state()
        public = leader.locator("main").inner_text()
        assert "Phan Thị Ngọc Lan" in public and "Trúng cử" in public
        leader.screenshot(path=SHOTS / "elections-07-public-results.png", full_page=True)
