"""Voter contact against the rulebook: notice and synthesis clocks (TX-04, KNCT-01), petitions
recorded once, imports all-or-nothing, the consolidation and officials' decisions that a new
run never undoes, routing by level (KNCT-01), graded answers, reports, repeats."""

import io
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from phoihop.accounts.services import system_actor
from phoihop.audit.models import AuditEvent
from phoihop.casework.models import Handover, Link
from phoihop.deadlines.models import Deadline
from phoihop.documents.services import document_docx
from phoihop.testing import grant, make_user
from phoihop.voters import services
from phoihop.voters.errors import ImportRowError, VotersError
from phoihop.voters.imports import Row, read_docx, read_pasted, read_xlsx
from phoihop.voters.models import Decision, Petition
from phoihop.voters.tests.factories import make_consolidated, make_meeting, make_session

ROAD = [
    "Đề nghị sớm sửa chữa đường ĐT.816 đoạn qua xã Hòa An bị sạt lở",
    "Cử tri đề nghị sửa chữa đường ĐT.816 xuống cấp, nhiều ổ gà",
    "Đường ĐT.816 sạt lở nghiêm trọng, đề nghị tỉnh đầu tư sửa chữa",
]
SCHOOL = [
    "Đề nghị xây thêm phòng học cho Trường Tiểu học Hòa An",
    "Trường Tiểu học Hòa An thiếu phòng học, đề nghị đầu tư xây dựng",
]
OTHER = ["Đề nghị điều chỉnh mức hỗ trợ bảo hiểm y tế cho người cao tuổi"]


def _rows(texts, commune="Hòa An"):
    return [Row(i, t, commune) for i, t in enumerate(texts, start=1)]


def test_meeting_notice_clock_tx04_is_seven_working_days_before(bodies, secretary):
    session = make_session(bodies["delegation"])
    meeting = make_meeting(
        bodies["delegation"], actor=secretary, session=session, held_on=date(2026, 5, 8)
    )
    clock = Deadline.objects.get(rule_id="TX-04")
    assert clock.due_on == date(2026, 4, 24)  # RULEBOOK example: Fri 08/05 → Fri 24/04
    assert meeting.due_on == date(2026, 4, 24)
    assert meeting.points.count() == 2


def test_the_co_organising_front_records_the_minutes_and_the_notice_clock_stops(bodies, secretary):
    """The Front co-organises the delegation's meeting and may record its minutes
    (``MeetingPolicy``): the delegation's notice clock stops with it, not a refusal."""
    front_officer = make_user("can.bo.mttq")
    grant(front_officer, "specialist", bodies["front"])
    meeting = make_meeting(
        bodies["delegation"],
        actor=secretary,
        co_organizer=bodies["front"],
        held_on=date(2026, 5, 8),
    )
    services.meeting_record_minutes(
        actor=front_officer, meeting=meeting, minutes="85 cử tri dự, 2 kiến nghị."
    )
    meeting.refresh_from_db()
    assert meeting.status == "held"
    assert Deadline.objects.get(rule_id="TX-04").status == "completed"
    assert AuditEvent.objects.get(event="voters.meeting.held").actor == front_officer


def test_meeting_outside_constituency_adds_tx06(bodies, secretary):
    make_meeting(bodies["delegation"], actor=secretary, outside_constituency=True)
    assert set(Deadline.objects.values_list("rule_id", flat=True)) >= {"TX-04", "TX-06"}


def test_council_meeting_outside_constituency_runs_tx07b(bodies):
    session = make_session(bodies["standing"], assembly="provincial_council")
    make_meeting(bodies["standing"], session=session, outside_constituency=True)
    assert list(
        Deadline.objects.filter(target_id__isnull=False)
        .values_list("rule_id", flat=True)
        .exclude(rule_id__startswith="KNCT")
    ) == ["TX-07b"]


def test_online_meeting_needs_a_link(bodies):
    with pytest.raises(VotersError):
        make_meeting(bodies["delegation"], mode="online")


def test_na_session_starts_knct01_clocks(bodies):
    make_session(bodies["delegation"])
    dues = dict(Deadline.objects.values_list("rule_id", "due_on"))
    # RULEBOOK W8: opens Tue 20/10 → Mon 05/10; closes Thu 10/12 → Fri 25/12.
    assert dues == {"KNCT-01": date(2026, 10, 5), "KNCT-01b": date(2026, 12, 25)}


def test_meeting_plan_twice_with_one_key_creates_one(bodies, secretary):
    a = make_meeting(bodies["delegation"], actor=secretary, idempotency_key="k1")
    b = make_meeting(bodies["delegation"], actor=secretary, session=a.session, idempotency_key="k1")
    assert a.pk == b.pk


