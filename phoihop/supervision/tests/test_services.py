"""Supervision: programme → plan with a joint team → report before the visit on a clock →
visit → report and recommendations → findings lifecycle → re-supervision; questioning and
pledges (RULEBOOK §6, KH-16, KH-17)."""

import io
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from docx import Document as Docx

from phoihop.access.policy import can
from phoihop.accounts.services import system_actor
from phoihop.audit.models import AuditEvent
from phoihop.casework.models import Link, Step
from phoihop.casework.selectors import supervision_overview
from phoihop.deadlines.models import Deadline
from phoihop.documents.services import document_docx
from phoihop.supervision import selectors, services
from phoihop.supervision.errors import SupervisionInputError
from phoihop.supervision.models import (
    BodyReport,
    Plan,
    Pledge,
    Programme,
    Question,
    Recommendation,
    TeamMember,
)
from phoihop.supervision.tests import factories as f
from phoihop.testing import grant, make_user


@pytest.fixture
def ubnd_specialist(tree):
    user = make_user("chuyen.vien.so")
    grant(user, "specialist", tree.other)
    return user


def test_council_programme_needs_its_resolution(tree, leader):
    with pytest.raises(SupervisionInputError):
        services.programme_create(
            actor=leader, organization=tree.own, kind="council", year=2026, title="CT 2026"
        )
    programme = services.programme_create(
        actor=leader,
        organization=tree.own,
        kind=Programme.Kind.COUNCIL,
        year=2026,
        title="Chương trình giám sát năm 2026",
        resolution="15/NQ-HĐND",
        adopted_on=date(2025, 12, 10),
        topics=[services.TopicInput("Trật tự xây dựng", tree.own_unit, "Quý II")],
    )
    assert programme.topics.get().lead == tree.own_unit
    assert AuditEvent.objects.filter(event="supervision.programme.created").exists()


def test_programme_in_another_body_is_refused(tree, leader):
    with pytest.raises(PermissionDenied):
        services.programme_create(
            actor=leader, organization=tree.other, kind="standing", year=2026, title="x"
        )


def test_plan_with_a_joint_team_from_three_bodies(tree, leader):
    front = f.make_front(tree)
    plan = f.make_plan(tree, actor=leader)
    services.plan_team_set(
        actor=leader,
        plan=plan,
        on=date(2026, 3, 3),
        members=[
            services.MemberInput("Nguyễn Văn A", tree.own, TeamMember.Role.HEAD),
            services.MemberInput("Phạm D", tree.own_unit, TeamMember.Role.MEMBER),
            services.MemberInput("Hoàng E", front, TeamMember.Role.INVITED),
            services.MemberInput("Vũ G", tree.own, TeamMember.Role.SECRETARIAT),
        ],
    )
    assert plan.team.values("organization").distinct().count() == 3
    assert plan.reference.startswith("KHGS-2026-")
    assert Step.objects.filter(item_id=plan.pk, kind="team").exists()


def test_plan_create_is_idempotent(tree, leader):
    first = f.make_plan(tree, actor=leader, key="k1")
    again = f.make_plan(tree, actor=leader, key="k1")
    assert first.pk == again.pk and Plan.objects.count() == 1


def test_report_before_the_visit_runs_on_a_clock_and_is_late(tree, leader, ubnd_specialist):
    plan = f.make_plan(tree, actor=leader)
    report = services.report_request(
        actor=leader,
        plan=plan,
        organization=tree.other_unit,
        requested_on=date(2026, 3, 2),
        due_by=date(2026, 3, 20),
    )
    clock = Deadline.objects.get(rule_id="GS-09", target_id=str(report.pk))
    assert clock.due_on == date(2026, 3, 20) and clock.organization == tree.other_unit
    report.refresh_from_db()
    assert report.due_on == date(2026, 3, 20)
    # The supervising body sees the supervised body's report (chain), read-only.
    assert can(leader, "supervise", report) and not can(leader, "change", report)
    assert can(ubnd_specialist, "change", report)
    overdue = selectors.overdue_filter(BodyReport.objects.all(), date(2026, 3, 23))
    assert list(overdue) == [report]

    services.report_receive(
        actor=ubnd_specialist, report=report, received_on=date(2026, 3, 25), summary="Báo cáo"
    )
    report.refresh_from_db()
    assert report.status == "received" and report.late
    clock.refresh_from_db()
    assert clock.status == "completed"
    event = AuditEvent.objects.get(event="supervision.report.received")
    assert event.data["late"] is True


