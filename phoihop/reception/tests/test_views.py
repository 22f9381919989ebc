"""Reception pages: what each role sees, forms that name their errors, pinned query counts."""

from datetime import date

from django.urls import reverse

from phoihop.deadlines.models import Deadline
from phoihop.reception.models import Schedule, Visit
from phoihop.reception.tests.factories import make_schedule, make_visit
from phoihop.testing import grant, make_user, signed_in_client


def _visit_post(tree, **extra):
    data = {
        "organization": tree.own.pk,
        "visited_on": "2026-04-23",
        "kind": "regular",
        "headcount": "",
        "outcome": "letters",
        "outcome_note": "",
        "cong_dan-TOTAL_FORMS": "2",
        "cong_dan-INITIAL_FORMS": "0",
        "cong_dan-0-full_name": "Phạm Văn Bình",
        "cong_dan-0-address": "xã Hòa An",
        "cong_dan-1-full_name": "",
        "noi_dung-TOTAL_FORMS": "2",
        "noi_dung-INITIAL_FORMS": "0",
        "noi_dung-0-content": "Đề nghị xem xét việc bồi thường khi thu hồi đất",
        "noi_dung-0-documents": "Thông báo thu hồi đất\nBiên bản kiểm đếm",
        "noi_dung-1-content": "",
    }
    data.update(extra)
    return data


def test_visit_create_registers_and_shows_the_typed_names_once(tree, clerk):
    client = signed_in_client(clerk)
    body = _visit_post(tree, idempotency_key="0b8c9f3e-1d2a-4c5b-9e7f-6a5b4c3d2e1f")
    response = client.post(reverse("reception:visit_create"), body)

    visit = Visit.objects.get()
    page = response.content.decode()
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    # The officer who typed the name sees it beside the pseudonym, on this answer only.
    assert "Phạm Văn Bình" in page and visit.citizens.get().pseudonym in page
    assert visit.get_absolute_url() in page
    assert reverse("reception:visit_slip", args=[visit.public_id]) in page
    assert "Phạm Văn Bình" not in client.get(visit.get_absolute_url()).content.decode()
    assert visit.citizens.count() == 1
    assert visit.items.get().document_titles == ["Thông báo thu hồi đất", "Biên bản kiểm đếm"]
    # The same form sent again (a double click, a reload) registers nothing more.
    again = client.post(reverse("reception:visit_create"), body)
    assert again.status_code == 200 and Visit.objects.count() == 1


def test_rows_of_citizens_and_contents_are_added_without_a_fixed_number(tree, clerk):
    client = signed_in_client(clerk)
    body = _visit_post(tree, them="cong_dan")
    page = client.post(reverse("reception:visit_create"), body).content.decode()
    assert not Visit.objects.exists()
    assert 'name="cong_dan-TOTAL_FORMS" value="3"' in page and "Công dân 3" in page
    assert 'value="Phạm Văn Bình"' in page  # what was typed is kept
    assert "Trường này là bắt buộc" not in page  # no errors before the form is sent
    assert 'hx-select="#cong-dan"' in page
    # A sixth content row, then the visit is registered with every row filled in.
    body = _visit_post(tree, **{"noi_dung-TOTAL_FORMS": "6"})
    for n in range(6):
        body[f"noi_dung-{n}-content"] = f"Nội dung số {n + 1}"
    for n in range(2, 4):
        body[f"cong_dan-{n}-full_name"] = f"Công dân thứ {n + 1}"
    body["cong_dan-TOTAL_FORMS"] = "4"
    client.post(reverse("reception:visit_create"), body)
    visit = Visit.objects.get()
    assert visit.items.count() == 6 and visit.citizens.count() == 3


def test_slip_names_the_citizen_for_the_receiving_officer_only(tree, clerk):
    from phoihop.audit.models import AuditEvent

    signed_in_client(clerk).post(reverse("reception:visit_create"), _visit_post(tree))
    visit = Visit.objects.get()
    url = reverse("reception:visit_slip", args=[visit.public_id])
    page = signed_in_client(clerk).get(url).content.decode()
    assert "GIẤY BIÊN NHẬN VÀ PHIẾU HẸN" in page and "Phạm Văn Bình" in page
    assert "Hẹn trả lời: chậm nhất ngày 12/05/2026" in page  # XL-01, 10 working days
    # the time limit in words is its rule's, not a number written into the slip
    assert "(trong 10 ngày làm việc kể từ ngày tiếp, Điều 28 Luật Tiếp công dân)" in page
    clock = Deadline.objects.get(rule_id="XL-01")
    assert clock.rule_period == "10 ngày làm việc"
    clock.rule_id = "ZZ-99"  # a rule no longer in force: the slip cites the article alone
    assert clock.rule_period == ""
    assert "Biên bản kiểm đếm" in page and visit.reference in page
    assert AuditEvent.objects.filter(event="identity.addressed", actor=clerk).count() == 1
    colleague = make_user("dong.nghiep")
    grant(colleague, "clerk", tree.own)
    page = signed_in_client(colleague).get(url).content.decode()
    assert "Phạm Văn Bình" not in page and "……" in page


