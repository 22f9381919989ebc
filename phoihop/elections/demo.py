"""Demo data of the elections area: a by-election of the provincial council in one constituency,
from its timetable to its published results (loaded by ``phoihop demo load``)."""

from datetime import date, timedelta

from phoihop.accounts.models import User
from phoihop.accounts.services import system_actor
from phoihop.elections import services
from phoihop.elections.models import Candidate
from phoihop.organizations.models import Constituency, Organization
from phoihop.organizations.services import person_create

CANDIDATES = (
    ("Võ Thị Thanh Hương", "female", date(1979, 8, 12), "Hội Liên hiệp Phụ nữ tỉnh"),
    ("Đặng Minh Quân", "male", date(1972, 2, 3), "Sở Nông nghiệp và Môi trường"),
    ("Lý Văn Tài", "male", date(1984, 11, 20), ""),
)
# voters on the list, voted, invalid, votes (in candidate order) per polling area
AREAS = (
    ("Khu vực bỏ phiếu số 1 — Nhà văn hóa thôn Suối Đá", 1240, 1098, 21, (612, 401, 64)),
    ("Khu vực bỏ phiếu số 2 — Trường tiểu học Lam Giang", 1515, 1344, 30, (701, 548, 65)),
    ("Khu vực bỏ phiếu số 3 — Nhà văn hóa ấp Cát Lâm", 980, 861, 12, (430, 371, 48)),
)


def _last_sunday_before(day: date, *, at_least_days: int) -> date:
    day = day - timedelta(days=at_least_days)
    return day - timedelta(days=(day.weekday() + 1) % 7)


def demo_by_election(today: date) -> dict:
    actor = system_actor()
    council = Organization.objects.get(code="tt-hdnd")  # Thường trực HĐND tỉnh
    leader = User.objects.get(username="hdnd.lanhdao")
    clerk = User.objects.get(username="hdnd.vanthu")
    specialist = User.objects.get(username="hdnd.chuyenvien")
    constituency = Constituency.objects.get(term__assembly="provincial_council", number=2)
    day = _last_sunday_before(today, at_least_days=14)
    election = services.election_create(
        actor=actor,
        organization=council,
        name=f"Bầu cử bổ sung đại biểu HĐND tỉnh tại {constituency.name.split(' (')[0]}",
        kind="by_election",
        election_day=day,
        terms=[constituency.term],
        owner=leader,
    )
    services.election_body_create(
        actor=actor,
        election=election,
        kind="board",
        name=f"Ban bầu cử {constituency.name.split(' (')[0].lower()}",
        established_on=day - timedelta(days=70),
    )
    contest = services.contest_create(
        actor=actor, election=election, constituency=constituency, seats=1
    )
    for number, (name, voters, *_rest) in enumerate(AREAS, start=1):
        area = services.polling_area_create(
            actor=actor, contest=contest, number=number, name=name, voters_on_list=voters
        )
        services.voter_list_post(
            actor=actor, area=area, posted_on=day - timedelta(days=42), voters=voters
        )
    candidates = []
    for full_name, gender, born, nominated_by in CANDIDATES:
        person = person_create(actor=actor, full_name=full_name, gender=gender, birth_date=born)
        candidates.append(
            services.candidate_nominate(
                actor=actor,
                contest=contest,
                person=person,
                dossier_filed_on=day - timedelta(days=45),
                nominated_by=nominated_by,
                self_nominated=not nominated_by,
            )
        )
    services.consultation_record(
        actor=actor,
        election=election,
        number=1,
        held_on=day - timedelta(days=95),
        minutes="Thỏa thuận cơ cấu, thành phần.",
    )
    services.consultation_record(
        actor=actor,
        election=election,
        number=2,
        held_on=day - timedelta(days=40),
        minutes="Lập danh sách sơ bộ 3 người ứng cử.",
        candidates=candidates,
    )
    for candidate, (invited, attendees, votes_for) in zip(
        candidates, ((96, 71, 69), (140, 88, 80), (85, 52, 47)), strict=True
    ):
        services.voter_conference_record(
            actor=actor,
            candidate=candidate,
            held_on=day - timedelta(days=35),
            voters_invited=invited,
            attendees=attendees,
            votes_for=votes_for,
            method="hands",
        )
    services.consultation_record(
        actor=actor,
        election=election,
        number=3,
        held_on=day - timedelta(days=23),
        minutes="Lập danh sách chính thức 3 người ứng cử cho 1 ghế.",
        candidates=candidates,
    )
    for area in contest.areas.all():
        services.ballots_deliver(actor=actor, area=area, delivered_on=day - timedelta(days=14))
    ordered = list(contest.candidates.filter(stage=Candidate.Stage.OFFICIAL).order_by("id"))
    for number, (_name, voters, voted, invalid, votes) in enumerate(AREAS, start=1):
        area = contest.areas.get(number=number)
        figures = {
            "voters_on_list": voters,
            "voted": voted,
            "ballots_issued": voted,
            "ballots_collected": voted,
            "valid": voted - invalid,
            "invalid": invalid,
            "votes": {str(c.pk): v for c, v in zip(ordered, votes, strict=True)},
        }
        services.protocol_enter(actor=clerk, area=area, numbers=figures)
        if number == 2:  # a typing slip in the second entry: held, then checked by the leader
            slipped = figures | {"votes": figures["votes"] | {str(ordered[1].pk): 584}}
            protocol = services.protocol_enter(actor=specialist, area=area, numbers=slipped)
            services.protocol_resolve(actor=leader, protocol=protocol, numbers=figures)
        else:
            services.protocol_enter(actor=specialist, area=area, numbers=figures)
    services.contest_tabulate(actor=leader, contest=contest)
    services.election_publish(actor=leader, election=election)
    return {"elections": 1}
