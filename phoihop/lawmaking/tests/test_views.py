"""The pages: the public site's one-time code and comment, its limits; the staff pages of a
version's changes and of a provision with the comments made on the previous version."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from phoihop.accounts.services import system_actor
from phoihop.lawmaking import services
from phoihop.lawmaking.models import Comment, Consultation
from phoihop.lawmaking.services import CommentInput
from phoihop.lawmaking.tests import factories as f
from phoihop.lawmaking.tests import samples
from phoihop.testing import dead_links, download_name, grant, make_user, signed_in_client


@pytest.fixture
def open_consultation(tree):
    today = timezone.localdate()
    c = f.make_consultation(tree.own, opens_on=today.replace(day=1))
    Consultation.objects.filter(pk=c.pk).update(closes_on=today + timedelta(days=10))
    c.refresh_from_db()
    return c


@pytest.fixture(autouse=True)
def _local_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


def _code_from_mail() -> str:
    return mail.outbox[-1].body.split(": ")[1][:6]


def test_citizen_verifies_and_comments_on_two_provisions(
    open_consultation, django_capture_on_commit_callbacks
):
    c = open_consultation
    client = Client()
    provision_url = reverse("lawmaking_public:provision", args=[c.public_id, "dieu-5-khoan-1"])
    page = client.get(provision_url).content.decode()
    assert "Xác minh để góp ý" in page and "Gửi góp ý" not in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("lawmaking_public:code_request", args=[c.public_id]) + "?sau=dieu-5-khoan-1",
            {"channel": "email", "contact": "dan@example.vn"},
        )
    assert response.status_code == 302 and mail.outbox[-1].to == ["dan@example.vn"]
    confirm_url = response["Location"]
    wrong = client.post(
        confirm_url, {"code": "000000" if _code_from_mail() != "000000" else "111111"}
    )
    assert "Mã xác minh không đúng." in wrong.content.decode()
    response = client.post(confirm_url, {"code": _code_from_mail()})
    assert response.status_code == 302 and response["Location"] == provision_url
    for eid, position in (("dieu-5-khoan-1", "disagree"), ("dieu-7-diem-c", "agree")):
        url = reverse("lawmaking_public:provision", args=[c.public_id, eid])
        form = {"position": position, "text": f"Ý kiến về {eid}", "idempotency_key": f"k-{eid}"}
        assert client.post(url, form).status_code == 302
        assert client.post(url, form).status_code == 302  # a double submit: still one comment
    comments = Comment.objects.filter(consultation=c).order_by("id")
    assert [(cm.provision.eid, cm.channel) for cm in comments] == [
        ("dieu-5-khoan-1", "public"),
        ("dieu-7-diem-c", "public"),
    ]
    assert "dan@example.vn" not in {cm.contact_hash for cm in comments}


def test_codes_are_limited_per_contact(open_consultation, settings):
    settings.PHOIHOP_LAWMAKING = {"CODE_PER_CONTACT": (2, 900)}
    url = reverse("lawmaking_public:code_request", args=[open_consultation.public_id])
    client = Client()
    statuses = [
        client.post(url, {"channel": "phone", "contact": "0912 345 678"}).status_code
        for _ in range(3)
    ]
    assert statuses == [302, 302, 429]


def test_codes_to_one_mailbox_share_its_limit(open_consultation, settings):
    """Sub-addresses reach the same person: "an+1@…" and "an+2@…" are one mailbox."""
    settings.PHOIHOP_LAWMAKING = {"CODE_PER_CONTACT": (2, 900)}
    url = reverse("lawmaking_public:code_request", args=[open_consultation.public_id])
    statuses = [
        Client().post(url, {"channel": "email", "contact": f"an+{k}@example.vn"}).status_code
        for k in range(3)
    ]
    assert statuses == [302, 302, 429]


def test_a_bad_contact_gets_a_clear_message(open_consultation):
    url = reverse("lawmaking_public:code_request", args=[open_consultation.public_id])
    page = Client().post(url, {"channel": "phone", "contact": "12345"}).content.decode()
    assert "Số điện thoại di động không hợp lệ" in page


def test_no_code_for_a_consultation_not_open_to_the_public(tree):
    c = f.make_consultation(tree.own, is_public=False)
    assert (
        Client().get(reverse("lawmaking_public:code_request", args=[c.public_id])).status_code
        == 404
    )
    assert (
        Client().get(reverse("lawmaking_public:consultation", args=[c.public_id])).status_code
        == 404
    )


def test_published_taking_up_is_on_the_public_page(tree, leader):
    c = f.make_consultation(tree.own, is_public=False)
    services.comments_enter(
        actor=leader,
        consultation=c,
        on=c.opens_on,
        comments=[CommentInput("Đề nghị bỏ thu phí xe máy", "disagree", f.provision(c, "dieu-5"))],
    )
    opinion = c.opinions.get()
    services.opinion_respond(
        actor=leader,
        opinion=opinion,
        response="explained",
        text="Giữ như dự thảo vì…",
        on=c.opens_on,
    )
    services.report_issue(actor=leader, consultation=c, issued_on=c.closes_on)
    services.results_publish(actor=leader, consultation=c)
    page = (
        Client().get(reverse("lawmaking_public:consultation", args=[c.public_id])).content.decode()
    )
    assert (
        "Kết quả tiếp thu, giải trình" in page
        and "Giữ như dự thảo vì…" in page
        and "Điều 5" in page
    )


def test_version_page_shows_the_changes_and_the_provision_page_the_earlier_comments(tree, leader):
    c = f.make_consultation(tree.own)
    services.comments_enter(
        actor=system_actor(),
        consultation=c,
        on=c.opens_on,
        comments=[CommentInput("Đề nghị bỏ thu phí xe máy", "disagree", f.provision(c, "dieu-5"))],
    )
    services.draft_version_import(actor=leader, draft=c.draft, text=samples.NA_LAW_V2)
    client = signed_in_client(leader)
    page = client.get(
        reverse("lawmaking:version_detail", args=[c.draft.public_id, 2])
    ).content.decode()
    assert (
        "(trước là Điều 5)" in page and "Bổ sung mới" in page and "bỏ so với dự thảo trước" in page
    )
    page = client.get(
        reverse("lawmaking:provision_detail", args=[c.draft.public_id, 2, "dieu-6"])
    ).content.decode()
    assert "Đề nghị bỏ thu phí xe máy" in page and "góp ý vào Dự thảo 1, Điều 5" in page
    assert "<ins>" in page and "<del>" in page


def test_draft_import_page_reports_what_it_could_not_read(tree, leader):
    client = signed_in_client(leader)
    response = client.post(
        reverse("lawmaking:home"),
        {
            "organization": tree.own.pk,
            "kind": "law",
            "title": "Luật lỗi số",
            "text": samples.MISNUMBERED,
        },
    )
    page = client.get(response["Location"]).content.decode()
    assert "chỗ cần kiểm tra" in page and "Dòng 8: Điều 3 sau Điều 1: thiếu Điều 2" in page
    response = client.post(
        reverse("lawmaking:home"),
        {"organization": tree.own.pk, "kind": "law", "title": "Thư", "text": samples.NOT_A_DRAFT},
        follow=True,
    )
    assert "Không nhận ra điều nào" in response.content.decode()


def test_dashboard_lists_the_period_and_the_overdue_request(tree, leader):
    c = f.make_consultation(tree.own)
    f.make_request(c, addressee="Sở Xây dựng")
    page = signed_in_client(leader).get(reverse("web:home")).content.decode()
    assert f"Kết thúc lấy ý kiến {c.reference}" in page
    assert "Chờ Sở Xây dựng góp ý" in page


def test_consultation_page_marks_a_request_past_its_reply_date(tree, leader):
    c = f.make_consultation(tree.own)
    f.make_request(c, addressee="Sở Xây dựng", on=date(2026, 6, 1))  # reply due in June
    page = signed_in_client(leader).get(c.get_absolute_url()).content.decode()
    assert "Sở Xây dựng: Đã gửi" in page and '<strong class="overdue">quá hạn</strong>' in page


def test_consultation_page_names_its_clock_by_what_it_counts(tree, leader):
    """Officers read the rule's name beside its due date, not the rulebook code alone."""
    c = f.make_consultation(tree.own)
    page = signed_in_client(leader).get(c.get_absolute_url()).content.decode()
    clock = _open_clocks(c)[0]
    assert f"{clock.rule_title}: hạn {clock.due_on:%d/%m/%Y}" in page
    assert clock.rule_title != clock.rule_id
    assert f"({clock.rule_citation})" in page and f"({clock.rule_id})" not in page