def test_register_export_in_the_form_of_circular_04(tree, clerk):
    import io

    from openpyxl import load_workbook

    signed_in_client(clerk).post(reverse("reception:visit_create"), _visit_post(tree))
    query = {"start": "01/04/2026", "end": "30/04/2026", "format": "xlsx"}
    response = signed_in_client(clerk).get(reverse("reception:visit_list"), query)
    assert "S%E1%BB%95%20ti%E1%BA%BFp%20c%C3%B4ng%20d%C3%A2n" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == "SỔ TIẾP CÔNG DÂN"
    assert sheet["A2"].value == "Kỳ báo cáo: từ ngày 01/04/2026 đến ngày 30/04/2026"
    assert [c.value for c in sheet[6]][:5] == [
        "STT",
        "Ngày tiếp",
        "Họ tên - Địa chỉ",
        "CCCD/Hộ chiếu",
        "Nội dung vụ việc",
    ]
    assert sheet.freeze_panes == "B8"
    row = [c.value for c in sheet[8]]
    assert row[0] == 1 and row[1] == "23/04/2026"
    assert row[2] == Visit.objects.get().citizens.get().pseudonym  # not cleared: pseudonym
    assert "bồi thường" in row[4]
    cleared = make_user("tiep.can")
    grant(cleared, "clerk", tree.own)
    grant(cleared, "identity_clearance", tree.own)
    response = signed_in_client(cleared).get(reverse("reception:visit_list"), query)
    row = [c.value for c in load_workbook(io.BytesIO(response.content)).active[8]]
    assert row[2] == "Phạm Văn Bình - xã Hòa An"
    bad = {**query, "end": "01/03/2026"}
    page = signed_in_client(clerk).get(reverse("reception:visit_list"), bad).content.decode()
    assert "Kỳ xuất sổ chưa hợp lệ" in page


def test_visit_create_mass_visit_error_is_named_and_nothing_saved(tree, clerk):
    response = signed_in_client(clerk).post(
        reverse("reception:visit_create"), _visit_post(tree, headcount="8")
    )

    assert response.status_code == 200
    assert "cử người đại diện" in response.content.decode()
    assert not Visit.objects.exists()


def test_visit_create_missing_date_is_named(tree, clerk):
    response = signed_in_client(clerk).post(
        reverse("reception:visit_create"), _visit_post(tree, visited_on="")
    )

    assert "Trường này là bắt buộc" in response.content.decode()
    assert not Visit.objects.exists()


def test_visit_detail_shows_pseudonyms_not_identities(tree, clerk):
    signed_in_client(clerk).post(reverse("reception:visit_create"), _visit_post(tree))
    visit = Visit.objects.get()

    page = signed_in_client(clerk).get(visit.get_absolute_url()).content.decode()

    assert visit.citizens.get().pseudonym in page
    assert "Phạm Văn Bình" not in page
    assert "12/05/2026" in page  # XL-01 due date from the engine
    assert page.count('href="/don/') >= 1  # the content links to its letter


def test_visit_detail_of_another_body_is_404(tree, clerk):
    visit = make_visit(tree.other, make_user("nguoi.tiep"))

    assert signed_in_client(clerk).get(visit.get_absolute_url()).status_code == 404


def test_visit_answer_by_viewer_without_change_is_403(tree):
    visit = make_visit(tree.own, make_user("nguoi.tiep"))
    supervisor = make_user("giam.sat")
    grant(supervisor, "supervisor", tree.own)

    response = signed_in_client(supervisor).post(
        reverse("reception:visit_answer", kwargs={"public_id": visit.public_id}),
        {"answered_on": "2026-05-08", "answer": "Đã trả lời"},
    )

    assert response.status_code == 403


def test_visit_list_query_count_is_pinned(tree, clerk, django_assert_max_num_queries):
    for _ in range(5):
        make_visit(tree.own, clerk)
    client = signed_in_client(clerk)

    with django_assert_max_num_queries(14):
        response = client.get(reverse("reception:visit_list"))
    assert response.content.decode().count("TCD-2026-") == 5


def test_schedule_create_form(tree):
    leader = make_user("lanh.dao")
    grant(leader, "leader", tree.own)
    client = signed_in_client(leader)
    data = {
        "organization": tree.own.pk,
        "official_title": "Chủ tịch UBND tỉnh",
        "basis": "TCD-01",
        "recurrence": "monthly_weekday",
        "day_of_month": "",
        "weekday": "3",
        "week_of_month": "",
        "starts_at": "07:30",
        "ends_at": "11:00",
        "location": "Trụ sở Tiếp công dân tỉnh",
        "valid_from": "2026-01-01",
        "is_published": "on",
    }

    response = client.post(reverse("reception:schedule_create"), data)
    assert response.status_code == 200
    assert "Cần chọn cho kiểu lặp lại này." in response.content.decode()
    assert not Schedule.objects.exists()

    response = client.post(reverse("reception:schedule_create"), {**data, "week_of_month": "1"})
    assert response.status_code == 302
    assert Schedule.objects.get().week_of_month == 1


