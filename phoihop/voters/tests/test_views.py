"""Pages beyond the URL matrix: the public answers (each answer once, however many bodies it
passed through), the public iCalendar, the printable answers per contact point, statistics."""

import io
from datetime import date

from django.test import Client
from django.urls import reverse

from phoihop.accounts.services import system_actor
from phoihop.casework.models import Handover
from phoihop.testing import (
    chart_values,
    dead_links,
    download_name,
    grant,
    make_user,
    signed_in_client,
)
from phoihop.voters import services
from phoihop.voters.tests.factories import commune, make_consolidated, make_meeting, make_session


def _answered_through_two_bodies(bodies):
    actor = system_actor()
    session = make_session(bodies["delegation"])
    item = make_consolidated(bodies["delegation"], session=session, level="tinh")
    item.communes.set([commune("T-01")])
    services.consolidated_route(actor=actor, item=item, on=date(2026, 12, 15))
    at_standing = services.consolidated_receive(
        actor=actor, handover=Handover.objects.get(), on=date(2026, 12, 15)
    )
    services.consolidated_route(actor=actor, item=at_standing, on=date(2026, 12, 16))
    at_ubnd = services.consolidated_receive(
        actor=actor, handover=Handover.objects.get(status="sent"), on=date(2026, 12, 16)
    )
    services.consolidated_answer(
        actor=actor,
        item=at_ubnd,
        grade="resolved",
        answer="Đã sửa xong đoạn sạt lở",
        answered_on=date(2027, 1, 4),
    )
    return session


def test_public_answers_show_each_answer_once(bodies):
    _answered_through_two_bodies(bodies)
    page = Client().get(reverse("voters_public:answers"), {"xa": "T-01"})
    assert page.status_code == 200
    assert page.content.decode().count("Đã sửa xong đoạn sạt lở") == 1


def test_public_meetings_ics(bodies):
    make_meeting(bodies["delegation"], held_on=date(2099, 1, 5))
    response = Client().get(reverse("voters_public:meetings_ics"))
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/calendar")
    assert "BEGIN:VEVENT" in body and "Tiếp xúc cử tri" in body


def test_printable_answers_and_statistics(bodies):
    session = _answered_through_two_bodies(bodies)
    leader = make_user("lanh.dao.doan")
    grant(leader, "leader", bodies["delegation"])
    client = signed_in_client(leader)
    printable = client.get(reverse("voters:answers_printable", args=[session.public_id]))
    assert "xã Hòa An" in printable.content.decode()
    assert "Đã giải quyết xong" in printable.content.decode()
    stats = client.get(reverse("voters:statistics", args=[session.public_id]))
    page = stats.content.decode()
    assert "Theo kết quả trả lời" in page
    # Each breakdown drawn with the shared chart, its numbers also in a table; no feedback yet.
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" role="img"') == 4
    assert "chart-4" not in page and page.count("Chưa có số liệu.") == 1
    assert chart_values(page, "chart-3") == "Đã giải quyết xong: 1"
    assert '<th scope="row">Đã giải quyết xong</th><td class="num">1</td>' in page
    xlsx = client.get(reverse("voters:statistics_xlsx", args=[session.public_id]))
    assert download_name(xlsx) == f"Kiến nghị cử tri {session.name}.xlsx"
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(xlsx.content))
    assert book["Kiến nghị tổng hợp"]["H2"].value == "Đã giải quyết xong"


def test_dashboard_and_shared_calendar(bodies):
    from phoihop.core.registry import calendar_sources, due_items

    _answered_through_two_bodies(bodies)
    waiting = make_consolidated(bodies["ubnd"], status="routed", due_on=date(2026, 1, 5))
    officer = make_user("ubnd.cv")
    grant(officer, "specialist", bodies["ubnd"])
    due = list(due_items["voters.petitions_to_answer"](officer, date(2026, 12, 7)))
    assert [d.url for d in due] == [waiting.get_absolute_url()] and due[0].overdue
    meeting = make_meeting(bodies["delegation"], held_on=date(2026, 12, 18))
    secretary = make_user("vp.doan")
    grant(secretary, "specialist", bodies["delegation"])
    entries = list(
        calendar_sources["voters.meetings"](secretary, date(2026, 12, 1), date(2026, 12, 31))
    )
    assert [e.url for e in entries] == [meeting.get_absolute_url()]
    assert "xã Hòa An" in entries[0].location


def test_the_dashboard_names_a_petition_only_to_an_account_that_may_open_it(bodies):
    """Answering alone (a role without the view grant) does not open the petition's page, so the
    home page does not name it: the voters' list decides as the item's policy does."""
    from phoihop.access.models import Role
    from phoihop.core.registry import due_items

    waiting = make_consolidated(bodies["ubnd"], status="routed", due_on=date(2026, 1, 5))
    Role.objects.create(
        code="answer_only", name="Chỉ trả lời", permissions=["voters.answer_consolidatedpetition"]
    )
    answerer = make_user("ubnd.traloi")
    grant(answerer, "answer_only", bodies["ubnd"])
    assert signed_in_client(answerer).get(waiting.get_absolute_url()).status_code != 200
    assert list(due_items["voters.petitions_to_answer"](answerer, date(2026, 12, 7))) == []


