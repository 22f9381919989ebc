"""Reception pages: what each role sees, forms that name their errors, pinned query counts."""

from datetime import date

from django.urls import reverse

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


def test_visit_create_registers_and_redirects(tree, clerk):
    response = signed_in_client(clerk).post(reverse("reception:visit_create"), _visit_post(tree))

    visit = Visit.objects.get()
    assert response.status_code == 302 and response["Location"] == visit.get_absolute_url()
    assert visit.citizens.count() == 1
    assert visit.items.get().document_titles == ["Thông báo thu hồi đất", "Biên bản kiểm đếm"]


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
