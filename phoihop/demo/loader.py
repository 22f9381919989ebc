"""Loads the fictional demo province through the platform's own services (so it is audited)."""

import hashlib
import itertools
import random
import tomllib
from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from phoihop.access.models import Grant, Role
from phoihop.access.roles import roles_sync
from phoihop.accounts.models import User
from phoihop.accounts.services import system_actor, user_create, user_totp_enroll
from phoihop.agenda.services import engagement_create
from phoihop.audit.services import audit_record
from phoihop.deadlines import engine
from phoihop.documents.services import signatory_set
from phoihop.organizations import services as org
from phoihop.organizations.models import AdminUnit, Constituency, Organization, Person

DATA = Path(__file__).with_name("data") / "province.toml"
MARKER_CODE = "hdnd"


def demo_totp_key(username: str) -> str:
    """A fixed secret per demo account (hex, 20 bytes), so the README can show it."""
    return hashlib.sha1(f"phoihop-demo:{username}".encode()).hexdigest()  # noqa: S324


def demo_is_loaded() -> bool:
    return Organization.objects.filter(code=MARKER_CODE).exists()


def _names(spec: dict):
    """Deterministic, varied Vietnamese names, women and men in turn, each given once: two
    people of the demo never share a name, so that a reader can tell who did what."""
    by_gender = []
    for gender in ("female", "male"):
        names = [
            f"{family} {middle} {given}"
            for family in spec["family"]
            for middle in spec[f"middle_{gender}"]
            for given in spec[f"given_{gender}"]
        ]
        random.Random(f"phoihop-demo-{gender}").shuffle(names)  # noqa: S311 (a fixed demo order)
        by_gender.append([(name, gender) for name in names])
    for pair in zip(*by_gender, strict=False):
        yield from pair


def _grant(actor, user: User, role: Role, organization: Organization) -> Grant:
    grant = Grant.objects.create(user=user, role=role, organization=organization)
    audit_record(
        actor=actor,
        event="grant.created",
        target=grant,
        organization=organization,
        data={"user": user.username, "role": role.code},
    )
    return grant


def demo_load(*, today: date | None = None) -> dict:
    """Create the demo province once. Returns counts; does nothing if it is already there.

    The province, its people and letters are written in one transaction; the reception
    schedules follow, each through its own (durable) service call.
    """
    if demo_is_loaded():
        return {}
    from phoihop.supervision.demo import demo_front_supervision

    spec = tomllib.loads(DATA.read_text(encoding="utf-8"))
    today = today or timezone.localdate()
    counts, organizations = _demo_province(spec, today)
    _demo_schedules(system_actor(), organizations, spec.get("schedules", []), today)
    counts["recommendations"] = _demo_supervision(system_actor(), organizations, today)
    counts |= {"front_recs": demo_front_supervision(system_actor(), organizations, today)}
    counts.update(_demo_voters(today))
    from phoihop.elections.demo import demo_by_election

    counts |= demo_by_election(today)
    from phoihop.council.demo import demo_council

    counts |= demo_council(today)
    from phoihop.council.demo_public import demo_council_public

    counts |= demo_council_public(today)
    from phoihop.lawmaking.demo import demo_lawmaking

    counts |= demo_lawmaking(today)
    from phoihop.exchange.demo import demo_exchange

    counts |= demo_exchange(today)
    return counts


@transaction.atomic
def _demo_voters(today: date) -> dict:
    from phoihop.voters.demo import demo_voters

    return demo_voters(today)