def _open_clocks(consultation):
    from phoihop.deadlines.selectors import deadline_open_for_target

    return list(deadline_open_for_target(consultation, None))


def _import_form(c, text: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from phoihop.lawmaking import forms, selectors

    return forms.ImportForm(
        {"nhap-campaign": "Đợt 1", "nhap-position": "wording"},
        {"nhap-file": SimpleUploadedFile("y-kien.csv", text.encode(), "text/csv")},
        prefix="nhap",
        version=c.version,
        citations=selectors.citations(c.version),
    )


def test_campaign_csv_names_provisions_and_positions(tree):
    c = f.make_consultation(tree.own)
    form = _import_form(
        c,
        "Điều khoản,Họ tên,Nội dung,Ý kiến\n"
        "Khoản 1 Điều 5,Nguyễn Văn A,Bỏ thu phí xe máy,Không tán thành\n"
        ",Trần Thị B,Nên đổi tên luật,\n",
    )
    assert form.is_valid(), form.errors
    rows = form.cleaned_data["rows"]
    assert [
        (r.provision.eid if r.provision else None, r.position, r.commenter_name) for r in rows
    ] == [
        ("dieu-5-khoan-1", "disagree", "Nguyễn Văn A"),
        (None, "wording", "Trần Thị B"),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Điều khoản,Nội dung\nĐiều 99,x\n", "Dòng 2: không thấy «Điều 99» trong dự thảo."),
        ("Nội dung,Ý kiến\nx,có lẽ\n", "Dòng 2: ý kiến «có lẽ» không hợp lệ"),
        ("\n\n", "Tệp không có ý kiến nào."),
    ],
)
def test_campaign_file_errors_name_the_line(tree, text, message):
    c = f.make_consultation(tree.own)
    form = _import_form(c, text)
    assert not form.is_valid() and message in str(form.errors)


