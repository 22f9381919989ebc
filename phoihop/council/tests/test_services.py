"""Sessions (KH-02, KH-04, KH-05, KH-09, KH-13, KH-14, KH-19), resolution implementation,
decisions between sessions with written consultation (GK-01, GK-07) and briefings (BCO-14/15)."""

import io
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from docx import Document as Docx

from phoihop.access.policy import can
from phoihop.audit.models import AuditEvent
from phoihop.casework.clocks import clocks_open
from phoihop.casework.errors import ItemStateError
from phoihop.casework.models import Link, Step
from phoihop.casework.services import follow_up_send, supervising_bodies
from phoihop.council import selectors, services
from phoihop.council.errors import CouncilInputError, CouncilStateError
from phoihop.council.models import AgendaItem, Ballot, Resolution, Session, Submission, Task
from phoihop.council.tests import factories as f
from phoihop.documents.services import document_docx
from phoihop.testing import grant, make_user, signed_in_client


@pytest.fixture
def ubnd_specialist(tree):
    user = make_user("chuyen.vien.ubnd")
    grant(user, "specialist", tree.other)
    return user


# ---------------------------------------------------------------- sessions and clocks


def test_session_clocks_come_from_the_provinces_working_rules(tree, leader):
    session = f.make_session(tree, actor=leader)

    assert session.convene_rule == "KH-04@T25" and session.documents_rule == "KH-05@T25"
    assert session.convene_by == date(2026, 11, 18)  # W2
    assert session.documents_by == date(2026, 11, 27)  # 28/11 is a Saturday: moved earlier
    clock = clocks_open(session).get(status="running")
    assert clock.due_on == date(2026, 11, 18) and "Thử Nghiệm" in clock_citation(clock)
    assert AuditEvent.objects.filter(event="council.session.planned").exists()


def clock_citation(clock):
    from phoihop.deadlines import engine

    return engine.current_rules().get(clock.rule_id).citation


def test_thematic_session_uses_the_thematic_lead_times(tree, leader):
    session = f.make_session(tree, actor=leader, kind="thematic")
    assert session.convene_by == date(2026, 12, 1) and session.documents_by == date(2026, 12, 3)


def test_no_working_rules_no_session(tree, leader, settings):
    settings.PHOIHOP_DEADLINES = {"PROVINCIAL_RULES_DIRS": []}
    with pytest.raises(CouncilInputError, match="chưa được nạp"):
        f.make_session(tree, actor=leader)
    assert not Session.objects.exists()


def test_thematic_session_on_deputies_request_needs_a_third_of_all_deputies(tree, leader):
    f.make_deputies(tree.own, 85)
    with pytest.raises(CouncilInputError, match="29/85"):
        f.make_session(
            tree, actor=leader, kind="thematic", requested_by="deputies", requesting_deputies=28
        )
    session = f.make_session(
        tree, actor=leader, kind="thematic", requested_by="deputies", requesting_deputies=29
    )
    assert session.requesting_deputies == 29


def test_a_thematic_session_needs_someone_entitled_to_request_it(tree, leader):
    with pytest.raises(CouncilInputError, match="Đ34 k3"):
        f.make_session(tree, actor=leader, kind="urgent", requested_by="plan")


def test_double_submit_plans_one_session(tree, leader):
    one = f.make_session(tree, actor=leader, key="k-1")
    two = f.make_session(tree, actor=leader, key="k-1")
    assert one.pk == two.pk and Session.objects.count() == 1


def test_another_body_may_not_plan_the_councils_session(tree, ubnd_specialist):
    with pytest.raises(PermissionDenied):
        f.make_session(tree, actor=ubnd_specialist)


def test_convening_late_is_flagged_and_stops_the_clock(tree, leader):
    session = f.make_session(tree, actor=leader)
    session = services.session_convene(actor=leader, session=session, on=date(2026, 11, 20))

    assert session.status == "convened" and session.convened_late
    assert session.convene_document.symbol.startswith("01/QĐ-")
    assert not clocks_open(session).filter(status="running").exists()
    assert b"word/document.xml" in document_docx(session.convene_document)