def test_schedule_list_query_count_is_pinned(tree, django_assert_max_num_queries):
    leader = make_user("lanh.dao")
    grant(leader, "leader", tree.own)
    for day in (5, 15, 25):
        make_schedule(tree.own, day_of_month=day, valid_from=date(2025, 1, 1))
    client = signed_in_client(leader)

    with django_assert_max_num_queries(16):
        response = client.get(reverse("reception:schedule_list"))
    assert response.status_code == 200


def test_cleared_officer_reads_a_visiting_citizen_identity_and_the_read_is_audited(tree, clerk):
    from phoihop.audit.models import AuditEvent

    visit = make_visit(tree.own, clerk)
    identity_url = reverse("reception:visit_citizen_identity", args=[visit.public_id, 1])
    uncleared = signed_in_client(clerk)
    assert identity_url not in uncleared.get(visit.get_absolute_url()).content.decode()
    assert uncleared.get(identity_url).status_code == 404

    cleared = make_user("thanh.tra")
    grant(cleared, "clerk", tree.own)
    grant(cleared, "identity_clearance", tree.own)
    client = signed_in_client(cleared)
    assert identity_url in client.get(visit.get_absolute_url()).content.decode()
    before = client.get(identity_url)
    assert "Nguyễn Văn An" not in before.content.decode()  # nothing shown before a purpose
    shown = client.post(identity_url, {"purpose": "Xác minh nội dung tố cáo"})

    assert "Nguyễn Văn An" in shown.content.decode()
    assert shown["Cache-Control"] == "no-store"
    event = AuditEvent.objects.filter(event="identity.read").get()
    assert event.data["purpose"] == "Xác minh nội dung tố cáo"


def test_the_navigation_offers_an_administrator_the_schedules_not_a_register_that_answers_404(
    tree,
):
    admin = make_user("quan.tri")
    grant(admin, "administrator", tree.own)
    client = signed_in_client(admin)

    home = client.get(reverse("web:home")).content.decode()
    schedules = client.get(reverse("reception:schedule_list"))

    assert f'href="{reverse("reception:visit_list")}"' not in home
    assert f'href="{reverse("reception:schedule_list")}"' in home
    assert schedules.status_code == 200
    # The register itself stays closed to the administrator, and is not offered.
    assert "Sổ tiếp công dân" not in schedules.content.decode()
    assert client.get(reverse("reception:visit_list")).status_code == 404


def test_the_navigation_offers_a_clerk_the_register(tree, clerk):
    home = signed_in_client(clerk).get(reverse("web:home")).content.decode()

    assert f'href="{reverse("reception:visit_list")}"' in home
    assert f'href="{reverse("reception:schedule_list")}"' not in home


def test_a_refused_answer_keeps_the_text_typed_for_the_citizen(tree, clerk):
    visit = make_visit(tree.own, clerk, actor=clerk, visited_on=date(2026, 4, 23))
    client = signed_in_client(clerk)
    answer = "Thụ lý; cần thêm thời gian xác minh tại xã"
    page = client.post(
        reverse("reception:visit_answer", kwargs={"public_id": visit.public_id}),
        {"answered_on": "", "answer": answer},
        follow=True,
    )
    visit.refresh_from_db()
    assert visit.status != Visit.Status.ANSWERED
    form = page.context["answer_form"]
    assert form.errors["answered_on"] and form.data["answer"] == answer
    assert f">\n{answer}</textarea>" in page.content.decode()


def test_the_slip_words_the_citizens_own_words_without_the_redaction_marker(tree, clerk):
    """The content is stored without the citizen's identity; the slip handed to them says
    their name again where they gave it (for the receiving officer) and a blank for anyone else,
    never the marker meant for verifiers (decision 0027)."""
    from phoihop.identity.redaction import REDACTED

    said = "Tôi là Phạm Văn Bình, đề nghị xem xét việc bồi thường khi thu hồi đất"
    signed_in_client(clerk).post(
        reverse("reception:visit_create"), _visit_post(tree, **{"noi_dung-0-content": said})
    )
    visit = Visit.objects.get()
    assert REDACTED in visit.items.get().content
    url = reverse("reception:visit_slip", args=[visit.public_id])
    page = signed_in_client(clerk).get(url).content.decode()
    assert f"<li>{said}</li>" in page and REDACTED not in page
    colleague = make_user("dong.nghiep")
    grant(colleague, "clerk", tree.own)
    page = signed_in_client(colleague).get(url).content.decode()
    assert "Phạm Văn Bình" not in page and REDACTED not in page
    assert "<li>Tôi là ……………………, đề nghị xem xét" in page
