"""The Front's social supervision (RULEBOOK §6 GS-07, LP-12; decision 0201): its own plan
forms, its recommendations sent in a letter and answered in writing on the GS-10 clock."""

from datetime import date

import pytest
from django.urls import reverse

from phoihop.deadlines.models import Deadline
from phoihop.documents.models import Document
from phoihop.supervision import services
from phoihop.supervision.errors import SupervisionInputError, SupervisionStateError
from phoihop.supervision.models import Plan, Recommendation
from phoihop.supervision.tests import factories as f
from phoihop.testing import grant, make_user, signed_in_client


@pytest.fixture
def front(tree):
    return f.make_front(tree)


@pytest.fixture
def front_leader(front):
    user = make_user("lanh.dao.mttq")
    grant(user, "leader", front)
    return user


@pytest.fixture
def body_leader(tree):
    user = make_user("lanh.dao.so")
    grant(user, "leader", tree.other)
    return user


def _front_plan(tree, front, actor, kind=Plan.Kind.FRONT_TEAM, bodies=None) -> Plan:
    return services.plan_create(
        actor=actor,
        organization=front,
        kind=kind,
        title="Giám sát việc bồi thường, hỗ trợ tái định cư",
        scope="Việc chi trả bồi thường dự án đường ĐT-816",
        starts_on=f.START,
        ends_on=date(2026, 5, 29),
        bodies=bodies or [tree.other_unit],
    )


def _conclude(plan, actor) -> Recommendation:
    services.plan_conclude(
        actor=actor,
        plan=plan,
        issued_on=date(2026, 6, 15),
        findings="Còn 14 hộ chưa nhận tiền bồi thường.",
        conclusions="Việc chi trả còn chậm.",
        recommendations=[
            services.RecommendationInput(
                plan.bodies.first().organization,
                "Chi trả dứt điểm cho 14 hộ",
                date(2026, 10, 30),
                "Đất đai",
            )
        ],
    )
    return plan.recommendations.get()


def test_the_front_forms_are_the_fronts_and_the_front_plans_in_them(
    tree, front, front_leader, leader
):
    with pytest.raises(SupervisionInputError) as refused:
        _front_plan(tree, tree.own, leader)
    assert "MTTQ" in refused.value.message
    with pytest.raises(SupervisionInputError):
        _front_plan(tree, front, front_leader, kind=Plan.Kind.THEMATIC)
    assert not Plan.objects.exists()
    plan = _front_plan(tree, front, front_leader, kind=Plan.Kind.FRONT_DOCUMENTS)
    assert plan.is_front and plan.get_kind_display().startswith("MTTQ")


def test_front_recommendation_waits_for_the_reply_on_its_own_clock(
    tree, front, front_leader, body_leader
):
    rec = _conclude(_front_plan(tree, front, front_leader), front_leader)
    notice = Plan.objects.get(pk=rec.plan_id).notice_document
    assert notice.doc_type == Document.Type.OFFICIAL_LETTER
    # The letter names whom it is sent to; "Như trên" in "Nơi nhận" stands for them.
    body = rec.organization.name
    assert notice.body["paragraphs"][0] == f"Kính gửi: {body}."
    assert notice.recipients == ["Như trên"]
    # A công văn's summary runs on from "V/v" in lower case.
    assert notice.title.startswith("kiến nghị sau giám sát ")
    clocks = dict(
        Deadline.objects.filter(target_id=str(rec.pk), status="running").values_list(
            "rule_id", "due_on"
        )
    )
    # GS-10 runs 60 calendar days from the letter (15/06 → 14/08/2026, a Friday); the date
    # to carry it out keeps its own GS-09 clock.
    assert clocks == {"GS-10": date(2026, 8, 14), "GS-09": date(2026, 10, 30)}
    rec.refresh_from_db()
    assert rec.due_on == date(2026, 8, 14)

    with pytest.raises(SupervisionInputError):
        services.recommendation_reply(
            actor=body_leader, rec=rec, on=date(2026, 7, 1), replied_by="", reply="x", taken_up=""
        )
    rec = services.recommendation_reply(
        actor=body_leader,
        rec=rec,
        on=date(2026, 7, 1),
        replied_by="Nguyễn Văn C, Giám đốc Sở",
        reply="Sở tiếp thu, sẽ chi trả trong quý III.",
        taken_up=Recommendation.TakenUp.PARTLY,
    )
    assert rec.status == "accepted" and rec.replied_by.startswith("Nguyễn Văn C")
    running = Deadline.objects.filter(target_id=str(rec.pk), status="running")
    assert list(running.values_list("rule_id", flat=True)) == ["GS-09"]
    rec.refresh_from_db()
    assert rec.due_on == date(2026, 10, 30)
    with pytest.raises(SupervisionStateError):
        services.recommendation_reply(
            actor=body_leader,
            rec=rec,
            on=date(2026, 7, 2),
            replied_by="X",
            reply="Lần hai",
            taken_up=Recommendation.TakenUp.FULL,
        )


def test_only_the_fronts_recommendations_wait_for_a_reply(tree, leader, body_leader):
    rec = f.make_recommendation(tree, actor=leader)
    assert not Deadline.objects.filter(target_id=str(rec.pk), rule_id="GS-10").exists()
    with pytest.raises(SupervisionStateError):
        services.recommendation_reply(
            actor=body_leader,
            rec=rec,
            on=date(2026, 7, 1),
            replied_by="Y",
            reply="Trả lời",
            taken_up=Recommendation.TakenUp.FULL,
        )


def test_a_letter_to_several_bodies_puts_each_on_its_own_line(tree, front, front_leader):
    import io

    from docx import Document as Docx

    from phoihop.documents.services import document_docx

    plan = _front_plan(tree, front, front_leader, bodies=[tree.other_unit, tree.other])
    _conclude(plan, front_leader)
    plan.refresh_from_db()
    docx = Docx(io.BytesIO(document_docx(plan.notice_document)))
    [block] = [p.text for p in docx.paragraphs if p.text.startswith("Kính gửi:")]
    head, lines = block.split("\t", 1)
    first, last = lines.split("\n")
    assert head == "Kính gửi:" and first.startswith("- ") and last.startswith("- ")
    assert first.endswith(";") and last.endswith(".")
    assert {first[2:-1], last[2:-1]} == {tree.other_unit.name, tree.other.name}
    # The preview lays them out the same way.
    page = signed_in_client(front_leader).get(
        reverse("documents:detail", args=[plan.notice_document.public_id])
    )
    assert f"<span>{first}<br>{last}</span>" in page.content.decode()
