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

from phoihop.documents import letter_forms as forms
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
PROVINCE_UBND = "Ủy ban nhân dân tỉnh Hòa Lĩnh"
# The People's Committee's signing rules in the demo province: its general rule (a vice-chairman
# for the committee), and the chairman in person for complaint decisions and conclusions.
FOR_THE_COMMITTEE = ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Minh Tuấn")
FOR_THE_CHAIRMAN = ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Minh Tuấn")
CHAIRMAN = ("CHỦ TỊCH", "Nguyễn Hoàng Nam")
CHAIRMANS_AUTHORITY = "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÒA LĨNH"
LAW_DENUNCIATIONS = "Căn cứ Luật Tố cáo ngày 12 tháng 6 năm 2018;"
LAW_COMPLAINTS = "Căn cứ Luật Khiếu nại ngày 11 tháng 11 năm 2011;"
DENUNCIATION = (
    "Tố cáo Phó Chủ tịch UBND xã Hòa An nhận tiền của các hộ thôn Bàu Tre để xác nhận nguồn "
    "gốc đất lấn chiếm."
)


def check_document(
    text: str,
    *,
    named: bool,
    signer: tuple[str, ...],
    bases: tuple[str, ...] = (),
    articles: int = 0,
    recipients: tuple[str, ...] = (),
    contains: tuple[str, ...] = (),
) -> None:
    """What every document checked here shows: the citizen's real name only where due, the
    signer's title and name, the legal bases, the Articles, "Nơi nhận" with ";" lines."""
    assert (CITIZEN in text) is named, (named, text[:600])
    assert "«người gửi»" not in text and "……" not in text, text[:600]
    for part in (*signer, *bases, *contains):
        assert part in text, (part, text[:1500])
    for n in range(1, articles + 1):
        assert f"Điều {n}. " in text, (n, text[:1500])
    assert f"Điều {articles + 1}. " not in text
    lines = text.split("\n")
    start = lines.index("Nơi nhận:")
    end = lines.index("- Lưu: VT, hồ sơ.")
    assert end > start and all(
        line.startswith("- ") and line.endswith(";") for line in lines[start + 1 : end]
    ), lines[start : end + 1]
    for recipient in recipients:
        assert f"- {recipient};" in lines[start:end], (recipient, lines[start : end + 1])


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

    def register_letter(self, content: str, kind: str, *, flags=()) -> None:
        """A letter brought to the People's Committee, registered with the sender's name and
        classified by its content."""
        self.go("/don/vao-so/")
        form = self.page.locator("main form")
        form.get_by_label("Cơ quan vào sổ").select_option(label=PROVINCE_UBND)
        form.get_by_label("Nội dung đơn").fill(content)
        form.get_by_label("Họ và tên người gửi").fill(CITIZEN)
        form.get_by_label("Địa chỉ", exact=True).fill(ADDRESS)
        form.get_by_label("Đơn có chữ ký hoặc điểm chỉ").check()
        form.get_by_role("button", name="Vào sổ").click()
        self.page.wait_for_load_state()
        assert "Đã vào sổ" in self.main(), self.main()[:300]
        form = self.page.locator("form[action$='/phan-loai/']")
        form.get_by_label("Loại đơn (theo nội dung)").select_option(kind)
        for flag in ("Ghi rõ họ tên, địa chỉ", "Có chữ ký hoặc điểm chỉ", *flags):
            form.get_by_role("checkbox", name=flag, exact=True).check()
        self.submit("/phan-loai/", "Phân loại")

    def outcome(self, outcome: str, note: str, to: str = "") -> None:
        form = self.page.locator("form[action$='/xu-ly/']")
        form.get_by_label("Kết quả xử lý đơn").select_option(outcome)
        if to:
            form.get_by_label("Cơ quan có thẩm quyền").select_option(label=to)
        form.get_by_label("Ghi chú, lý do").fill(note)
        self.submit("/xu-ly/", "Ghi nhận")

    def step(self, action: str, note: str, fields: dict[str, str] | None = None) -> None:
        """A step of resolution; *fields*: label → value to choose or type."""
        form = self.page.locator("form[action$='/buoc/']")
        form.get_by_label("Bước").select_option(action)
        for label, value in (fields or {}).items():
            field = form.get_by_label(label, exact=True)
            if field.evaluate("e => e.tagName") == "SELECT":
                field.select_option(value)
            else:
                field.fill(value)
        form.get_by_label("Nội dung, lý do").fill(note)
        self.submit("/buoc/", "Ghi nhận bước")

    def issue_latest_document(
        self, name: str, shots: tuple[str, ...] = ("draft", "issued")
    ) -> tuple[str, str]:
        """Open the newest draft of the letter, check it has no number, issue it, read it;
        *shots*: the screenshots to take (the draft's preview, the issued document)."""
        letter_url = self.page.url
        drafts = self.page.get_by_role("link", name="Xem trước, sửa, cấp số")
        assert drafts.count(), (self.page.url, self.main()[:3000])
        drafts.first.click()
        self.page.wait_for_load_state()
        preview = self.page.locator("#preview").inner_text()
        assert "DỰ THẢO" in preview and re.search(r"Số: +/", preview), preview[:300]
        if "draft" in shots:
            self.shot(f"{name}-draft")
        self.page.get_by_role("button", name="Cấp số và ban hành").click()
        self.page.wait_for_load_state()
        assert "Đã cấp số" in self.main(), self.main()[:300]
        if "issued" in shots:
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
    issued: dict[str, str] = {}  # form → text of the DOCX downloaded after issue
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
    issued[forms.FORWARDING_SLIP] = slip
    number = int(re.search(r"Số: (\d+)/PC-HĐND", slip).group(1))
    # The report previewed before the slip used no number: issued now, it takes the next one.
    council.page.goto(report_draft)
    council.page.get_by_role("button", name="Cấp số và ban hành").click()
    council.page.wait_for_load_state()
    assert f"Đã cấp số {number + 1:02d}/BC-HĐND" in council.main(), council.main()[:300]
    _, report = council.docx_text("Tải văn bản (DOCX)")
    issued[forms.REPORT] = report
    check_document(
        report,
        named=False,
        signer=("TM. THƯỜNG TRỰC HĐND", "PHÓ CHỦ TỊCH", "Trần Thị Thu Hà"),
        recipients=("Đoàn ĐBQH tỉnh", "Ban Thường trực UBMTTQ tỉnh"),
        contains=("BÁO CÁO", f"Số: {number + 1:02d}/BC-HĐND", "Công tác tiếp nhận, xử lý"),
    )
    assert "Phiếu chuyển" in name and name.endswith(".docx")
    assert f"nhận được đơn của {CITIZEN}, địa chỉ: {ADDRESS}" in slip and TO_COUNCIL in slip
    assert "- Ủy ban nhân dân tỉnh Hòa Lĩnh;" in slip and "- Lưu: VT, hồ sơ." in slip
    check_document(
        slip,
        named=True,  # a complaint's slip may name the complainant
        signer=("TM. THƯỜNG TRỰC HĐND", "PHÓ CHỦ TỊCH", "Trần Thị Thu Hà"),
        recipients=(PROVINCE_UBND, f"{CITIZEN} (người gửi đơn) (để biết)"),
        contains=("PHIẾU CHUYỂN", "Về việc chuyển đơn"),
    )

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
    issued[forms.ACCEPTANCE] = notice
    check_document(
        notice,
        named=True,
        signer=FOR_THE_CHAIRMAN,
        recipients=(f"{CITIZEN} (người gửi đơn)",),
        contains=(
            f"Kính gửi: {CITIZEN}, địa chỉ: {ADDRESS}",
            "thụ lý giải quyết khiếu nại lần đầu",
        ),
    )
    step = ubnd.page.locator("form[action$='/buoc/']")
    offered = step.get_by_label("Bước").inner_text()
    assert "Thông báo thụ lý cho các bên" not in offered  # a denunciation's step only
    step.get_by_label("Bước").select_option("extend")
    step.get_by_label("Mức độ phức tạp của vụ việc (khi gia hạn)").select_option("complex")
    step.get_by_label("Nội dung, lý do").fill("Phải xác minh tại hai địa điểm.")
    ubnd.submit("/buoc/", "Ghi nhận bước")
    assert "Vụ việc phức tạp. Lý do: Phải xác minh tại hai địa điểm." in ubnd.main()
    ubnd.shot("06-complex-at-extension")
    # A dialogue with its minutes, then a suspension while an expert assessment is redone.
    ubnd.step("dialogue", "Người khiếu nại đề nghị tính bổ sung cây trồng; UBND xã thống nhất.")
    _, minutes = ubnd.issue_latest_document("06b-dialogue-minutes", ("draft",))
    issued[forms.DIALOGUE_MINUTES] = minutes
    # the minutes are signed by the people who took part, not for the committee (Đ30 k3)
    check_document(
        minutes,
        named=True,
        signer=("NGƯỜI CHỦ TRÌ ĐỐI THOẠI", FOR_THE_COMMITTEE[-1]),
        recipients=(f"{CITIZEN} (người khiếu nại)",),
        contains=(
            "BIÊN BẢN",
            "Điều 30 Luật Khiếu nại",
            "UBND xã thống nhất",
            *(part for role in forms.DIALOGUE_SIGNERS for part in role),
        ),
    )
    assert "TM. ỦY BAN NHÂN DÂN" not in minutes
    ubnd.step(
        "suspend",
        "Chờ kết quả giám định lại diện tích đất.",
        {"Căn cứ tạm đình chỉ": "awaiting_expertise"},
    )
    _, suspension = ubnd.issue_latest_document("06c-suspension", ("draft",))
    issued[forms.SUSPENSION] = suspension
    check_document(
        suspension,
        named=True,  # a complaint: the complainant is told
        signer=FOR_THE_CHAIRMAN,
        bases=(LAW_COMPLAINTS, "Nghị định số 124/2020/NĐ-CP"),
        articles=2,
        recipients=(f"{CITIZEN} (người gửi đơn)",),
        contains=(
            "QUYẾT ĐỊNH",
            CHAIRMANS_AUTHORITY,
            "Về việc tạm đình chỉ việc giải quyết khiếu nại",
            "Xét thấy: Cần đợi kết quả giám định bổ sung, giám định lại",
            "Lý do cụ thể: Chờ kết quả giám định lại diện tích đất.",
            "Điều 1. Tạm đình chỉ việc giải quyết khiếu nại",
        ),
    )
    step = ubnd.page.locator("form[action$='/buoc/']")
    step.get_by_label("Bước").select_option("resume")
    ubnd.submit("/buoc/", "Ghi nhận bước")
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
    issued[forms.COMPLAINT_DECISION] = decision
    assert "Quyết định" in name
    check_document(
        decision,
        named=True,
        signer=CHAIRMAN,
        bases=(LAW_COMPLAINTS,),
        articles=3,
        recipients=(f"{CITIZEN} (người khiếu nại)", "Thanh tra tỉnh"),
        contains=("Kết quả đối thoại: Người khiếu nại đề nghị tính bổ sung cây trồng",),
    )
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
    _letters_of_every_outcome(ubnd, issued)

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
    issued[forms.PETITION_ANSWER] = answer
    check_document(
        answer,
        named=True,
        signer=("TM. BAN THƯỜNG TRỰC", "PHÓ CHỦ TỊCH", "Hồ Văn Khang"),
        recipients=(f"{CITIZEN} (người gửi đơn)",),
        contains=(f"Kính gửi: {CITIZEN}", "V/v trả lời đơn kiến nghị", "sửa cầu trong quý I"),
    )
    # Every kind of document the letters area prepares was issued and read above.
    assert set(issued) == set(forms.FORM_LABELS), set(forms.FORM_LABELS) - set(issued)

    # 7. The register on a phone fits 390 px.
    # Another account: a TOTP code is accepted once, and hdnd.lanhdao signed in above.
    phone = Official(chromium, base, "hdnd.chuyenvien", viewport=PHONE)
    phone.go("/don/")
    width = phone.page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], width
    phone.shot("09-register-phone")
    for official in (front, council, ubnd, phone):
        official.context.close()