@transaction.atomic
def _demo_province(spec: dict, today: date) -> tuple[dict, dict[str, Organization]]:
    actor = system_actor()
    roles_sync(actor=actor)
    province_spec = spec["province"]
    province = org.admin_unit_create(
        actor=actor,
        code=province_spec["code"],
        name=province_spec["name"],
        level=AdminUnit.Level.PROVINCE,
        kind=AdminUnit.Kind.PROVINCE,
        valid_from=province_spec["valid_from"],
        legal_basis=province_spec["legal_basis"],
    )
    communes = {
        c["code"]: org.admin_unit_create(
            actor=actor,
            code=c["code"],
            name=c["name"],
            level=AdminUnit.Level.COMMUNE,
            kind=c["kind"],
            parent=province,
            valid_from=province_spec["valid_from"],
            remote_area=c.get("remote_area", False),
        )
        for c in province_spec["communes"]
    }
    for merger in spec["mergers"]:
        olds = [
            org.admin_unit_create(
                actor=actor,
                code=p["code"],
                name=p["name"],
                level=AdminUnit.Level.COMMUNE,
                kind=p["kind"],
                parent=province,
                valid_from=p["valid_from"],
            )
            for p in merger["predecessors"]
        ]
        org.admin_unit_merge(
            actor=actor,
            predecessors=olds,
            successor=communes[merger["successor"]],
            effective_on=merger["effective_on"],
            legal_basis=merger["legal_basis"],
        )

    organizations: dict[str, Organization] = {}
    for o in spec["organizations"]:
        organizations[o["code"]] = org.organization_create(
            actor=actor,
            code=o["code"],
            name=o["name"],
            short_name=o["short"],
            doc_abbreviation=o["abbr"],
            kind=o["kind"],
            admin_unit=communes[o["commune"]] if "commune" in o else province,
            parent=organizations[o["parent"]] if "parent" in o else None,
            valid_from=province_spec["valid_from"],
        )

    # Bodies citizens know by name, staffed by another unit (decision 0140).
    for o in spec["organizations"]:
        if "letters_office" in o:
            org.organization_update(
                actor=actor,
                organization=organizations[o["code"]],
                letters_office=organizations[o["letters_office"]],
            )

    for rule in spec.get("signatories", []):
        signatory_set(
            actor=actor,
            organization=organizations[rule["organization"]],
            form=rule["form"],
            lines=rule["lines"],
            name=rule["name"],
        )

    names = _names(spec["names"])
    roles = {r.code: r for r in Role.objects.all()}
    accounts = spec["accounts"]
    users = []
    password_hash = make_password(accounts["password"])  # one slow hash for all demo accounts
    for body, role_spec in itertools.product(accounts["bodies"], accounts["roles"]):
        if "roles" in body and role_spec["role"] not in body["roles"]:
            continue
        full_name, gender = next(names)
        person = org.person_create(actor=actor, full_name=full_name, gender=gender)
        organization = organizations[body["organization"]]
        org.membership_start(
            actor=actor,
            person=person,
            organization=organization,
            starts_on=province_spec["valid_from"],
            label=f"{role_spec['title']} — {body['label']}",
        )
        username = f"{body['prefix']}.{role_spec['suffix']}"
        user = user_create(
            actor=actor,
            username=username,
            full_name=full_name,
            email=f"{username}@hoalinh.example",
            password_hash=password_hash,
            person=person,
            is_demo=True,
        )
        user_totp_enroll(user=user, actor=actor, key=demo_totp_key(username))
        _grant(actor, user, roles[role_spec["role"]], organization)
        users.append(user)

    deputies = 0
    for term_spec in spec["terms"]:
        term = org.term_create(
            actor=actor,
            assembly=term_spec["assembly"],
            name=term_spec["name"],
            starts_on=term_spec["starts_on"],
            ends_on=term_spec["ends_on"],
        )
        for c in term_spec["constituencies"]:
            constituency = Constituency.objects.create(
                term=term, number=c["number"], name=c["name"], seats=c["seats"]
            )
            constituency.admin_units.set([communes[code] for code in c["communes"]])
            for _ in range(c["seats"]):
                full_name, gender = next(names)
                person = org.person_create(actor=actor, full_name=full_name, gender=gender)
                org.deputy_register(
                    actor=actor,
                    person=person,
                    term=term,
                    constituency=constituency,
                    organization=organizations[term_spec["organization"]],
                    starts_on=term_spec["starts_on"],
                )
                deputies += 1

    users_by_name = {u.username: u for u in users}
    for extra in spec.get("extra_grants", []):
        _grant(
            actor,
            users_by_name[extra["user"]],
            roles[extra["role"]],
            organizations[extra["organization"]],
        )
    _demo_engagements(actor, organizations, today)
    letters = _demo_letters(actor, organizations, spec.get("letters", []), today)
    counts = {
        "letters": letters,
        "admin_units": AdminUnit.objects.count(),
        "organizations": len(organizations),
        "accounts": len(users),
        "deputies": deputies,
        "persons": Person.objects.count(),
    }
    return counts, organizations


