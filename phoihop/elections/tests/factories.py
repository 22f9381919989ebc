"""An election to test against: a by-election of the provincial council in one constituency."""

from datetime import date

from phoihop.accounts.services import system_actor
from phoihop.elections import services
from phoihop.elections.models import Candidate
from phoihop.organizations.models import Constituency, Term
from phoihop.organizations.services import person_create

ELECTION_DAY = date(2027, 5, 23)  # a Sunday
PEOPLE = (
    ("Nguyễn Văn An", "male", date(1970, 5, 1)),
    ("Trần Thị Bình", "female", date(1980, 1, 1)),
    ("Lê Thị Cúc", "female", date(1975, 3, 3)),
)


def term() -> Term:
    found = Term.objects.filter(assembly="provincial_council", starts_on=date(2026, 3, 15)).first()
    return found or Term.objects.create(
        assembly="provincial_council",
        name="HĐND tỉnh khóa XI",
        starts_on=date(2026, 3, 15),
        ends_on=date(2031, 3, 14),
    )


def constituency(number: int = 1, seats: int = 3) -> Constituency:
    found = Constituency.objects.filter(term=term(), number=number).first()
    return found or Constituency.objects.create(
        term=term(), number=number, name=f"Đơn vị bầu cử số {number}", seats=seats
    )


def by_election(organization, *, actor=None, owner=None):
    actor = actor or system_actor()
    return services.election_create(
        actor=actor,
        organization=organization,
        name="Bầu cử bổ sung đại biểu HĐND tỉnh",
        kind="by_election",
        election_day=ELECTION_DAY,
        terms=[term()],
        owner=owner,
    )


def contest(organization, *, seats: int = 2, areas=(("Thôn Đông", 1000), ("Thôn Tây", 800))):
    """A by-election contest for *seats* seats with two polling areas and no candidates yet."""
    actor = system_actor()
    election = by_election(organization)
    contest = services.contest_create(
        actor=actor, election=election, constituency=constituency(seats=3), seats=seats
    )
    for number, (name, voters) in enumerate(areas, start=1):
        services.polling_area_create(
            actor=actor, contest=contest, number=number, name=name, voters_on_list=voters
        )
    return contest


def nominate(contest, people=PEOPLE):
    actor = system_actor()
    out = []
    for name, gender, born in people:
        person = person_create(actor=actor, full_name=name, gender=gender, birth_date=born)
        out.append(
            services.candidate_nominate(
                actor=actor,
                contest=contest,
                person=person,
                dossier_filed_on=date(2027, 4, 1),
                nominated_by="Ủy ban MTTQ Việt Nam tỉnh",
            )
        )
    return out


def official_contest(organization, **kwargs):
    """A contest whose three candidates are on the official list (test shortcut past HT2/HT3)."""
    c = contest(organization, **kwargs)
    for candidate in nominate(c):
        candidate.stage = Candidate.Stage.OFFICIAL
        candidate.save(update_fields=["stage"])
    return c


def numbers(contest, voters, voted, invalid, votes):
    """Protocol numbers with votes given in candidate order."""
    candidates = list(contest.candidates.order_by("id"))
    return {
        "voters_on_list": voters,
        "voted": voted,
        "ballots_issued": voted,
        "ballots_collected": voted,
        "valid": voted - invalid,
        "invalid": invalid,
        "votes": {str(c.pk): v for c, v in zip(candidates, votes, strict=True)},
    }