def _letters_of_every_outcome(ubnd: Official, issued: dict[str, str]) -> None:
    """The People's Committee registers letters brought to it and issues the document of every
    other outcome: refusal, guidance, return, filing; a denunciation accepted, extended,
    suspended and concluded; a denunciation and a petition withdrawn."""
    ubnd.register_letter(
        "Tôi khiếu nại Quyết định số 12/QĐ-UBND ngày 05/01/2024 của UBND xã Hòa An về xử phạt "
        "vi phạm hành chính trong lĩnh vực xây dựng đối với gia đình tôi.",
        "complaint",
    )
    ubnd.outcome("refuse", "Đã quá thời hiệu khiếu nại 90 ngày, không có trở ngại khách quan.")
    _, refusal = ubnd.issue_latest_document("10-refusal-notice", ("draft",))
    issued[forms.REFUSAL_NOTICE] = refusal
    check_document(
        refusal,
        named=True,
        signer=FOR_THE_COMMITTEE,
        recipients=(f"{CITIZEN} (người gửi đơn)",),
        contains=(
            "THÔNG BÁO",
            "Về việc không thụ lý giải quyết khiếu nại",
            f"Kính gửi: {CITIZEN}, địa chỉ: {ADDRESS}",
            "(Điều 11, Điều 27 Luật Khiếu nại)",
            "- Đã quá thời hiệu khiếu nại 90 ngày",
        ),
    )

    ubnd.register_letter("Kiến nghị lắp đèn chiếu sáng đường liên thôn Bàu Tre.", "petition")
    ubnd.outcome("guide", "Thuộc thẩm quyền của cấp xã.", to="Ủy ban nhân dân xã Hòa An")
    _, guidance = ubnd.issue_latest_document("11-guidance", ())
    issued[forms.GUIDANCE] = guidance
    check_document(
        guidance,
        named=True,
        signer=FOR_THE_COMMITTEE,
        recipients=(f"{CITIZEN} (người gửi đơn)",),
        contains=("HƯỚNG DẪN", f"Kính gửi: {CITIZEN}", "gửi đơn đến Ủy ban nhân dân xã Hòa An"),
    )

    ubnd.register_letter(
        "Tôi khiếu nại việc UBND xã Hòa An chậm cấp giấy phép xây dựng.", "complaint"
    )
    ubnd.outcome("return", "Đơn không ghi ngày tháng, đề nghị bổ sung.")
    _, returned = ubnd.issue_latest_document("12-return-notice", ())
    issued[forms.RETURN_NOTICE] = returned
    check_document(
        returned,
        named=True,
        signer=FOR_THE_COMMITTEE,
        recipients=(f"{CITIZEN} (người gửi đơn)",),
        contains=("Về việc trả lại đơn", "Lý do: Đơn không ghi ngày tháng, đề nghị bổ sung."),
    )

    ubnd.register_letter("Kiến nghị nạo vét kênh Bàu Sen đã được trả lời năm trước.", "petition")
    ubnd.outcome("file_away", "Trùng nội dung đơn đã được trả lời.")
    _, filed = ubnd.issue_latest_document("13-filing-note", ())
    issued[forms.FILING_NOTE] = filed
    check_document(  # an internal record: nobody outside, the sender not named
        filed,
        named=False,
        signer=FOR_THE_COMMITTEE,
        contains=("Về việc lưu đơn", "Trùng nội dung đơn đã được trả lời."),
    )

    # A denunciation: accepted by decision, extended once it is marked complex, suspended,
    # resumed and concluded; no document names the denouncer, whoever reads it.
    ubnd.register_letter(
        DENUNCIATION,
        "denunciation",
        flags=("Nêu rõ người vi phạm", "Có tài liệu, chứng cứ cụ thể"),
    )
    ubnd.submit("/thu-ly/", "Thụ lý")
    _, acceptance = ubnd.issue_latest_document("14-denunciation-acceptance", ())
    check_document(
        acceptance,
        named=False,
        signer=FOR_THE_CHAIRMAN,
        bases=(LAW_DENUNCIATIONS, "Nghị định số 31/2019/NĐ-CP"),
        articles=3,
        recipients=("Người tố cáo (thông báo riêng)",),
        contains=(
            "QUYẾT ĐỊNH",
            CHAIRMANS_AUTHORITY,
            "Về việc thụ lý tố cáo",
            "Điều 1. Thụ lý tố cáo",
        ),
    )
    ubnd.step(
        "extend",
        "Phải xác minh tại hai xã và lấy ý kiến cơ quan chuyên môn.",
        {"Số ngày gia hạn": "30", "Mức độ phức tạp của vụ việc (khi gia hạn)": "complex"},
    )
    _, extension = ubnd.issue_latest_document("15-denunciation-extension", ("draft",))
    issued[forms.EXTENSION] = extension
    check_document(
        extension,
        named=False,
        signer=FOR_THE_CHAIRMAN,
        bases=(LAW_DENUNCIATIONS,),
        articles=2,
        contains=(
            CHAIRMANS_AUTHORITY,
            "Về việc gia hạn giải quyết tố cáo",
            "Gia hạn giải quyết tố cáo thêm 30 ngày. Lý do: Phải xác minh tại hai xã",
        ),
    )
    ubnd.step(
        "suspend",
        "Chờ kết luận giám định chữ ký.",
        {"Căn cứ tạm đình chỉ": "awaiting_expertise"},
    )
    _, suspension = ubnd.issue_latest_document("16-denunciation-suspension", ())
    check_document(
        suspension,
        named=False,
        signer=FOR_THE_CHAIRMAN,
        bases=(LAW_DENUNCIATIONS,),
        articles=2,
        recipients=("Người tố cáo (thông báo riêng)",),
        contains=(
            "Về việc tạm đình chỉ việc giải quyết tố cáo",
            "Điểm b khoản 1 Điều 34 Luật Tố cáo",
        ),
    )
    form = ubnd.page.locator("form[action$='/buoc/']")
    form.get_by_label("Bước").select_option("resume")
    ubnd.submit("/buoc/", "Ghi nhận bước")
    ubnd.step("conclude", "Tố cáo đúng một phần; kiến nghị kiểm điểm trách nhiệm.")
    _, conclusion = ubnd.issue_latest_document("17-denunciation-conclusion", ("draft",))
    issued[forms.DENUNCIATION_CONCLUSION] = conclusion
    check_document(
        conclusion,
        named=False,
        signer=CHAIRMAN,
        bases=(LAW_DENUNCIATIONS, "Nghị định số 31/2019/NĐ-CP"),
        recipients=("Người bị tố cáo", "Thanh tra tỉnh"),
        contains=(
            "KẾT LUẬN",
            "Nội dung tố cáo",
            "Chủ tịch Ủy ban nhân dân tỉnh Hòa Lĩnh kết luận như sau:",
            "Tố cáo đúng một phần",
        ),
    )

    # A denunciation withdrawn in full: the case ends by decision (Luật TC Đ34 k3).
    ubnd.register_letter(
        "Tố cáo cán bộ địa chính xã Hòa An gây khó khăn khi làm thủ tục.",
        "denunciation",
        flags=("Nêu rõ người vi phạm",),
    )
    ubnd.submit("/thu-ly/", "Thụ lý")
    ubnd.issue_latest_document("18-denunciation-acceptance", ())
    ubnd.step("withdraw", "Người tố cáo có đơn rút toàn bộ nội dung tố cáo.")
    _, termination = ubnd.issue_latest_document("18-denunciation-termination", ())
    issued[forms.TERMINATION] = termination
    check_document(
        termination,
        named=False,
        signer=FOR_THE_CHAIRMAN,
        bases=(LAW_DENUNCIATIONS,),
        articles=2,
        contains=(
            "Về việc đình chỉ việc giải quyết tố cáo",
            "Xét thấy: người tố cáo rút toàn bộ nội dung tố cáo",
            "Điều 1. Đình chỉ việc giải quyết tố cáo",
        ),
    )

    # A petition taken up, then withdrawn: the sender is told the matter is closed.
    ubnd.register_letter("Kiến nghị sửa chữa trường mẫu giáo thôn Bàu Tre.", "petition")
    ubnd.submit("/thu-ly/", "Tiếp nhận, xem xét")
    _, taken_up = ubnd.issue_latest_document("19-petition-taken-up", ())
    check_document(
        taken_up,
        named=True,
        signer=FOR_THE_CHAIRMAN,
        recipients=(f"{CITIZEN} (người gửi đơn)",),
        contains=(f"Kính gửi: {CITIZEN}", "Về việc tiếp nhận, xem xét kiến nghị, phản ánh"),
    )
    ubnd.step("withdraw", "Người gửi đã được xã sửa trường, rút đơn.")
    _, withdrawal = ubnd.issue_latest_document("19-petition-withdrawal", ())
    issued[forms.WITHDRAWAL] = withdrawal
    check_document(
        withdrawal,
        named=True,
        signer=FOR_THE_COMMITTEE,
        recipients=(f"{CITIZEN} (người gửi đơn)",),
        contains=(f"Kính gửi: {CITIZEN}", "rút đơn"),
    )