def test_the_convening_decision_reads_as_the_standing_committee_signs_it(tree, leader):
    tree.own.kind = "council_standing"
    tree.own.save(update_fields=["kind"])
    session = f.make_session(tree, actor=leader)
    f.make_item(tree, session=session, actor=leader)
    session = services.session_convene(
        actor=leader, session=session, on=date(2026, 11, 16), signer_name="Nguyễn Văn Hòa"
    )

    text = "\n".join(
        p.text for p in Docx(io.BytesIO(document_docx(session.convene_document))).paragraphs
    )
    body = "\n".join(
        cell.text
        for table in Docx(io.BytesIO(document_docx(session.convene_document))).tables
        for row in table.rows
        for cell in row.cells
    )
    assert "Căn cứ Luật Tổ chức chính quyền địa phương" in text
    assert "QUYẾT ĐỊNH:" in text
    assert "Điều 1. Triệu tập Kỳ họp thứ năm" in text
    assert "Điều 2. Nội dung kỳ họp: 1. " in text
    assert "Điều 3. " in text
    assert "TM. THƯỜNG TRỰC HĐND\nCHỦ TỊCH" in body and "Nguyễn Văn Hòa" in body


def test_a_session_the_standing_committee_asked_for_cites_no_request_to_itself(tree, leader):
    tree.own.kind = "council_standing"
    tree.own.save(update_fields=["kind"])
    mayor = f.make_session(tree, actor=leader, kind="thematic", requested_by="committee_chair")
    own = f.make_session(tree, actor=leader, kind="thematic", number=6, key="own")
    for session in (mayor, own):
        services.session_convene(actor=leader, session=session, on=date(2026, 11, 16))
        session.refresh_from_db()
    assert "Theo đề nghị của Chủ tịch UBND;" in mayor.convene_document.body["bases"]
    assert not any(b.startswith("Theo đề nghị") for b in own.convene_document.body["bases"])


# ---------------------------------------------------------------- dossiers


def test_the_submitting_body_files_its_dossier_late_and_it_is_flagged(
    tree, leader, ubnd_specialist
):
    session = f.make_session(tree, actor=leader)
    item = f.make_item(tree, session=session, actor=leader)
    assert item.organization == tree.other and item.due_on == date(2026, 11, 27)
    assert can(ubnd_specialist, "change", item)

    services.paper_add(
        actor=ubnd_specialist,
        agenda_item=item,
        kind="to_trinh",
        title="Tờ trình 120/TTr-UBND",
        received_on=date(2026, 11, 30),
    )
    item.refresh_from_db()
    assert item.status == "preparing"
    services.paper_add(
        actor=ubnd_specialist,
        agenda_item=item,
        kind="draft",
        title="Dự thảo nghị quyết",
        received_on=date(2026, 12, 1),
    )
    item.refresh_from_db()

    assert item.status == "submitted" and item.late and item.submitted_on == date(2026, 12, 1)
    assert Step.objects.filter(kind="submitted", note="Gửi muộn").exists()
    assert not clocks_open(item).filter(status="running").exists()


def test_the_submitting_body_may_not_write_the_examination_report(tree, leader, ubnd_specialist):
    item = f.file_dossier(f.make_item(tree, actor=leader), on=date(2026, 11, 20), examine=False)
    with pytest.raises(PermissionDenied):
        services.paper_add(
            actor=ubnd_specialist,
            agenda_item=item,
            kind="examination",
            title="Thẩm tra",
            received_on=date(2026, 11, 25),
        )
    services.paper_add(
        actor=leader,
        agenda_item=item,
        kind="examination",
        title="Thẩm tra",
        received_on=date(2026, 11, 25),
    )
    item.refresh_from_db()
    assert item.status == "examined" and not item.late


def test_an_uploaded_scan_is_kept_with_its_checked_type(tree, leader):
    from phoihop.security.uploads import CheckedUpload

    item = f.make_item(tree, actor=leader)
    paper = services.paper_add(
        actor=leader,
        agenda_item=item,
        kind="to_trinh",
        title="Tờ trình",
        received_on=date(2026, 11, 20),
        upload=CheckedUpload("to-trinh.pdf", "application/pdf", b"%PDF-1.4 ..."),
    )
    assert bytes(paper.content).startswith(b"%PDF") and paper.file_name == "to-trinh.pdf"