def _demo_letters(
    actor, organizations: dict[str, Organization], specs: list[dict], today: date
) -> int:
    """Letters at several stages: an overdue complaint, a forwarded and supervised
    denunciation, fresh letters awaiting triage."""
    from phoihop.casework.services import follow_up_send, item_assign
    from phoihop.letters import services as letters

    for spec in specs:
        received = today - timedelta(days=spec["received_days_ago"])
        letter = letters.letter_register(
            actor=actor,
            organization=organizations[spec["organization"]],
            channel=spec["channel"],
            received_on=received,
            content=spec["content"],
            sender=letters.Sender(**spec["sender"]),
        )
        if "assignee" in spec:
            # The officer it is given to: notified, follows it, and gets its reminders.
            item_assign(
                actor=actor, item=letter, assignee=User.objects.get(username=spec["assignee"])
            )
        if "kind" not in spec:
            continue
        letter = letters.letter_classify(
            actor=actor,
            letter=letter,
            kind=spec["kind"],
            instance=1 if spec["kind"] == "complaint" else None,
            field=spec["field"],
            level=spec["level"],
            names_violator=True,
            has_evidence=True,
        )
        if "accept_days_ago" in spec:
            letters.letter_accept(
                actor=actor, letter=letter, on=today - timedelta(days=spec["accept_days_ago"])
            )
        if "forward_to" in spec:
            forwarding = letters.letter_forward(
                actor=actor,
                letter=letter,
                to_organization=organizations[spec["forward_to"]],
                on=received + timedelta(days=1),
            )
            # The receiving body registers its own copy; the supervising body follows that one up.
            received_copy = letters.forwarding_acknowledge(
                actor=actor,
                forwarding=forwarding,
                on=received + timedelta(days=2),
            )
            follow_up_send(
                actor=actor,
                item=received_copy,
                content=spec["follow_up"],
                on=today - timedelta(days=1),
            )
    return len(specs)


def _demo_schedules(
    actor, organizations: dict[str, Organization], specs: list[dict], today: date
) -> None:
    """Published periodic reception days, 8:00–11:00, valid from the start of this year."""
    from phoihop.reception.services import schedule_create

    for spec in specs:
        schedule_create(
            actor=actor,
            organization=organizations[spec["organization"]],
            official_title=spec["official_title"],
            basis=spec["basis"],
            recurrence=spec["recurrence"],
            day_of_month=spec.get("day_of_month"),
            weekday=spec.get("weekday"),
            starts_at=time(8),
            ends_at=time(11),
            location=spec["location"],
            valid_from=date(today.year, 1, 1),
        )