def test_petitions_recorded_once_whatever_the_path(bodies, secretary):
    meeting = make_meeting(bodies["delegation"], actor=secretary)
    first = services.petitions_record(
        actor=secretary, rows=_rows(ROAD), session=meeting.session, meeting=meeting
    )
    again = services.petitions_record(
        actor=secretary,
        rows=[
            Row(1, "  đề nghị sớm sửa chữa đường ĐT.816 đoạn qua xã Hòa An bị sạt lở ", "hoa an")
        ],
        session=meeting.session,
        meeting=meeting,
    )
    assert (first.created, first.skipped) == (3, 0)
    assert (again.created, again.skipped) == (0, 1)
    assert Petition.objects.count() == 3
    assert AuditEvent.objects.filter(event="voters.petitions.recorded").count() == 1


def test_bad_row_changes_nothing_and_names_the_row(bodies, secretary):
    meeting = make_meeting(bodies["delegation"], actor=secretary)
    rows = [Row(2, "Đề nghị lắp đèn", "Hòa An"), Row(3, "Đề nghị nạo vét kênh", "Tân Phước")]
    with pytest.raises(ImportRowError) as error:
        services.petitions_record(
            actor=secretary, rows=rows, session=meeting.session, meeting=meeting
        )
    assert "Dòng 3" in error.value.message and "Tân Phước" in error.value.message
    assert Petition.objects.count() == 0


def test_petitions_of_another_body_are_refused(bodies, secretary):
    meeting = make_meeting(bodies["standing"], session=make_session(bodies["standing"]))
    with pytest.raises(PermissionDenied):
        services.petitions_record(
            actor=secretary, rows=_rows(OTHER), session=meeting.session, meeting=meeting
        )


def _xlsx(rows):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["STT", "Nội dung kiến nghị", "Xã, phường", "Đại biểu tiếp nhận"])
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_xlsx_import_and_reimport(bodies, secretary):
    meeting = make_meeting(bodies["delegation"], actor=secretary)
    content = _xlsx([[1, ROAD[0], "xã Hòa An", "Nguyễn Văn A"], [2, SCHOOL[0], "Phú Lâm", ""]])
    rows = read_xlsx(content)
    assert [r.commune for r in rows] == ["xã Hòa An", "Phú Lâm"]
    done = services.petitions_record(
        actor=secretary, rows=rows, session=meeting.session, meeting=meeting, source="imported"
    )
    redone = services.petitions_record(
        actor=secretary, rows=read_xlsx(content), session=meeting.session, meeting=meeting
    )
    assert (done.created, redone.created, redone.skipped) == (2, 0, 2)
    assert meeting.petitions.get(commune__code="T-01").received_by == "Nguyễn Văn A"


def test_xlsx_with_empty_text_names_the_row():
    content = _xlsx([[1, ROAD[0], "Hòa An"], [2, "", "Hòa An"]])
    with pytest.raises(ImportRowError, match="Dòng 3: thiếu nội dung"):
        read_xlsx(content)


def test_docx_minutes_table_is_read():
    from docx import Document

    document = Document()
    document.add_paragraph("BIÊN BẢN HỘI NGHỊ TIẾP XÚC CỬ TRI")
    table = document.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ["STT", "Nội dung", "Xã, phường"], strict=True):
        cell.text = text
    row = table.add_row().cells
    row[0].text, row[1].text, row[2].text = "1", SCHOOL[1], "Hòa An"
    out = io.BytesIO()
    document.save(out)
    assert read_docx(out.getvalue()) == [Row(2, SCHOOL[1], "Hòa An", "", "")]


def test_pasted_list():
    rows = read_pasted("1. Đề nghị lắp đèn | Hòa An | ĐB Lê C\n\n- Sửa cầu | Phú Lâm")
    assert [(r.number, r.text, r.commune) for r in rows] == [
        (1, "Đề nghị lắp đèn", "Hòa An"),
        (3, "Sửa cầu", "Phú Lâm"),
    ]


@pytest.fixture
def recorded(bodies, secretary):
    meeting = make_meeting(bodies["delegation"], actor=secretary)
    services.petitions_record(
        actor=secretary,
        rows=_rows(ROAD + SCHOOL + OTHER),
        session=meeting.session,
        meeting=meeting,
    )
    return meeting.session


def _run(session, actor):
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        run = services.consolidation_start(actor=actor, session=session)  # immediate in tests
    run.refresh_from_db()
    assert run.status == "done", run.error
    return run


def _group_of(text):
    return Petition.objects.get(text=text).consolidated