def _xlsx(rows) -> bytes:
    from io import BytesIO

    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _post_xlsx(client, c, content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        reverse("lawmaking:comments_import", args=[c.public_id]),
        {
            "nhap-campaign": "Phiếu góp ý tháng 6",
            "nhap-position": "wording",
            "nhap-file": SimpleUploadedFile("y-kien.xlsx", content),
        },
        follow=True,
    )


def test_the_xlsx_template_filled_in_is_imported_and_merged(
    tree, leader, django_capture_on_commit_callbacks
):
    from io import BytesIO

    from openpyxl import load_workbook

    c = f.make_consultation(tree.own)
    client = signed_in_client(leader)
    response = client.get(reverse("lawmaking:import_template", args=[c.public_id]))
    assert download_name(response) == f"Mẫu nhập ý kiến {c.reference}.xlsx"
    book = load_workbook(BytesIO(response.content))
    sheet = book.worksheets[0]
    assert [cell.value for cell in sheet[1]][:3] == [
        "Nội dung góp ý",
        "Điều, khoản, điểm",
        "Ý kiến",
    ]
    # The tabs are named in Vietnamese, as officers read them.
    assert book.sheetnames == ["Ý kiến", "Hướng dẫn"]
    assert "Khoản 1 Điều 5" in [r[0] for r in book["Hướng dẫn"].iter_rows(values_only=True)]
    for i in range(30):
        sheet.append(
            [
                f"Đề nghị bỏ thu phí xe máy đối với hộ nghèo{' ở vùng sâu' if i % 2 else ''}",
                "Khoản 1 Điều 5",
                "Không tán thành",
                "",
                f"Người {i}",
                "",
                "Người dân",
            ]
        )
    out = BytesIO()
    book.save(out)
    with django_capture_on_commit_callbacks(execute=True):
        page = _post_xlsx(client, c, out.getvalue()).content.decode()
    assert "Đã nhập ý kiến" in page
    comments = Comment.objects.filter(consultation=c, channel="import")
    assert comments.count() == 31  # the example row and the 30 filled in
    assert comments.filter(provision__eid="dieu-5-khoan-1", position="disagree").count() == 30
    opinions = c.opinions.filter(lineage=f.provision(c, "dieu-5-khoan-1").lineage)
    # merged by the same engine as any campaign: the two wordings are one opinion of 30
    assert sorted(o.count for o in opinions) == [1, 30]