def test_visit_minutes_and_the_report_with_its_recommendations(tree, leader):
    plan = f.make_plan(tree, actor=leader)
    visit = services.visit_record(
        actor=leader,
        plan=plan,
        organization=tree.other_unit,
        held_on=date(2026, 4, 10),
        location="Sở Xây dựng",
        attendees="Đoàn giám sát; Giám đốc Sở",
        findings="12 công trình vi phạm chưa xử lý",
        documents_received="Báo cáo số 45/BC-SXD",
    )
    assert visit.minuted
    plan.refresh_from_db()
    assert plan.status == Plan.Status.VISITING
    services.plan_conclude(
        actor=leader,
        plan=plan,
        issued_on=date(2026, 6, 15),
        findings="Còn 12 công trình vi phạm.",
        conclusions="Việc xử lý còn chậm.",
        recommendations=[
            services.RecommendationInput(tree.other_unit, "Xử lý 12 công trình", date(2026, 9, 30)),
            services.RecommendationInput(
                tree.other, "Chỉ đạo rà soát quy hoạch", date(2026, 8, 31)
            ),
        ],
        signer_title="TM. THƯỜNG TRỰC HĐND",
        signer_name="Nguyễn Văn A",
    )
    plan.refresh_from_db()
    assert plan.status == Plan.Status.REPORTED
    assert plan.report_document.doc_type == "BC" and plan.notice_document.doc_type == "TB"
    # The summaries name what was supervised once ("Giám sát việc …" is the plan's title).
    assert plan.report_document.title == "Kết quả giám sát việc quản lý trật tự xây dựng"
    assert plan.notice_document.title == "Kết luận giám sát việc quản lý trật tự xây dựng"
    docx = document_docx(plan.notice_document)
    assert docx[:2] == b"PK"
    # The plan is cited by its name and dates, not by the system's register reference.
    opening = plan.report_document.body["paragraphs"][0]
    assert (
        opening.startswith("Thực hiện Kế hoạch giám sát việc quản lý trật tự xây dựng (từ ngày ")
        and plan.reference not in opening
    )
    # Neither names an addressee ("Kính gửi"), so "Nơi nhận" has no "Như trên" to stand for one.
    for document in (plan.report_document, plan.notice_document):
        sent_to = Docx(io.BytesIO(document_docx(document))).tables[-1].rows[0].cells[0]
        lines = [p.text for p in sent_to.paragraphs]
        assert "- Như trên;" not in lines and f"- {tree.other_unit.name};" in lines
    recs = list(plan.recommendations.order_by("due_by"))
    assert [r.organization for r in recs] == [tree.other, tree.other_unit]
    assert all(r.supervised_by == tree.own for r in recs)
    assert Deadline.objects.filter(rule_id="GS-09", target_id__in=[r.pk for r in recs]).count() == 2