def test_consolidation_proposes_groups_with_evidence(recorded, secretary):
    run = _run(recorded, secretary)
    road = _group_of(ROAD[0])
    assert run.petitions == 6
    assert {p.text for p in road.petitions.all()} == set(ROAD)
    assert road.status == "proposed"
    assert road.evidence["roads"] or road.evidence["terms"]
    assert road.suggested_level and road.level == road.suggested_level
    assert _group_of(SCHOOL[0]) != road


def test_decisions_survive_a_new_run(recorded, secretary):
    _run(recorded, secretary)
    road = _group_of(ROAD[0])
    school = _group_of(SCHOOL[0])
    # split one petition out of the road group, merge the school group into the rest
    split = services.consolidated_split(
        actor=secretary, item=road, petitions=[Petition.objects.get(text=ROAD[2])]
    )
    services.consolidated_merge(actor=secretary, item=road, other=school)
    services.consolidated_rename(actor=secretary, item=road, title="Đường ĐT.816 và trường Hòa An")
    _run(recorded, secretary)
    road.refresh_from_db()
    school.refresh_from_db()
    assert road.title == "Đường ĐT.816 và trường Hòa An"
    assert road.reference.startswith("KNCT-") and road.status == "accepted"
    assert school.status == "withdrawn"
    assert {p.text for p in road.petitions.all()} == {ROAD[0], ROAD[1], *SCHOOL}
    assert [p.text for p in split.petitions.all()] == [ROAD[2]]
    assert set(Decision.objects.values_list("kind", flat=True)) == {"split", "merge", "rename"}
    assert AuditEvent.objects.filter(event="voters.consolidation.decided").count() == 3


def test_move_a_petition(recorded, secretary):
    _run(recorded, secretary)
    road = _group_of(ROAD[0])
    other = _group_of(OTHER[0])
    services.petition_move(actor=secretary, petition=Petition.objects.get(text=OTHER[0]), to=road)
    other.refresh_from_db()
    assert other.status == "withdrawn"
    assert Petition.objects.get(text=OTHER[0]).pinned


def test_only_the_consolidating_body_decides(recorded, bodies):
    from phoihop.testing import grant, make_user

    _run(recorded, system_actor())
    outsider = make_user("ngoai")
    grant(outsider, "specialist", bodies["standing"])
    with pytest.raises(PermissionDenied):
        services.consolidated_accept(actor=outsider, item=_group_of(ROAD[0]))


def test_route_by_level(bodies, secretary):
    from phoihop.voters.tests.factories import commune

    session = make_session(bodies["delegation"])
    xa = make_consolidated(bodies["delegation"], session=session, level="xa")
    xa.communes.set([commune("T-01")])
    tinh = make_consolidated(bodies["delegation"], session=session, level="tinh")
    tw = make_consolidated(bodies["delegation"], session=session, level="trung_uong")
    on = date(2026, 12, 15)
    for item in (xa, tinh, tw):
        services.consolidated_route(actor=secretary, item=item, on=on)
    targets = {h.item_id: h.to_organization for h in Handover.objects.all()}
    assert targets == {xa.pk: bodies["ubnd_xa"], tinh.pk: bodies["standing"]}
    tw.refresh_from_db()
    assert tw.status == "routed"
    assert Deadline.objects.get(target_id=str(tw.pk), rule_id="TX-10").due_on == date(2027, 2, 15)


def test_province_item_goes_through_standing_committee_to_ubnd_and_answer_travels_back(
    bodies, secretary
):
    from phoihop.testing import grant, make_user

    session = make_session(bodies["delegation"])
    item = make_consolidated(bodies["delegation"], session=session, level="tinh")
    services.consolidated_route(actor=secretary, item=item, on=date(2026, 12, 15))
    standing = make_user("tt")
    grant(standing, "leader", bodies["standing"])
    at_standing = services.consolidated_receive(
        actor=standing, handover=Handover.objects.get(), on=date(2026, 12, 16)
    )
    assert at_standing.status == "accepted" and at_standing.forwarded_by == bodies["delegation"]
    services.consolidated_route(actor=standing, item=at_standing, on=date(2026, 12, 16))
    ubnd = make_user("ubnd")
    grant(ubnd, "leader", bodies["ubnd"])
    at_ubnd = services.consolidated_receive(
        actor=ubnd, handover=Handover.objects.get(status="sent"), on=date(2026, 12, 17)
    )
    assert at_ubnd.status == "routed" and at_ubnd.forwarded_by == bodies["standing"]
    assert at_ubnd.due_on == date(2027, 2, 15)  # KNCT-05 (provisional 60 days): 15/02 Monday
    with pytest.raises(VotersError):
        services.consolidated_answer(
            actor=ubnd,
            item=at_ubnd,
            grade="scheduled",
            answer="Sẽ sửa",
            answered_on=date(2027, 1, 5),
        )
    services.consolidated_answer(
        actor=ubnd,
        item=at_ubnd,
        grade="scheduled",
        answer="Đã bố trí vốn năm 2027",
        answered_on=date(2027, 1, 5),
        roadmap_until=date(2027, 12, 31),
    )
    for copy in (item, at_standing, at_ubnd):
        copy.refresh_from_db()
        assert (copy.status, copy.grade, copy.roadmap_until) == (
            "answered",
            "scheduled",
            date(2027, 12, 31),
        )
    assert not Deadline.objects.filter(status="running", rule_id="KNCT-05").exists()