# ---------------------------------------------------------------- votes and resolutions


def test_one_passes_and_one_fails_on_the_total_deputies_threshold(tree, leader):
    session = f.convened(tree, deputies=9, actor=leader)
    first = f.file_dossier(f.make_item(tree, session=session, actor=leader), on=date(2026, 11, 25))
    second = f.file_dossier(
        f.make_item(tree, session=session, actor=leader, title="Nghị quyết về phí tham quan"),
        on=date(2026, 11, 25),
    )
    ok = services.vote_record(
        actor=leader, item=first, held_on=f.OPENS, method="in_person", yes=5, no=2, abstain=0
    )
    # 5 of 7 voting, but 4 of 9 deputies: abstentions and absentees count against (KH-09)
    failed = services.vote_record(
        actor=leader, item=second, held_on=f.OPENS, method="in_person", yes=4, no=1, abstain=1
    )

    assert ok.passed and ok.required == 5 and ok.total == 9
    assert not failed.passed and failed.not_voting == 3
    resolution = Resolution.objects.get()
    assert resolution.agenda_item == first and resolution.symbol == "01/2026/NQ-HDND"
    assert (
        not hasattr(second, "resolution")
        or not Resolution.objects.filter(agenda_item=second).exists()
    )
    assert AgendaItem.objects.filter(status="decided").count() == 2


def test_votes_are_numbered_from_the_councils_register(tree, leader):
    session = f.convened(tree, actor=leader)
    symbols = []
    for title in ("Nghị quyết A", "Nghị quyết B"):
        item = f.file_dossier(
            f.make_item(tree, session=session, actor=leader, title=title), on=date(2026, 11, 25)
        )
        services.vote_record(
            actor=leader, item=item, held_on=f.OPENS, method="in_person", yes=8, no=0, abstain=0
        )
        symbols.append(item.resolution.symbol)
    assert symbols == ["01/2026/NQ-HDND", "02/2026/NQ-HDND"]


def test_a_draft_resolution_is_not_voted_before_its_examination(tree, leader):
    session = f.convened(tree, actor=leader)
    item = f.file_dossier(
        f.make_item(tree, session=session, actor=leader), on=date(2026, 11, 25), examine=False
    )
    with pytest.raises(ItemStateError, match="thẩm tra"):
        services.vote_record(
            actor=leader, item=item, held_on=f.OPENS, method="in_person", yes=8, no=0, abstain=0
        )


def test_more_votes_than_deputies_or_present_are_refused(tree, leader):
    session = f.convened(tree, deputies=9, actor=leader)
    deputies = list(services.deputies_in_office(tree.own, f.OPENS))
    services.attendance_record(
        actor=leader,
        session=session,
        on=f.OPENS,
        rows=[services.AttendanceInput(d, "present") for d in deputies[:6]]
        + [
            services.AttendanceInput(deputies[6], "excused", "Công tác"),
            services.AttendanceInput(deputies[7], "absent"),
        ],
    )
    item = f.file_dossier(f.make_item(tree, session=session, actor=leader), on=date(2026, 11, 25))
    with pytest.raises(CouncilInputError, match="vượt tổng số đại biểu"):
        services.vote_record(
            actor=leader, item=item, held_on=f.OPENS, method="in_person", yes=10, no=0, abstain=0
        )
    with pytest.raises(CouncilInputError, match="có mặt"):
        services.vote_record(
            actor=leader, item=item, held_on=f.OPENS, method="in_person", yes=7, no=0, abstain=0
        )
    vote = services.vote_record(
        actor=leader, item=item, held_on=f.OPENS, method="in_person", yes=5, no=1, abstain=0
    )
    assert vote.passed  # 5 of 9


def test_excused_absence_needs_a_reason(tree, leader):
    session = f.convened(tree, actor=leader)
    deputy = services.deputies_in_office(tree.own, f.OPENS).first()
    with pytest.raises(CouncilInputError, match="lý do"):
        services.attendance_record(
            actor=leader,
            session=session,
            on=f.OPENS,
            rows=[services.AttendanceInput(deputy, "excused")],
        )