def _demo_engagements(actor, organizations: dict[str, Organization], today: date) -> None:
    tz = timezone.get_current_timezone()

    def at(days: int, hour: int) -> datetime:
        # Meetings fall on working days: the first working day on or after the planned one.
        day = today + timedelta(days=days)
        if not engine.is_working_day(day):
            day = engine.next_working_day(day)
        return datetime.combine(day, time(hour), tz)

    plan = [
        (
            "tt-hdnd",
            "briefing",
            "Giao ban quý giữa Thường trực HĐND, UBND, UBMTTQ và Đoàn ĐBQH",
            2,
            8,
            "Phòng họp số 1, trụ sở HĐND tỉnh",
            ["ubnd", "btt-mttq", "doan-dbqh"],
        ),
        (
            "ban-tcd",
            "reception",
            "Chủ tịch UBND tỉnh tiếp công dân định kỳ",
            5,
            8,
            "Trụ sở Tiếp công dân tỉnh",
            ["vp-doan-hdnd"],
        ),
        (
            "doan-dbqh",
            "voter_meeting",
            "Đoàn ĐBQH tiếp xúc cử tri xã Suối Đá",
            9,
            14,
            "Hội trường UBND xã Suối Đá",
            ["btt-mttq"],
        ),
        (
            "tt-hdnd",
            "supervision",
            "Giám sát việc giải quyết đơn tại Sở Nông nghiệp và Môi trường",
            12,
            8,
            "Sở Nông nghiệp và Môi trường",
            ["ban-phap-che"],
        ),
    ]
    for owner, kind, title, days, hour, location, partners in plan:
        engagement_create(
            actor=actor,
            organization=organizations[owner],
            kind=kind,
            title=title,
            starts_at=at(days, hour),
            ends_at=at(days, hour + 3),
            location=location,
            partners=[organizations[p] for p in partners],
        )