def test_supervising_body_sees_the_overdue_copy(bodies, secretary):
    from phoihop.testing import grant, make_user
    from phoihop.voters.selectors import overdue_list

    session = make_session(bodies["standing"], assembly="provincial_council")
    item = make_consolidated(bodies["standing"], session=session, level="tinh")
    services.consolidated_route(actor=system_actor(), item=item, on=date(2026, 1, 5))
    services.consolidated_receive(
        actor=system_actor(), handover=Handover.objects.get(), on=date(2026, 1, 5)
    )
    supervisor = make_user("gs")
    grant(supervisor, "leader", bodies["standing"])
    overdue = list(overdue_list(viewer=supervisor, today=date(2026, 12, 1)))
    assert [o.organization for o in overdue] == [bodies["ubnd"]]


def _report(actor, session, organization, kind):
    return services.report_issue(
        actor=actor,
        session=session,
        organization=organization,
        kind=kind,
        issued_on=date(2026, 10, 3),
    )


def test_front_report_counts_and_groups(recorded, bodies, secretary):
    from phoihop.testing import grant, make_user

    _run(recorded, secretary)
    services.consolidated_accept(actor=secretary, item=_group_of(ROAD[0]))
    front = make_user("mttq")
    grant(front, "specialist", bodies["front"])
    document = _report(front, recorded, bodies["front"], "front")
    text = " ".join(document.body["paragraphs"])
    assert "1 hội nghị" in text and "6 ý kiến" in text and "1 kiến nghị" in text
    # No attendance was recorded: the report does not say that nobody came.
    assert "hội nghị tiếp xúc cử tri; cử tri nêu 6 ý kiến" in text and "0 lượt" not in text
    # Under "BÁO CÁO" the summary does not begin with "Báo cáo" again.
    assert document.title.startswith("Tổng hợp ý kiến, kiến nghị của cử tri — ")
    assert document.symbol.endswith("/BC-MTTQ") or "BC" in document.symbol
    assert document_docx(document)[:2] == b"PK"
    assert any(
        ROAD[0][:20] in " ".join(r[2] for r in t["rows"]) or t["rows"]
        for t in document.body["tables"]
    )


def test_the_delegations_report_names_the_standing_committee_it_goes_to(
    recorded, bodies, secretary
):
    document = _report(secretary, recorded, bodies["delegation"], "delegation")
    # "Như trên" in "Nơi nhận" stands for the addressee named in "Kính gửi:".
    assert document.body["paragraphs"][0] == "Kính gửi: Ủy ban Thường vụ Quốc hội."
    assert document.recipients == ["Như trên"]


def test_repeated_petition_is_flagged_with_the_earlier_answer(bodies, secretary):
    earlier = make_session(
        bodies["delegation"],
        name="Kỳ họp trước",
        opens_on=date(2026, 5, 20),
        closes_on=date(2026, 6, 18),
    )
    old = make_consolidated(
        bodies["delegation"],
        session=earlier,
        status="answered",
        title=ROAD[0],
        grade="explained",
        answer="Đã đưa vào kế hoạch",
        answered_on=date(2026, 8, 1),
    )
    now = make_session(bodies["delegation"])
    meeting = make_meeting(bodies["delegation"], session=now)
    services.petitions_record(actor=secretary, rows=_rows(ROAD[1:]), session=now, meeting=meeting)
    run = _run(now, secretary)
    assert run.repeats_found == 1
    group = _group_of(ROAD[1])
    from phoihop.voters.selectors import repeats_of

    assert repeats_of(viewer=secretary, item=group) == [old]
    assert Link.objects.filter(kind="repeats").count() == 1
    _run(now, secretary)  # a new run flags it once, on the new proposal
    assert Link.objects.filter(kind="repeats").count() == 1


def test_xlsx_minutes_with_a_title_above_the_table():
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["BIÊN BẢN HỘI NGHỊ TIẾP XÚC CỬ TRI"])
    sheet.append([])
    sheet.append(["STT", "Nội dung", "Xã, phường"])
    sheet.append([1, ROAD[0], "Hòa An"])
    sheet.append([2, None, "Hòa An"])
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(ImportRowError, match="Dòng 5: thiếu nội dung"):
        read_xlsx(out.getvalue())