def test_an_election_is_voted_by_secret_ballot(tree, leader):
    session = f.convened(tree, actor=leader)
    item = services.agenda_add(
        actor=leader,
        session=session,
        organization=tree.own,
        title="Bầu Phó Chủ tịch UBND tỉnh",
        kind="election",
    )
    services.paper_add(
        actor=leader,
        agenda_item=item,
        kind="to_trinh",
        title="Tờ trình",
        received_on=date(2026, 11, 25),
    )
    assert item.secret_ballot
    with pytest.raises(CouncilInputError, match="phiếu kín"):
        services.vote_record(
            actor=leader, item=item, held_on=f.OPENS, method="in_person", yes=8, no=0, abstain=0
        )
    services.vote_record(
        actor=leader, item=item, held_on=f.OPENS, method="ballot", yes=8, no=0, abstain=0
    )
    assert Resolution.objects.filter(agenda_item=item).exists()


def test_sign_and_publish_within_three_days_kh14(tree, leader):
    resolution = f.make_resolution(tree, actor=leader)
    services.resolution_sign(
        actor=leader, resolution=resolution, on=date(2026, 12, 11), signer_name="Nguyễn Văn A"
    )
    resolution.refresh_from_db()
    assert resolution.due_on == date(2026, 12, 14)  # W5
    services.resolution_publish(actor=leader, resolution=resolution, on=date(2026, 12, 15))
    resolution.refresh_from_db()
    assert resolution.status == "published" and resolution.gazette_sent_on == date(2026, 12, 15)
    assert AuditEvent.objects.get(event="council.resolution.published").data["late"] is True
    assert selectors.public_resolution_window(query="ho tro dat trong lua").rows == [resolution]
    assert selectors.public_resolution_window(query="phi tham quan").rows == []


def test_an_unsigned_resolution_is_not_published(tree, leader):
    resolution = f.make_resolution(tree, actor=leader)
    with pytest.raises(ItemStateError):
        services.resolution_publish(actor=leader, resolution=resolution, on=date(2026, 12, 15))
    assert not selectors.public_resolutions().exists()


def test_session_minutes_list_the_votes_and_are_signed_by_the_chair_and_the_secretary(tree, leader):
    import io

    from docx import Document as Docx

    from phoihop.documents.services import document_docx

    resolution = f.make_resolution(tree, actor=leader)
    session = services.session_close(
        actor=leader,
        session=resolution.session,
        on=date(2026, 12, 10),
        summary="Kỳ họp đã hoàn thành chương trình.",
        signer_name="Nguyễn Văn Hòa",
        secretary_name="Trần Thị Thu Hà",
    )
    assert session.status == "closed"
    table = session.minutes_document.body["tables"][0]["rows"]
    assert table[0][2] == "7/1/1 trên 9" and table[0][3] == "Thông qua"
    # Signed by whoever presided, not with the standing committee's name as a title, and by
    # the secretary beside them: the secretary on the left, the chair on the right.
    assert session.minutes_document.body["signer_lines"] == ["CHỦ TỌA KỲ HỌP"]
    docx = Docx(io.BytesIO(document_docx(session.minutes_document)))
    left, right = ([p.text for p in c.paragraphs if p.text] for c in docx.tables[-2].rows[0].cells)
    assert left == ["THƯ KÝ KỲ HỌP", "Trần Thị Thu Hà"]
    assert right == ["CHỦ TỌA KỲ HỌP", "Nguyễn Văn Hòa"]
    assert docx.tables[-1].rows[0].cells[0].paragraphs[0].text == "Nơi nhận:"


# ---------------------------------------------------------------- implementation


def test_resolution_tasks_are_tracked_and_overdue_for_the_standing_committee(
    tree, leader, ubnd_specialist
):
    resolution = f.make_resolution(tree, actor=leader)
    first, _ = services.resolution_tasks_set(
        actor=leader,
        resolution=resolution,
        on=date(2026, 12, 10),
        tasks=[
            services.TaskInput(tree.other, "Ban hành quyết định hướng dẫn", date(2027, 1, 31)),
            services.TaskInput(tree.other_unit, "Rà soát diện tích lúa", date(2027, 3, 31)),
        ],
    )
    assert first.organization == tree.other and first.due_on == date(2027, 1, 31)
    assert Link.objects.filter(kind="implements", to_id=resolution.pk).count() == 2

    overdue = selectors.overdue_tasks(viewer=leader, today=date(2027, 2, 2))
    assert list(overdue) == [first]
    services.task_report(
        actor=ubnd_specialist, task=first, on=date(2027, 2, 3), note="Đã ban hành QĐ 45", done=True
    )
    assert not selectors.overdue_tasks(viewer=leader, today=date(2027, 2, 4)).exists()
    with pytest.raises(PermissionDenied):
        services.task_accept(actor=ubnd_specialist, task=first, on=date(2027, 2, 5), accepted=True)
    services.task_accept(actor=leader, task=first, on=date(2027, 2, 5), accepted=True)
    status = selectors.implementation_of([resolution], date(2027, 2, 5))[resolution.pk]
    assert (status.total, status.done) == (2, 1)


