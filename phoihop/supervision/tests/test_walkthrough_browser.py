"""In a real browser: programme → plan with a joint team from three bodies → the supervised
body's report arrives late → a visit with minutes → the report and its recommendations (the
DOCX checked) → progress on one, another overdue → a follow-up → re-supervision from the open
ones; and a questioning session whose pledge is tracked to done.

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

from phoihop.web.browser import (
    DESKTOP,
    PHONE,
    browser,
    chromium_available,
    demo_job,
    demo_server,
    sign_in,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not chromium_available(), reason="Debian's Chromium is not installed"),
]
SHOTS = Path(os.environ.get("PHOIHOP_SCREENSHOTS", Path(tempfile.gettempdir()) / "phoihop-shots"))
SHOTS.mkdir(parents=True, exist_ok=True)

COUNCIL = "Thường trực Hội đồng nhân dân tỉnh"
DELEGATION = "Đoàn đại biểu Quốc hội tỉnh Hòa Lĩnh"
FRONT = "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh"
DEPARTMENT = "Sở Xây dựng"


def _d(days: int) -> str:
    return f"{timezone.localdate() + timedelta(days=days):%d/%m/%Y}"


def _shot(page, name: str) -> None:
    page.screenshot(path=SHOTS / f"supervision-{name}.png", full_page=True)


def _text(page) -> str:
    return page.locator("main").inner_text()


def test_joint_supervision_to_resupervision_and_a_pledge_to_done():
    with demo_server() as base, browser() as chromium:
        council = chromium.new_context(viewport=DESKTOP, locale="vi-VN", accept_downloads=True)
        hdnd = council.new_page()
        sign_in(hdnd, base, "hdnd.lanhdao")
        ubnd = chromium.new_context(viewport=DESKTOP, locale="vi-VN").new_page()
        sign_in(ubnd, base, "ubnd.chuyenvien")

        # Programme, adopted by resolution.
        hdnd.goto(f"{base}/giam-sat/chuong-trinh/")
        hdnd.get_by_label("Chủ thể giám sát").select_option(label=COUNCIL)
        hdnd.get_by_label("Loại chương trình").select_option("council")
        hdnd.get_by_label("Năm", exact=True).fill("2027")
        hdnd.get_by_label("Tên chương trình").fill("Chương trình giám sát năm 2027")
        hdnd.get_by_label("Nghị quyết thông qua").fill("30/NQ-HĐND")
        hdnd.get_by_label("Chuyên đề", exact=True).fill("Quản lý chất lượng công trình")
        hdnd.get_by_label("Cơ quan chủ trì chuyên đề").select_option(label=COUNCIL)
        hdnd.get_by_role("button", name="Lập chương trình").click()
        assert "Đã lập chương trình giám sát" in hdnd.locator("body").inner_text()
        _shot(hdnd, "01-programme")

        # Plan over the department.
        hdnd.goto(f"{base}/giam-sat/ke-hoach/")
        hdnd.get_by_label("Chủ thể giám sát").select_option(label=COUNCIL)
        hdnd.get_by_label("Tên kế hoạch").fill("Giám sát chất lượng công trình công cộng")
        hdnd.get_by_label("Phạm vi, nội dung giám sát").fill("Các công trình hoàn thành 2025–2026")
        hdnd.get_by_label("Cơ quan chịu sự giám sát").select_option(label=DEPARTMENT)
        hdnd.get_by_label("Bắt đầu").fill(_d(-40))
        hdnd.get_by_label("Kết thúc dự kiến").fill(_d(20))
        hdnd.get_by_role("button", name="Lập kế hoạch").click()
        hdnd.wait_for_load_state()
        plan_url = hdnd.url
        assert "Kế hoạch giám sát KHGS-" in hdnd.locator("h1").inner_text()

        # A joint team from three bodies.
        for name, body, role in (
            ("Trần Minh Đức", COUNCIL, "head"),
            ("Lê Thu Hà", DELEGATION, "member"),
            ("Phạm Văn Sơn", FRONT, "invited"),
        ):
            form = hdnd.locator("form[action$='/thanh-vien/']")
            hdnd.locator("summary", has_text="Thêm thành viên").click()
            form.get_by_label("Họ và tên").fill(name)
            form.get_by_label("Cơ quan").select_option(label=body)
            form.get_by_label("Vai trò").select_option(role)
            form.get_by_role("button", name="Thêm").click()
            hdnd.wait_for_load_state()
        team = hdnd.locator("section", has_text="Đoàn giám sát").first.inner_text()
        assert "Lê Thu Hà" in team and "Phạm Văn Sơn" in team and "Trần Minh Đức" in team

        # The department's report, due before the visit: the date passes.
        hdnd.locator("summary", has_text="Đề nghị báo cáo").click()
        form = hdnd.locator("form[action$='/de-nghi-bao-cao/']")
        form.get_by_label("Cơ quan báo cáo").select_option(label=DEPARTMENT)
        form.get_by_label("Ngày đề nghị").fill(_d(-35))
        form.get_by_label("Hạn gửi báo cáo").fill(_d(-20))
        form.get_by_role("button", name="Gửi đề nghị").click()
        hdnd.wait_for_load_state()
        reports = hdnd.locator("section", has_text="Báo cáo của cơ quan chịu sự giám sát")
        assert "quá hạn" in reports.inner_text()
        _shot(hdnd, "02-plan-team-report-overdue")

        # The department sees it overdue on its dashboard; the officer who takes it gets the
        # morning's reminder; then it is sent late.
        ubnd.goto(f"{base}/")
        assert "Báo cáo phục vụ KHGS-2026-0002" in _text(ubnd)
        _shot(ubnd, "03-department-dashboard-overdue")
        ubnd.goto(plan_url)
        ubnd.locator("main table a", has_text="BCGS-").first.click()
        ubnd.wait_for_load_state()
        report_url = ubnd.url
        assign = ubnd.locator("form[action*='/giao/']").first
        officer = assign.locator("option", has_text="(ubnd.chuyenvien)").get_attribute("value")
        assign.locator("#assign-assignee").select_option(officer)
        assign.get_by_role("button", name="Giao việc").click()
        ubnd.wait_for_load_state()
        demo_job(
            base,
            "from django.utils import timezone; "
            "from phoihop.accounts.services import system_actor; "
            "from phoihop.deadlines.services import deadline_notify_due; "
            "deadline_notify_due(today=timezone.localdate(), actor=system_actor())",
        )
        ubnd.goto(f"{base}/thong-bao/")
        reminders = _text(ubnd)
        assert "Đã quá hạn ngày" in reminders and "Báo cáo phục vụ giám sát BCGS-" in reminders
        _shot(ubnd, "03b-report-reminder")
        ubnd.goto(report_url)
        ubnd.get_by_label("Ngày nhận báo cáo").fill(_d(-15))
        ubnd.get_by_label("Tóm tắt").fill("Báo cáo số 102/BC-SXD")
        ubnd.get_by_role("button", name="Ghi nhận báo cáo").click()
        assert "gửi muộn" in _text(ubnd)
        _shot(ubnd, "04-report-received-late")

        # A visit with minutes.
        hdnd.goto(plan_url)
        hdnd.locator("summary", has_text="Ghi buổi làm việc").click()
        form = hdnd.locator("form[action$='/lam-viec/']")
        form.get_by_label("Làm việc với").select_option(label=DEPARTMENT)
        form.get_by_label("Ngày làm việc").fill(_d(-10))
        form.get_by_label("Địa điểm").fill("Trụ sở Sở Xây dựng")
        form.get_by_label("Thành phần tham dự").fill("Đoàn giám sát; Giám đốc Sở Xây dựng")
        form.get_by_label("Biên bản: nội dung ghi nhận").fill("3 công trình xuống cấp sau bàn giao")
        form.get_by_label("Tài liệu nhận được").fill("Hồ sơ nghiệm thu 3 công trình")
        form.get_by_role("button", name="Ghi").click()
        hdnd.wait_for_load_state()
        assert "3 công trình xuống cấp" in _text(hdnd)

        # The report and its recommendations: one due soon, one already past.
        hdnd.locator("summary", has_text="Ban hành báo cáo kết quả").click()
        form = hdnd.locator("form[action$='/ket-luan/']")
        form.get_by_label("Ngày ban hành").fill(_d(-8))
        form.get_by_label("Kết quả giám sát").fill("Chất lượng công trình chưa bảo đảm.")
        form.get_by_label("Kết luận", exact=True).fill("Sở Xây dựng chưa kiểm tra sau bàn giao.")
        form.get_by_label("Chức vụ người ký").fill("TM. THƯỜNG TRỰC HĐND")
        form.get_by_label("Người ký", exact=True).fill("Trần Minh Đức")
        rows = (
            ("Sửa chữa 3 công trình xuống cấp", _d(40)),
            ("Báo cáo kết quả kiểm tra sau bàn giao", _d(-2)),
        )
        for i, (content, due) in enumerate(rows):
            form.locator(f"#id_rec-{i}-organization").select_option(label=DEPARTMENT)
            form.locator(f"#id_rec-{i}-content").fill(content)
            form.locator(f"#id_rec-{i}-topic").fill("Xây dựng")
            form.locator(f"#id_rec-{i}-due_by").fill(due)
        form.get_by_role("button", name="Ban hành").click()
        hdnd.wait_for_load_state()
        assert "Đã ban hành báo cáo kết quả" in hdnd.locator("body").inner_text()
        _shot(hdnd, "05-plan-reported")
        with hdnd.expect_download() as download:
            hdnd.locator("a", has_text="(DOCX)").nth(1).click()
        from docx import Document as Docx

        notice = Docx(io.BytesIO(Path(download.value.path()).read_bytes()))
        text = "\n".join(p.text for p in notice.paragraphs)
        cells = "\n".join(c.text for t in notice.tables for r in t.rows for c in r.cells)
        assert "THÔNG BÁO" in text.upper() and "Kết luận giám sát" in text
        assert "Sửa chữa 3 công trình xuống cấp" in cells
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in cells + text

        # The department reports progress on the first.
        ubnd.goto(plan_url)
        ubnd.locator("tr", has_text="Sửa chữa 3 công trình").locator("a").click()
        ubnd.wait_for_load_state()
        rec_url = ubnd.url
        ubnd.locator("section", has_text="Báo cáo tiến độ").locator("textarea").fill(
            "Đã sửa xong 1/3 công trình"
        )
        ubnd.get_by_role("button", name="Báo cáo tiến độ").click()
        assert "Đang khắc phục" in ubnd.locator("h1").inner_text()
        _shot(ubnd, "06-recommendation-progress")

        # The second is overdue: the council sees it and sends a follow-up.
        hdnd.goto(f"{base}/giam-sat/")
        _shot(hdnd, "07-dashboard")
        hdnd.goto(f"{base}/giam-sat/kien-nghi/?overdue=1")
        hdnd.locator("tr", has_text="Báo cáo kết quả kiểm tra sau bàn giao").locator("a").click()
        assert "quá hạn" in hdnd.locator("h1").inner_text()
        assert "Mới ban hành" in hdnd.locator("h1").inner_text()
        hdnd.get_by_label("Nội dung đề nghị xem xét, giải quyết").fill(
            "Đề nghị Sở Xây dựng báo cáo ngay kết quả kiểm tra"
        )
        hdnd.get_by_role("button", name="Gửi đề nghị").click()
        hdnd.wait_for_load_state()
        assert "Đề nghị Sở Xây dựng báo cáo ngay" in _text(hdnd)
        assert "Đề nghị xem xét, giải quyết: Thường trực" in _text(hdnd)
        _shot(hdnd, "08-follow-up-sent")

        # Re-supervision starts from the open recommendations.
        hdnd.goto(plan_url)
        hdnd.locator("a", has_text="Tái giám sát từ các kiến nghị còn mở").click()
        hdnd.get_by_label("Bắt đầu").fill(_d(1))
        hdnd.get_by_label("Kết thúc dự kiến").fill(_d(30))
        hdnd.get_by_role("button", name="Lập kế hoạch").click()
        hdnd.wait_for_load_state()
        carried = hdnd.locator("section", has_text="Kiến nghị của lần giám sát trước").inner_text()
        assert "Sửa chữa 3 công trình" in carried and "Đang khắc phục" in carried
        assert "Báo cáo kết quả kiểm tra sau bàn giao" in carried
        assert "quá hạn" in carried
        _shot(hdnd, "09-resupervision")
        assert rec_url

        # Questioning: a question, an oral answer with a pledge, tracked to done.
        hdnd.goto(f"{base}/giam-sat/chat-van/")
        hdnd.get_by_label("Cơ quan tổ chức").select_option(label=COUNCIL)
        hdnd.get_by_label("Loại phiên").select_option("session")
        hdnd.get_by_label("Tên phiên").fill("Kỳ họp cuối năm")
        hdnd.get_by_label("Ngày chất vấn").fill(_d(-3))
        hdnd.get_by_role("button", name="Tạo").click()
        hdnd.locator("main a", has_text="Kỳ họp cuối năm").click()
        hdnd.get_by_label("Đại biểu chất vấn").fill("Đại biểu Võ Thị Mai")
        hdnd.get_by_label("Người bị chất vấn", exact=True).fill("Giám đốc Sở Xây dựng")
        hdnd.get_by_label("Cơ quan của người bị chất vấn").select_option(label=DEPARTMENT)
        hdnd.get_by_label("Nội dung chất vấn").fill("Khi nào sửa xong các công trình xuống cấp?")
        hdnd.get_by_label("Ngày đăng ký").fill(_d(-5))
        hdnd.get_by_role("button", name="Đăng ký").click()
        hdnd.locator("main table a", has_text="CV-").first.click()
        hdnd.get_by_label("Hình thức").select_option("oral")
        hdnd.get_by_label("Nội dung trả lời").fill("Sở cam kết sửa xong trong quý I.")
        hdnd.get_by_label("Ngày trả lời").fill(_d(-3))
        hdnd.get_by_label("Lời hứa (nếu có)").fill("Sửa xong 3 công trình trong quý I")
        hdnd.get_by_label("Hạn thực hiện lời hứa", exact=True).fill(_d(90))
        hdnd.get_by_role("button", name="Ghi nhận trả lời").click()
        hdnd.locator("main a", has_text="LH-").first.click()
        hdnd.wait_for_load_state()
        pledge_url = hdnd.url

        ubnd.goto(pledge_url)
        ubnd.locator("section", has_text="Báo cáo đã thực hiện").locator("textarea").fill(
            "Đã sửa xong 3 công trình, biên bản nghiệm thu kèm theo"
        )
        ubnd.get_by_role("button", name="Báo cáo đã thực hiện").click()
        assert "Báo cáo đã thực hiện" in ubnd.locator("h1").inner_text()

        hdnd.goto(pledge_url)
        hdnd.get_by_role("button", name="Đánh giá: đã thực hiện").click()
        assert "Đã thực hiện" in hdnd.locator("h1").inner_text()
        _shot(hdnd, "10-pledge-done")
        hdnd.goto(f"{base}/giam-sat/loi-hua/")
        _shot(hdnd, "11-pledges-report")
        assert "quá hạn" in _text(hdnd)  # the demo's overdue pledge


def test_the_fronts_recommendation_answered_in_writing():
    """The Front's supervision by document review (demo): its letter of recommendations, one
    past its reply date; the department replies and the Front sees what was taken up."""
    with demo_server() as base, browser() as chromium:
        front = chromium.new_context(viewport=DESKTOP, locale="vi-VN").new_page()
        sign_in(front, base, "mttq.lanhdao")
        ubnd = chromium.new_context(viewport=PHONE, locale="vi-VN").new_page()
        sign_in(ubnd, base, "ubnd.chuyenvien")

        front.goto(f"{base}/giam-sat/ke-hoach/")
        front.locator("main a", has_text="KHGS-").first.click()
        front.wait_for_load_state()
        facts = _text(front)
        assert "MTTQ: giám sát qua nghiên cứu, xem xét văn bản" in facts
        assert "Văn bản kiến nghị" in facts and "chưa trả lời quá hạn trả lời" in facts
        _shot(front, "12-front-plan")
        front.locator("tr", has_text="Công khai phương án tái định cư").locator("a").first.click()
        front.wait_for_load_state()
        rec_url = front.url
        # The reply clock is named by its rule's title and citation, never its code.
        page = _text(front)
        assert "quá hạn trả lời" in page and "Trả lời kiến nghị sau giám sát" in page
        assert "GS-10" not in page

        ubnd.goto(rec_url)
        section = ubnd.locator("section", has_text="Trả lời kiến nghị của Ủy ban MTTQ").last
        section.locator("textarea").fill("Sở đã niêm yết phương án tại trụ sở UBND xã Suối Đá.")
        section.get_by_label("Người trả lời (họ tên, chức vụ)").fill("Giám đốc Sở Xây dựng")
        section.get_by_label("Tiếp thu").select_option("full")
        section.get_by_role("button", name="Trả lời kiến nghị của Ủy ban MTTQ").click()
        ubnd.wait_for_load_state()
        assert "Đã tiếp thu" in ubnd.locator("h1").inner_text()
        _shot(ubnd, "13-front-reply-phone")

        front.goto(rec_url)
        answered = _text(front)
        assert "Giám đốc Sở Xây dựng (Tiếp thu)" in answered and "quá hạn trả lời" not in answered
        _shot(front, "14-front-reply-received")