def test_an_xlsx_with_bad_rows_changes_nothing_and_names_every_row(tree, leader):
    c = f.make_consultation(tree.own)
    content = _xlsx(
        [
            ["Nội dung góp ý", "Điều, khoản, điểm", "Ý kiến", "Đối tượng"],
            ["Tán thành", "Điều 5", "Tán thành", ""],
            ["", "Điều 5", "Tán thành", ""],
            ["Bỏ khoản này", "Điều 99", "có lẽ", ""],
            ["Sửa", "", "", "người ngoài hành tinh"],
        ]
    )
    response = _post_xlsx(signed_in_client(leader), c, content)
    page = response.content.decode()
    assert "Tệp không được nhập, chưa ghi ý kiến nào" in page
    # The campaign's name and choice stay; the reasons stand beside the file to choose again.
    form = response.context["import_form"]
    assert form["campaign"].value() == "Phiếu góp ý tháng 6"
    assert form["position"].value() == "wording"
    assert "Dòng 3: thiếu nội dung góp ý." in form.non_field_errors()
    assert form.errors["file"] == ["Tệp đã chọn không được giữ lại; hãy chọn lại tệp."]
    assert "Dòng 3: thiếu nội dung góp ý." in page
    assert "Dòng 4: không thấy «Điều 99» trong dự thảo; ý kiến «có lẽ» không hợp lệ" in page
    assert "Dòng 5: đối tượng «người ngoài hành tinh» không hợp lệ." in page
    assert not Comment.objects.filter(consultation=c).exists()


def test_a_file_that_is_not_a_workbook_is_refused(tree, leader):
    c = f.make_consultation(tree.own)
    page = _post_xlsx(signed_in_client(leader), c, b"PK\x03\x04 broken").content.decode()
    assert "Không đọc được tệp Excel (.xlsx)." in page
    assert not Comment.objects.filter(consultation=c).exists()


def test_a_draft_lists_another_bodys_consultation_without_a_link_the_viewer_cannot_follow(
    tree, clerk
):
    draft = f.make_draft(tree.own)
    own = f.make_consultation(tree.own, draft=draft)
    others = f.make_consultation(tree.other, draft=draft)
    client = signed_in_client(clerk)

    page = client.get(draft.get_absolute_url()).content.decode()

    assert own.get_absolute_url() in page
    assert others.get_absolute_url() not in page
    assert others.reference in page
    assert dead_links(client, draft.get_absolute_url()) == []


def test_law_making_pages_offer_a_supervisor_no_link_that_answers_404(tree):
    user = make_user("giam.sat")
    grant(user, "supervisor", tree.own)

    assert dead_links(signed_in_client(user), reverse("lawmaking:home")) == []


def test_the_summary_export_names_its_tab_in_vietnamese():
    from io import BytesIO
    from types import SimpleNamespace

    from openpyxl import load_workbook

    from phoihop.lawmaking.views import _report_xlsx

    response = _report_xlsx(SimpleNamespace(reference="LY-01"), [])
    assert load_workbook(BytesIO(response.content)).sheetnames == ["Tổng hợp ý kiến"]