def test_a_task_sent_back_needs_a_new_date(tree, leader):
    resolution = f.make_resolution(tree, actor=leader)
    (task,) = services.resolution_tasks_set(
        actor=leader,
        resolution=resolution,
        on=date(2026, 12, 10),
        tasks=[services.TaskInput(tree.own_unit, "Việc", date(2027, 1, 31))],
    )
    services.task_report(actor=leader, task=task, on=date(2027, 1, 20), note="Xong", done=True)
    with pytest.raises(CouncilInputError):
        services.task_accept(actor=leader, task=task, on=date(2027, 1, 21), accepted=False)
    task = services.task_accept(
        actor=leader, task=task, on=date(2027, 1, 21), accepted=False, new_due_by=date(2027, 2, 28)
    )
    assert task.status == "open" and task.due_on == date(2027, 2, 28)


# ---------------------------------------------------------------- between sessions


def test_standing_committee_decides_directly_with_the_required_documents(tree, leader):
    submission = f.make_submission(tree, actor=leader, papers=False)
    with pytest.raises(CouncilStateError, match="chưa đủ hồ sơ"):
        services.submission_decide(
            actor=leader, submission=submission, on=date(2027, 1, 12), outcome="approve"
        )
    submission = f.make_submission(tree, actor=leader)
    services.submission_decide(
        actor=leader, submission=submission, on=date(2027, 1, 12), outcome="approve"
    )
    decision = Resolution.objects.get(submission=submission)
    assert decision.kind == "standing" and decision.symbol == "01/NQ-TTHDND"


def test_written_consultation_reaches_its_threshold_and_is_listed_for_the_next_session(
    tree, leader
):
    deputies = f.make_deputies(tree.own, 9)
    submission = f.make_submission(tree, actor=leader)
    consultation = f.open_consultation(submission, actor=leader)
    assert consultation.total == 9 and consultation.required == 5
    f.make_deputies(tree.own, 1, starts_on=date(2027, 1, 13))  # the electorate stays frozen
    deputy_user = make_user("dai.bieu", person=deputies[0].person)
    own = Ballot.objects.get(deputy=deputies[0])
    services.ballot_answer(actor=deputy_user, ballot=own, answer="yes", on=date(2027, 1, 12))
    with pytest.raises(CouncilStateError, match="đã trả lời"):
        services.ballot_answer(actor=deputy_user, ballot=own, answer="no", on=date(2027, 1, 12))
    other = Ballot.objects.get(deputy=deputies[1])
    with pytest.raises(PermissionDenied):
        services.ballot_answer(actor=deputy_user, ballot=other, answer="no", on=date(2027, 1, 12))
    for deputy in deputies[1:4]:
        services.ballot_answer(
            actor=leader,
            ballot=Ballot.objects.get(deputy=deputy),
            answer="yes",
            on=date(2027, 1, 13),
        )
    with pytest.raises(CouncilStateError, match="còn có thể thay đổi"):
        services.consultation_close(actor=leader, consultation=consultation, on=date(2027, 1, 14))
    services.ballot_answer(
        actor=leader,
        ballot=Ballot.objects.get(deputy=deputies[4]),
        answer="yes",
        on=date(2027, 1, 14),
    )
    consultation = services.consultation_close(
        actor=leader, consultation=consultation, on=date(2027, 1, 14)
    )

    assert consultation.passed and consultation.yes == 5 and consultation.unanswered == 4
    submission.refresh_from_db()
    assert submission.status == "decided"
    assert Ballot.objects.get(deputy=deputies[0]).channel == "online"
    next_session = f.make_session(tree, actor=leader, number=6, opens_on=date(2027, 7, 6))
    decisions = selectors.decisions_for_session(viewer=leader, session=next_session)
    assert [d.submission for d in decisions] == [submission]