def test_minutes_file_with_a_bad_row_changes_nothing_and_says_which_row(bodies):
    """Done-when: an import with a malformed row changes nothing and says which row and why,
    in Vietnamese — through the meeting's import form."""
    from openpyxl import Workbook

    from phoihop.voters.models import Petition

    secretary = make_user("tk.doan")
    grant(secretary, "specialist", bodies["delegation"])
    meeting = make_meeting(bodies["delegation"], actor=secretary)
    book = Workbook()
    sheet = book.active
    sheet.append(["BIÊN BẢN HỘI NGHỊ TIẾP XÚC CỬ TRI"])
    sheet.append(["STT", "Nội dung", "Xã, phường"])
    sheet.append([1, "Đề nghị sửa chữa đường ĐT.816", "Hòa An"])
    sheet.append([2, "Đề nghị nạo vét kênh Bàu Sen", "Tân Phước"])
    sheet.append([3, "Đề nghị lắp đèn đường thôn 3", "Phú Lâm"])
    content = io.BytesIO()
    book.save(content)
    upload = io.BytesIO(content.getvalue())
    upload.name = "bien-ban.xlsx"
    client = signed_in_client(secretary)
    url = reverse("voters:meeting_petition_import", args=[meeting.public_id])
    page = client.post(url, {"file": upload}, follow=True)
    text = page.content.decode()
    assert "Dòng 4: không có xã, phường «Tân Phước» trong các điểm tiếp xúc của hội nghị." in text
    assert Petition.objects.count() == 0


def test_disputed_answer_reaches_the_bodies_it_passed_through(bodies):
    from phoihop.voters import selectors
    from phoihop.voters.models import ConsolidatedPetition

    session = _answered_through_two_bodies(bodies)
    original = ConsolidatedPetition.objects.get(session=session, forwarded_by__isnull=True)
    meeting = make_meeting(bodies["delegation"], session=session, held_on=date(2027, 1, 20))
    services.feedback_record(
        actor=system_actor(),
        meeting=meeting,
        item=original,
        commune=commune("T-01"),
        outcome="not_done",
        reaction="disagree",
    )
    standing = make_user("tt.hdnd")
    grant(standing, "leader", bodies["standing"])
    listed = list(selectors.disputed_list(viewer=standing))
    # its own copy, and the People's Committee's copy it supervises by chain
    assert {i.organization for i in listed} == {bodies["standing"], bodies["ubnd"]}
    page = signed_in_client(standing).get(reverse("voters:overdue")).content.decode()
    assert all(i.reference in page for i in listed)


def test_voter_pages_offer_an_administrator_no_link_that_answers_404(bodies):
    session = make_session(bodies["delegation"])
    admin = make_user("quan.tri")
    grant(admin, "administrator", bodies["delegation"])
    client = signed_in_client(admin)

    assert dead_links(client, reverse("voters:session_list")) == []
    assert dead_links(client, session.get_absolute_url()) == []


def test_only_the_consolidating_body_is_offered_the_consolidation_controls(bodies, secretary):
    """The Front sees the delegation's session (it co-organised a meeting) and may review the
    groups, but running and regrouping are the delegation's: no button that ends in a
    refusal."""
    session = make_session(bodies["delegation"])
    make_meeting(bodies["delegation"], session=session, co_organizer=bodies["front"])
    front_officer = make_user("can.bo.mttq")
    grant(front_officer, "specialist", bodies["front"])
    url = reverse("voters:review", args=[session.public_id])

    page = signed_in_client(front_officer).get(url)
    assert page.status_code == 200
    assert "Chạy tổng hợp tự động" not in page.content.decode()
    assert "Chạy tổng hợp tự động" in signed_in_client(secretary).get(url).content.decode()


def test_a_finished_run_says_so_once(bodies):
    """A run in progress shows its stage; a finished one reads "Xong", not "Xong — Xong"."""
    from types import SimpleNamespace

    from django.template.loader import render_to_string

    def progress(status, label, stage):
        run = SimpleNamespace(
            status=status,
            stage=stage,
            get_status_display=label,
            percent=100 if status == "done" else 50,
            petitions=2,
            groups_proposed=2,
            repeats_found=0,
            error="",
            public_id="00000000-0000-0000-0000-000000000000",
        )
        return render_to_string("voters/_run_progress.html", {"run": run, "session": None})

    assert "Xong</p>" in progress("done", "Xong", "Xong")
    assert "Xong — Xong" not in progress("done", "Xong", "Xong")
    assert "Đang chạy — Phân tích kiến nghị</p>" in progress(
        "running", "Đang chạy", "Phân tích kiến nghị"
    )


def test_a_letter_not_found_keeps_the_typed_number_beside_the_reason(bodies, secretary):
    """A refused step keeps what the officer typed, the Vietnamese reason beside the form."""
    session = make_session(bodies["delegation"])
    client = signed_in_client(secretary)
    url = reverse("voters:session_letter_petition", args=[session.public_id])
    body = {"reference": "99/2026/Đ-XYZ", "commune": commune("T-01").pk, "received_by": "Ông Lê"}
    page = client.post(url, body, follow=True)
    form = page.context["letter_form"]
    assert form.data["reference"] == "99/2026/Đ-XYZ" and form.data["received_by"] == "Ông Lê"
    assert form.non_field_errors() == [
        "Không tìm thấy đơn số «99/2026/Đ-XYZ» trong sổ bạn được xem."
    ]
    text = page.content.decode()
    assert 'value="99/2026/Đ-XYZ"' in text and 'role="alert"><p>Không tìm thấy đơn số' in text
    assert not client.get(session.get_absolute_url()).context["letter_form"].is_bound
