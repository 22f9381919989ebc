"""Test data for the council area: a council of N deputies, a session planned on the test
province's working rules (documents 10 days, convening 20 days before the opening), an item
of the People's Committee with its dossier, a submission between sessions, a briefing."""

from datetime import date, timedelta

from phoihop.accounts.services import system_actor
from phoihop.council import services
from phoihop.council.models import AgendaItem, Paper, Session, Submission
from phoihop.organizations import services as org_services
from phoihop.organizations.models import Constituency, Deputy, Term

OPENS = date(2026, 12, 8)  # RULEBOOK W2: convene by 18/11, documents by 27/11 (N = 10)


def make_deputies(council, n: int = 9, *, starts_on=date(2026, 4, 1)) -> list[Deputy]:
    actor = system_actor()
    term = Term.objects.filter(assembly="provincial_council").first() or org_services.term_create(
        actor=actor,
        assembly="provincial_council",
        name="Khóa XI",
        starts_on=date(2026, 3, 15),
        ends_on=date(2031, 3, 14),
    )
    constituency = Constituency.objects.filter(term=term).first() or Constituency.objects.create(
        term=term, number=1, name="Đơn vị số 1", seats=200
    )
    start = Deputy.objects.filter(organization=council).count()
    return [
        org_services.deputy_register(
            actor=actor,
            person=org_services.person_create(actor=actor, full_name=f"Đại biểu {start + i:03d}"),
            term=term,
            constituency=constituency,
            organization=council,
            starts_on=starts_on,
        )
        for i in range(1, n + 1)
    ]


def make_session(tree, *, actor=None, kind="regular", opens_on=OPENS, key="", **extra) -> Session:
    defaults = (
        {"requested_by": "plan"} if kind in ("regular", "first") else {"requested_by": "standing"}
    )
    return services.session_plan(
        actor=actor or system_actor(),
        organization=tree.own,
        number=extra.pop("number", 5),
        kind=kind,
        title=extra.pop("title", "Kỳ họp thứ năm HĐND tỉnh khóa XI"),
        opens_on=opens_on,
        closes_on=extra.pop("closes_on", opens_on + timedelta(days=2)),
        location="Hội trường HĐND tỉnh",
        idempotency_key=key,
        **{**defaults, **extra},
    )


def make_item(tree, *, session=None, actor=None, kind="resolution", organization=None, title=""):
    session = session or make_session(tree)
    return services.agenda_add(
        actor=actor or system_actor(),
        session=session,
        organization=organization or tree.other,
        title=title or "Nghị quyết quy định mức hỗ trợ đất trồng lúa",
        kind=kind,
        examined_by=tree.own_unit,
        normative=True,
    )


def file_dossier(item: AgendaItem, *, on: date, actor=None, examine=True) -> AgendaItem:
    actor = actor or system_actor()
    for kind in ("to_trinh", "draft"):
        services.paper_add(
            actor=actor,
            agenda_item=item,
            kind=kind,
            title=f"{Paper.Kind(kind).label} {item.title}",
            received_on=on,
        )
    if examine:
        services.paper_add(
            actor=actor,
            agenda_item=item,
            kind="examination",
            title="Báo cáo thẩm tra của Ban Pháp chế",
            received_on=on,
        )
    item.refresh_from_db()
    return item


def convened(tree, *, deputies=9, actor=None) -> Session:
    make_deputies(tree.own, deputies)
    session = make_session(tree, actor=actor)
    return services.session_convene(
        actor=actor or system_actor(), session=session, on=date(2026, 11, 16)
    )


def make_resolution(tree, *, actor=None):
    actor = actor or system_actor()
    session = convened(tree, actor=actor)
    item = file_dossier(
        make_item(tree, session=session, actor=actor), on=date(2026, 11, 25), actor=actor
    )
    services.vote_record(
        actor=actor, item=item, held_on=OPENS, method="in_person", yes=7, no=1, abstain=1
    )
    return item.resolution


def make_submission(
    tree, *, actor=None, papers=True, matter="urgent", organization=None
) -> Submission:
    actor = actor or system_actor()
    submission = services.submission_receive(
        actor=actor,
        organization=organization or tree.other,
        council=tree.own,
        matter=matter,
        title="Hỗ trợ khắc phục hậu quả bão số 13",
        received_on=date(2027, 1, 11),
        summary="Chi 12 tỷ đồng từ dự phòng ngân sách tỉnh.",
    )
    if papers:
        for kind in ("to_trinh", "draft"):
            services.paper_add(
                actor=actor,
                submission=submission,
                kind=kind,
                title=str(Paper.Kind(kind).label),
                received_on=date(2027, 1, 11),
            )
    return submission


def open_consultation(submission: Submission, *, actor, question: str = "Đồng ý chi 12 tỷ đồng?"):
    """The deputies consulted in writing on *submission*, from 12 to 15 January 2027."""
    return services.consultation_open(
        actor=actor,
        submission=submission,
        opened_on=date(2027, 1, 12),
        closes_on=date(2027, 1, 15),
        question=question,
    )