def test_non_response_counts_against_at_the_deadline(tree, leader):
    deputies = f.make_deputies(tree.own, 9)
    submission = f.make_submission(tree, actor=leader)
    consultation = f.open_consultation(submission, actor=leader, question="?")
    for deputy in deputies[:4]:
        services.ballot_answer(
            actor=leader,
            ballot=Ballot.objects.get(deputy=deputy),
            answer="yes",
            on=date(2027, 1, 13),
        )
    with pytest.raises(CouncilStateError, match="Ngoài thời hạn"):
        services.ballot_answer(
            actor=leader,
            ballot=Ballot.objects.get(deputy=deputies[5]),
            answer="yes",
            on=date(2027, 1, 16),
        )
    consultation = services.consultation_close(
        actor=leader, consultation=consultation, on=date(2027, 1, 16)
    )
    assert consultation.passed is False
    assert Submission.objects.get().status == "rejected" and not Resolution.objects.exists()


# ---------------------------------------------------------------- briefings


def test_briefing_composition_attendance_and_conclusions_become_tasks(tree, leader):
    briefing = services.briefing_plan(
        actor=leader,
        organization=tree.own,
        kind="quarterly",
        title="Giao ban quý IV/2026",
        held_on=date(2026, 12, 18),
    )
    invitees = {i.organization: i for i in briefing.invitees.all()}
    assert set(invitees) == {tree.own, tree.other}  # the test province has no Front or delegation
    assert not invitees[tree.own].delegation_allowed
    with pytest.raises(CouncilInputError, match="ủy quyền"):
        services.briefing_record(
            actor=leader,
            briefing=briefing,
            minutes="x",
            rows=[services.InviteeAttendance(invitees[tree.own], "delegated", "Phó Chủ tịch")],
        )
    services.briefing_record(
        actor=leader,
        briefing=briefing,
        minutes="Các cơ quan báo cáo kết quả quý IV.",
        rows=[
            services.InviteeAttendance(invitees[tree.own], "present"),
            services.InviteeAttendance(invitees[tree.other], "delegated", "Phó Chủ tịch UBND tỉnh"),
        ],
    )
    services.briefing_conclude(
        actor=leader,
        briefing=briefing,
        issued_on=date(2026, 12, 21),
        conclusions="Tập trung giải quyết kiến nghị cử tri tồn đọng.",
        tasks=[services.TaskInput(tree.other, "Trả lời 15 kiến nghị tồn đọng", date(2027, 3, 15))],
    )
    briefing.refresh_from_db()
    task = Task.objects.get(briefing=briefing)
    assert briefing.status == "concluded" and briefing.notice_document.doc_type == "TB"
    assert (
        task.organization == tree.other
        and task.assigned_by == tree.own
        and task.due_on == date(2027, 3, 15)
    )
    assert "Trả lời 15 kiến nghị" in str(briefing.notice_document.body)


def test_a_dossier_in_before_its_limit_is_on_time_in_the_clock_history(tree, leader):
    from phoihop.deadlines.models import Deadline

    item = f.make_item(tree, actor=leader)
    f.file_dossier(item, on=date(2026, 11, 20), examine=False)
    clock = Deadline.objects.get(rule_id="KH-05@T25")
    assert clock.status == "completed" and clock.completed_on == date(2026, 11, 20)
    assert AuditEvent.objects.filter(event="deadline.completed", data__on_time=True).exists()


def test_a_consulted_deputy_sees_the_submission_once_and_others_do_not(tree, leader):
    deputies = f.make_deputies(tree.own, 3)
    submission = f.make_submission(tree, actor=leader)
    f.open_consultation(submission, actor=leader, question="?")
    deputy = make_user("dai.bieu.1", person=deputies[0].person)
    stranger = make_user("nguoi.ngoai")
    assert list(selectors.submission_list(viewer=deputy)) == [submission]
    assert selectors.submission_list(viewer=leader).count() == 1
    assert not selectors.submission_list(viewer=stranger).exists()