def test_findings_lifecycle_and_the_supervisors_overview(tree, leader, ubnd_specialist):
    rec = f.make_recommendation(tree, actor=leader)
    assert rec.status == "open" and rec.due_on == date(2026, 9, 30)
    with pytest.raises(PermissionDenied):  # the supervising body does not report for them
        services.recommendation_progress(actor=leader, rec=rec, on=date(2026, 7, 1), note="x")
    services.recommendation_accept(actor=ubnd_specialist, rec=rec, on=date(2026, 6, 20))
    services.recommendation_progress(
        actor=ubnd_specialist, rec=rec, on=date(2026, 7, 15), note="Đã xử lý 5/12 công trình"
    )
    rec.refresh_from_db()
    assert rec.status == "remedying"
    # The supervising body finds it on the casework overview once it is overdue.
    overview = supervision_overview(viewer=leader, today=date(2026, 10, 5))
    section = next(s for s in overview if s.kind.model is Recommendation)
    assert rec in section.overdue

    with pytest.raises(SupervisionInputError):
        services.recommendation_report_done(
            actor=ubnd_specialist, rec=rec, on=date(2026, 10, 6), note="Xong", evidence=""
        )
    services.recommendation_report_done(
        actor=ubnd_specialist,
        rec=rec,
        on=date(2026, 10, 6),
        note="Đã xử lý 12/12",
        evidence="Quyết định xử phạt số 1-12/QĐ-XPVPHC",
    )
    with pytest.raises(PermissionDenied):  # only the supervising body verifies
        services.recommendation_verify(
            actor=ubnd_specialist, rec=rec, on=date(2026, 10, 10), result="done"
        )
    with pytest.raises(SupervisionInputError):  # partly done needs a new date
        services.recommendation_verify(
            actor=leader, rec=rec, on=date(2026, 10, 10), result="partly"
        )
    services.recommendation_verify(
        actor=leader, rec=rec, on=date(2026, 10, 10), result="partly", new_due_by=date(2026, 12, 31)
    )
    rec.refresh_from_db()
    assert rec.status == "remedying" and rec.due_on == date(2026, 12, 31)
    services.recommendation_report_done(
        actor=ubnd_specialist, rec=rec, on=date(2026, 12, 1), note="Xong", evidence="Biên bản"
    )
    services.recommendation_verify(actor=leader, rec=rec, on=date(2026, 12, 5), result="done")
    services.recommendation_close(actor=leader, rec=rec, on=date(2026, 12, 5))
    rec.refresh_from_db()
    assert rec.status == "closed" and rec.result == "done" and rec.closed_at
    assert not Deadline.objects.filter(target_id=str(rec.pk), status="running").exists()


def test_dashboard_counts_by_body_topic_and_status(tree, leader, ubnd_specialist):
    f.make_concluded_plan(tree, actor=leader)
    board = selectors.recommendation_dashboard(viewer=leader, today=date(2026, 8, 1))
    assert board.total == 3 and board.overdue == 1
    assert board.by_body[0] == (tree.other_unit.name, 2, 2, 1)
    assert ("Xây dựng", 2, 2, 1) in board.by_topic
    assert ("open", "Mới ban hành", 3) in board.by_status
    assert dict(board.by_age) == {
        "0–3 tháng": 3,
        "3–6 tháng": 0,
        "6–12 tháng": 0,
        "trên 12 tháng": 0,
    }
    # A body outside the chain sees none of it.
    stranger = make_user("nguoi.ngoai")
    assert selectors.recommendation_dashboard(viewer=stranger, today=date(2026, 8, 1)).total == 0


def test_resupervision_starts_from_the_open_recommendations(tree, leader, ubnd_specialist):
    plan = f.make_plan(tree, actor=leader)
    services.plan_conclude(
        actor=leader,
        plan=plan,
        issued_on=date(2026, 6, 15),
        findings="x",
        conclusions="y",
        recommendations=[
            services.RecommendationInput(tree.other_unit, "A", date(2026, 7, 1)),
            services.RecommendationInput(tree.other_unit, "B", date(2026, 8, 1)),
        ],
    )
    done, still_open = plan.recommendations.order_by("due_by")
    services.recommendation_report_done(
        actor=ubnd_specialist, rec=done, on=date(2026, 6, 30), note="x", evidence="QĐ"
    )
    services.recommendation_verify(actor=leader, rec=done, on=date(2026, 7, 2), result="done")
    services.recommendation_close(actor=leader, rec=done, on=date(2026, 7, 2))

    again = services.plan_create(
        actor=leader,
        organization=tree.own,
        title="Tái giám sát trật tự xây dựng",
        scope="Việc thực hiện kiến nghị sau giám sát",
        starts_on=date(2026, 11, 2),
        ends_on=date(2026, 11, 30),
        bodies=[tree.other_unit],
        previous=plan,
    )
    carried = list(selectors.carried_recommendations(viewer=leader, plan=again))
    assert carried == [still_open]
    assert Link.objects.filter(from_id=again.pk, kind="follows_up").count() == 1
    assert Step.objects.filter(item_id=still_open.pk, kind="carried").exists()


