"""Test data for supervision: a joint plan of the council over the People's Committee's
department, with a Front member, and its recommendations."""

from datetime import date

from phoihop.accounts.services import system_actor
from phoihop.organizations import services as org_services
from phoihop.supervision import services
from phoihop.supervision.models import Plan, Sitting, TeamMember

START = date(2026, 3, 2)


def make_front(tree):
    return org_services.organization_create(
        actor=system_actor(),
        code="mttq",
        name="Ủy ban MTTQ tỉnh",
        short_name="UBMTTQ tỉnh",
        doc_abbreviation="MTTQ",
        kind="front",
        admin_unit=tree.province,
        valid_from=date(2025, 7, 1),
    )


def make_plan(
    tree, *, actor=None, organization=None, body=None, previous=None, key="", kind=None
) -> Plan:
    organization = organization or tree.own
    body = body or tree.other_unit
    return services.plan_create(
        actor=actor or system_actor(),
        organization=organization,
        **({"kind": kind} if kind else {}),
        title="Giám sát việc quản lý trật tự xây dựng",
        scope="Việc cấp phép, kiểm tra và xử lý vi phạm trật tự xây dựng 2024–2025",
        starts_on=START,
        ends_on=date(2026, 5, 29),
        bodies=[body],
        members=[
            services.MemberInput("Nguyễn Văn A", organization, TeamMember.Role.HEAD),
            services.MemberInput("Trần Thị B", organization, TeamMember.Role.SECRETARIAT),
        ],
        previous=previous,
        idempotency_key=key,
    )


def make_recommendation(tree, *, actor=None, plan=None, due_by=date(2026, 9, 30)):
    actor = actor or system_actor()
    plan = plan or make_plan(tree, actor=actor)
    services.plan_conclude(
        actor=actor,
        plan=plan,
        issued_on=date(2026, 6, 15),
        findings="Còn 12 công trình vi phạm chưa xử lý dứt điểm.",
        conclusions="Việc xử lý vi phạm còn chậm.",
        recommendations=[
            services.RecommendationInput(
                plan.bodies.first().organization, "Xử lý dứt điểm 12 công trình vi phạm", due_by
            )
        ],
    )
    return plan.recommendations.get()


def make_concluded_plan(tree, *, actor) -> Plan:
    """A plan concluded on 15/06/2026 with three recommendations: two on construction to the
    other body's unit (due 01/07 and 01/12/2026), one on land to the other body (01/12/2026)."""
    plan = make_plan(tree, actor=actor)
    services.plan_conclude(
        actor=actor,
        plan=plan,
        issued_on=date(2026, 6, 15),
        findings="x",
        conclusions="y",
        recommendations=[
            services.RecommendationInput(tree.other_unit, "A", date(2026, 7, 1), topic="Xây dựng"),
            services.RecommendationInput(tree.other_unit, "B", date(2026, 12, 1), topic="Xây dựng"),
            services.RecommendationInput(tree.other, "C", date(2026, 12, 1), topic="Đất đai"),
        ],
    )
    return plan


def make_sitting(tree, *, organization=None) -> Sitting:
    return services.sitting_create(
        actor=system_actor(),
        organization=organization or tree.own,
        kind=Sitting.Kind.SESSION,
        title="Kỳ họp thứ 3",
        held_on=date(2026, 7, 8),
    )


def make_question(tree, *, sitting=None, organization=None):
    sitting = sitting or make_sitting(tree)
    return services.question_register(
        actor=system_actor(),
        sitting=sitting,
        organization=organization or tree.other_unit,
        deputy="Đại biểu Lê Văn C",
        official="Giám đốc Sở Xây dựng",
        content="Vì sao việc cấp phép xây dựng còn chậm?",
        registered_on=date(2026, 7, 1),
    )


def make_pledge(tree, *, question=None, due_by=date(2026, 10, 31)):
    question = question or make_question(tree)
    services.question_answer(
        actor=system_actor(),
        question=question,
        mode="oral",
        answer="Sở sẽ rút ngắn thời gian cấp phép.",
        on=question.sitting.held_on,
        pledges=[services.PledgeInput("Rút thời gian cấp phép xuống 10 ngày", due_by)],
    )
    return question.pledges.get()