def test_an_agenda_item_shows_the_threshold_it_will_be_counted_by(tree, leader):
    item = f.make_item(tree, actor=leader)
    assert item.threshold_label.startswith("Thông qua nghị quyết: quá nửa tổng số")


def test_the_public_api_lists_only_published_resolutions(tree, leader, client):
    resolution = f.make_resolution(tree, actor=leader)
    assert client.get("/api/council-resolutions").json()["results"] == []
    services.resolution_sign(
        actor=leader, resolution=resolution, on=date(2026, 12, 9), signer_name="A"
    )
    services.resolution_publish(actor=leader, resolution=resolution, on=date(2026, 12, 10))
    rows = client.get("/api/council-resolutions?q=dat+trong+lua").json()["results"]
    assert [r["symbol"] for r in rows] == [resolution.symbol]
    assert client.get("/api/council-resolutions?q=hoc+phi").json()["results"] == []


def test_a_deputy_absent_without_reason_for_a_year_is_listed_kh19(tree, leader):
    f.make_deputies(tree.own, 3)
    deputies = list(services.deputies_in_office(tree.own, date(2026, 5, 1)))
    for number, opens in ((1, date(2026, 5, 5)), (2, date(2026, 12, 8))):
        session = f.make_session(tree, actor=leader, number=number, opens_on=opens)
        services.session_convene(actor=leader, session=session, on=opens)
        services.attendance_record(
            actor=leader,
            session=session,
            on=opens,
            rows=[
                services.AttendanceInput(deputies[0], "absent"),
                services.AttendanceInput(deputies[1], "excused" if number == 1 else "absent", "Ốm"),
                services.AttendanceInput(deputies[2], "present"),
            ],
        )
    absent = selectors.deputies_absent_for_a_year(viewer=leader, today=date(2026, 12, 10))
    assert list(absent) == [deputies[0]]


def test_public_pages_show_what_is_published_and_page_without_counting(tree, leader, client):
    resolution = f.make_resolution(tree, actor=leader)
    services.resolution_sign(
        actor=leader, resolution=resolution, on=date(2026, 12, 9), signer_name="A"
    )
    services.resolution_publish(actor=leader, resolution=resolution, on=date(2026, 12, 10))
    page = client.get("/cong-khai/nghi-quyet/?q=h%E1%BB%97+tr%E1%BB%A3+l%C3%BAa")
    assert page.status_code == 200 and resolution.symbol in page.content.decode()
    assert "Trang sau" not in page.content.decode()
    assert client.get("/cong-khai/nghi-quyet/?trang=abc").status_code == 200
    detail = client.get(f"/cong-khai/nghi-quyet/{resolution.public_id}/").content.decode()
    assert "Chưa giao nhiệm vụ" in detail
    sessions = client.get("/cong-khai/nghi-quyet/ky-hop/").content.decode()
    assert resolution.session.title in sessions
    feed = client.get("/cong-khai/nghi-quyet/ky-hop.ics")
    assert feed["Content-Type"].startswith("text/calendar")
    assert b"BEGIN:VEVENT" in feed.content and b"DTSTART;VALUE=DATE:20261208" in feed.content


def test_the_follow_up_form_is_offered_on_another_bodys_item_not_on_the_councils_own(tree, leader):
    """The standing committee examines and votes on every agenda item (``supervise``), but a
    follow-up request ("đề nghị xem xét, giải quyết") goes to another body: its own report on
    the agenda is not something it asks itself to resolve."""
    session = f.make_session(tree)
    own = f.make_item(tree, session=session, organization=tree.own, kind="report")
    other = f.make_item(tree, session=session)
    client = signed_in_client(leader)
    offered = "Gửi đề nghị"
    assert can(leader, "supervise", own)  # its own steps on the agenda stay open to it
    assert supervising_bodies(leader, own) == []
    assert offered not in client.get(own.get_absolute_url()).content.decode()
    with pytest.raises(PermissionDenied):
        follow_up_send(actor=leader, item=own, content="Đề nghị bổ sung số liệu.", on=f.OPENS)
    assert supervising_bodies(leader, other) == [tree.own]
    assert offered in client.get(other.get_absolute_url()).content.decode()