@transaction.atomic
def _demo_supervision(actor, organizations: dict[str, Organization], today: date) -> int:
    """A joint supervision of construction order by the council's standing committee, with the
    delegation and the Front in the team: a late report, a visit with minutes, four
    recommendations at different stages (one overdue); a questioning session with two pledges,
    one overdue."""
    from phoihop.supervision import services as sv

    def ago(days: int) -> date:
        return today - timedelta(days=days)

    council, xd, nnmt = organizations["tt-hdnd"], organizations["so-xd"], organizations["so-nnmt"]
    programme = sv.programme_create(
        actor=actor,
        organization=council,
        kind="council",
        year=today.year,
        title=f"Chương trình giám sát năm {today.year} của HĐND tỉnh",
        resolution="25/NQ-HĐND",
        adopted_on=date(today.year - 1, 12, 10),
        topics=[
            sv.TopicInput("Việc quản lý trật tự xây dựng và đất công", council, "Quý II–III"),
            sv.TopicInput(
                "Việc giải quyết kiến nghị cử tri", organizations["ban-phap-che"], "Quý IV"
            ),
        ],
    )
    plan = sv.plan_create(
        actor=actor,
        organization=council,
        title="Giám sát việc quản lý trật tự xây dựng và đất công",
        scope="Cấp phép xây dựng, xử lý vi phạm, quản lý đất công giai đoạn 2024–2026",
        starts_on=ago(150),
        ends_on=ago(70),
        bodies=[xd, nnmt],
        topic=programme.topics.first(),
        members=[
            sv.MemberInput("Trần Minh Đức", council, "head", "Phó Chủ tịch HĐND tỉnh"),
            sv.MemberInput("Lê Thu Hà", organizations["doan-dbqh"], "member", "Đại biểu Quốc hội"),
            sv.MemberInput(
                "Phạm Văn Sơn", organizations["btt-mttq"], "invited", "Phó Chủ tịch UBMTTQ"
            ),
            sv.MemberInput(
                "Nguyễn Thị Lan", organizations["vp-doan-hdnd"], "secretariat", "Chuyên viên"
            ),
        ],
    )
    report = sv.report_request(
        actor=actor, plan=plan, organization=xd, requested_on=ago(140), due_by=ago(120)
    )
    sv.report_receive(
        actor=actor, report=report, received_on=ago(115), summary="Báo cáo số 88/BC-SXD"
    )
    sv.report_request(
        actor=actor, plan=plan, organization=nnmt, requested_on=ago(140), due_by=ago(121)
    )
    sv.visit_record(
        actor=actor,
        plan=plan,
        organization=xd,
        held_on=ago(100),
        location="Sở Xây dựng",
        attendees="Đoàn giám sát; Giám đốc, Phó Giám đốc Sở Xây dựng; Thanh tra Sở",
        findings=(
            "Còn 12 công trình vi phạm chưa xử lý dứt điểm; quy trình cấp phép chưa công khai."
        ),
        documents_received="Báo cáo số 88/BC-SXD; danh sách công trình vi phạm",
    )
    sv.plan_conclude(
        actor=actor,
        plan=plan,
        issued_on=ago(80),
        findings=(
            "Công tác cấp phép có tiến bộ; xử lý vi phạm còn chậm; đất công chưa được rà soát hết."
        ),
        conclusions="Đề nghị UBND tỉnh chỉ đạo các sở khắc phục các hạn chế đã nêu.",
        recommendations=[
            sv.RecommendationInput(
                xd, "Xử lý dứt điểm 12 công trình vi phạm trật tự xây dựng", ago(10), "Xây dựng"
            ),
            sv.RecommendationInput(
                xd, "Công khai quy trình, thời gian cấp phép xây dựng", ago(-60), "Xây dựng"
            ),
            sv.RecommendationInput(
                nnmt, "Rà soát, lập danh mục đất công chưa sử dụng", ago(-30), "Đất đai"
            ),
            sv.RecommendationInput(nnmt, "Báo cáo danh mục dự án chậm tiến độ", ago(40), "Đất đai"),
        ],
        signer_title="PHÓ CHỦ TỊCH",
        signer_name="Trần Minh Đức",
    )
    _overdue, remedying, reported, closed = plan.recommendations.order_by("id")
    sv.recommendation_accept(actor=actor, rec=remedying, on=ago(75))
    sv.recommendation_progress(
        actor=actor, rec=remedying, on=ago(20), note="Đã dự thảo quy trình, lấy ý kiến"
    )
    sv.recommendation_report_done(
        actor=actor,
        rec=reported,
        on=ago(5),
        note="Đã rà soát",
        evidence="Quyết định số 1520/QĐ-UBND",
    )
    sv.recommendation_report_done(
        actor=actor, rec=closed, on=ago(45), note="Đã báo cáo", evidence="Báo cáo số 77/BC-SNNMT"
    )
    sv.recommendation_verify(actor=actor, rec=closed, on=ago(42), result="done")
    sv.recommendation_close(actor=actor, rec=closed, on=ago(42))

    sitting = sv.sitting_create(
        actor=actor,
        organization=council,
        kind="session",
        title="Kỳ họp thường lệ giữa năm",
        held_on=ago(60),
    )
    question = sv.question_register(
        actor=actor,
        sitting=sitting,
        organization=xd,
        deputy="Đại biểu Võ Thị Mai",
        official="Giám đốc Sở Xây dựng",
        content="Vì sao thời gian cấp phép xây dựng nhà ở riêng lẻ còn kéo dài?",
        registered_on=ago(65),
    )
    sv.question_answer(
        actor=actor,
        question=question,
        mode="oral",
        answer="Sở sẽ rút ngắn thời gian và số hóa hồ sơ cấp phép.",
        on=ago(60),
        pledges=[
            sv.PledgeInput("Rút thời gian cấp phép xuống 10 ngày", ago(5)),
            sv.PledgeInput("Tiếp nhận 100% hồ sơ cấp phép trực tuyến", ago(-45)),
        ],
    )
    _late, running = question.pledges.order_by("id")
    sv.pledge_report(actor=actor, pledge=running, on=ago(10), note="Đạt 70% hồ sơ trực tuyến")
    unreached = sv.question_register(
        actor=actor,
        sitting=sitting,
        organization=nnmt,
        deputy="Đại biểu Hồ Văn Tâm",
        official="Giám đốc Sở Nông nghiệp và Môi trường",
        content="Kết quả rà soát đất công tại các xã sau sáp nhập?",
        registered_on=ago(65),
    )
    sv.question_to_writing(actor=actor, question=unreached, on=ago(60))
    return plan.recommendations.count()