def test_question_answered_in_writing_on_the_kh17_clock(tree, leader, ubnd_specialist):
    question = f.make_question(tree)
    assert question.organization == tree.other_unit and question.supervised_by == tree.own
    services.question_to_writing(actor=leader, question=question, on=date(2026, 7, 8))
    clock = Deadline.objects.get(rule_id="KH-17", target_id=str(question.pk))
    assert clock.due_on == date(2026, 7, 28)  # 20 days after the sitting of 08/07/2026
    services.question_answer(
        actor=ubnd_specialist,
        question=question,
        mode="written",
        answer="Trả lời bằng văn bản số 10/SXD",
        on=date(2026, 7, 20),
    )
    clock.refresh_from_db()
    assert clock.status == "completed"
    services.question_assess(actor=leader, question=question, agrees=False, on=date(2026, 7, 25))
    question.refresh_from_db()
    assert question.status == Question.Status.DISPUTED and question.ask_again
    assert list(selectors.questions_to_ask_again(viewer=leader)) == [question]


def test_pledge_tracked_to_done(tree, leader, ubnd_specialist):
    pledge = f.make_pledge(tree)
    assert pledge.organization == tree.other_unit and pledge.due_on == date(2026, 10, 31)
    assert can(leader, "supervise", pledge)
    services.pledge_report(
        actor=ubnd_specialist, pledge=pledge, on=date(2026, 9, 1), note="Đã sửa quy trình"
    )
    services.pledge_report(
        actor=ubnd_specialist, pledge=pledge, on=date(2026, 10, 1), note="Còn 9 ngày", done=True
    )
    services.pledge_assess(actor=leader, pledge=pledge, on=date(2026, 10, 5), done=True)
    pledge.refresh_from_db()
    assert pledge.status == Pledge.Status.DONE


def test_recommendation_not_seen_outside_the_bodies(tree):
    rec = f.make_recommendation(tree, actor=system_actor())
    stranger = make_user("nguoi.ngoai")
    grant(stranger, "leader", f.make_front(tree))
    assert not can(stranger, "view", rec)
    assert not Recommendation.objects.restrict(stranger, "view").exists()


def test_the_report_clock_reminds_the_assigned_officer(tree, leader, ubnd_specialist):
    from phoihop.casework.services import item_assign
    from phoihop.deadlines.services import deadline_notify_due
    from phoihop.notifications.models import Notification

    ubnd_leader = make_user("lanh.dao.ubnd")
    grant(ubnd_leader, "leader", tree.other)
    plan = f.make_plan(tree, actor=leader)
    report = services.report_request(
        actor=leader,
        plan=plan,
        organization=tree.other_unit,
        requested_on=date(2026, 3, 2),
        due_by=date(2026, 3, 20),
    )
    item_assign(actor=ubnd_leader, item=report, assignee=ubnd_specialist)
    assert deadline_notify_due(today=date(2026, 3, 23), actor=system_actor()) == 1
    reminder = Notification.objects.filter(recipient=ubnd_specialist).latest("id")
    assert "GS-09" in reminder.body


def test_published_conclusions_are_public(tree, leader, client):
    rec = f.make_recommendation(tree, actor=leader)
    assert "Xử lý dứt điểm" not in client.get("/giam-sat/cong-khai/").content.decode()
    services.plan_publish(actor=leader, plan=rec.plan)
    page = client.get("/giam-sat/cong-khai/").content.decode()
    assert "Xử lý dứt điểm 12 công trình vi phạm" in page and "Mới ban hành" in page


def test_the_dashboard_is_kept_until_a_recommendation_changes(tree, leader, ubnd_specialist):
    from phoihop.supervision.models import Recommendation as Rec

    rec = f.make_recommendation(tree, actor=leader)
    today = date(2026, 8, 1)
    first = selectors.recommendation_dashboard(viewer=leader, today=today)
    assert ("open", "Mới ban hành", 1) in first.by_status
    # A row changed behind the services' back is not seen while the board is kept …
    Rec.objects.filter(pk=rec.pk).update(topic="Đất đai")
    assert selectors.recommendation_dashboard(viewer=leader, today=today) == first
    # … a step through the services renews it; another day is counted afresh.
    services.recommendation_accept(actor=ubnd_specialist, rec=rec, on=date(2026, 6, 20))
    board = selectors.recommendation_dashboard(viewer=leader, today=today)
    assert ("accepted", "Đã tiếp thu", 1) in board.by_status
    assert [row[0] for row in board.by_topic] == ["Đất đai"]
    assert selectors.recommendation_dashboard(viewer=leader, today=date(2027, 1, 1)).overdue == 1
