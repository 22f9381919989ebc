"""Every clock of an election's timetable stops at the step that fulfils it (decision 0256)."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from phoihop.accounts.services import system_actor
from phoihop.audit.models import AuditEvent
from phoihop.core.errors import ApplicationError
from phoihop.deadlines.selectors import deadline_item_list
from phoihop.elections import services
from phoihop.elections.tests import factories
from phoihop.testing import grant, make_user, signed_in_client

pytestmark = pytest.mark.django_db
DAY = factories.ELECTION_DAY


def _clock(election, rule_id):
    return deadline_item_list(target=election).get(rule_id=rule_id)


def _running(election, rule_id) -> bool:
    return _clock(election, rule_id).status == "running"


def _clerks(tree):
    first, second = make_user("nhap.mot"), make_user("nhap.hai")
    grant(first, "clerk", tree.own)
    grant(second, "clerk", tree.own)
    return first, second


def _figures(contest):
    return (
        factories.numbers(contest, 1000, 900, 20, [700, 500, 480]),
        factories.numbers(contest, 800, 700, 0, [600, 300, 320]),
    )


def _first_conference(actor, election) -> None:
    services.consultation_record(
        actor=actor, election=election, number=1, held_on=date(2027, 2, 10), minutes="HT1"
    )


def _second_conference(actor, election, candidates) -> None:
    services.consultation_record(
        actor=actor,
        election=election,
        number=2,
        held_on=date(2027, 4, 18),
        minutes="HT2",
        candidates=candidates,
    )


def test_bc09_dossier_filing_stops_at_the_second_conference_on_the_last_dossier(tree):
    actor = system_actor()
    contest = factories.contest(tree.own)
    election = contest.election
    candidates = factories.nominate(contest)  # dossiers filed on 1 April 2027
    _first_conference(actor, election)
    assert _running(election, "BC-09")
    _second_conference(actor, election, candidates)
    clock = _clock(election, "BC-09")
    assert clock.status == "completed" and clock.completed_on == date(2027, 4, 1)
    assert clock.completed_on <= clock.due_on


def test_bc11_voter_list_stops_when_every_polling_area_has_posted(tree, leader):
    contest = factories.contest(tree.own)
    election = contest.election
    east, west = contest.areas.order_by("number")
    services.voter_list_post(actor=leader, area=east, posted_on=date(2027, 4, 5), voters=1000)
    assert _running(election, "BC-11")
    services.voter_list_post(actor=leader, area=west, posted_on=date(2027, 4, 10), voters=800)
    clock = _clock(election, "BC-11")
    assert clock.status == "completed" and clock.completed_on == date(2027, 4, 10)


def test_voting_begun_stops_bc12_and_bc14b(tree):
    contest = factories.official_contest(tree.own)
    election = contest.election
    first, _second = _clerks(tree)
    east = contest.areas.get(number=1)
    assert _running(election, "BC-12") and _running(election, "BC-14b")
    services.protocol_enter(actor=first, area=east, numbers=_figures(contest)[0])
    for rule_id in ("BC-12", "BC-14b"):  # windows: closed on their own due date, not late
        clock = _clock(election, rule_id)
        assert clock.completed_on == min(clock.due_on, timezone.localdate())
        assert clock.completed_on <= clock.due_on
    assert _running(election, "BC-14")  # no ballots recorded as delivered


def test_bc14_stops_when_every_polling_team_has_its_ballots(tree, leader):
    contest = factories.contest(tree.own)
    election = contest.election
    east, west = contest.areas.order_by("number")
    with pytest.raises(ApplicationError, match="sau ngày bầu cử"):
        services.ballots_deliver(actor=leader, area=east, delivered_on=date(2027, 5, 24))
    services.ballots_deliver(actor=leader, area=east, delivered_on=date(2027, 5, 8))
    with pytest.raises(ApplicationError, match="Đã ghi nhận"):
        services.ballots_deliver(actor=leader, area=east, delivered_on=date(2027, 5, 9))
    assert _running(election, "BC-14")
    services.ballots_deliver(actor=leader, area=west, delivered_on=date(2027, 5, 10))
    clock = _clock(election, "BC-14")
    assert clock.status == "completed" and clock.completed_on == date(2027, 5, 10)
    assert clock.completed_on == clock.due_on  # 13 days before: on time
    east.refresh_from_db()
    assert east.ballots_delivered_on == date(2027, 5, 8)
    assert AuditEvent.objects.filter(event="election.ballots_delivered").count() == 2


def test_ballots_delivered_from_the_contest_page(tree, leader):
    contest = factories.contest(tree.own)
    client = signed_in_client(leader)
    url = reverse("elections:ballots_deliver", kwargs={"public_id": contest.public_id})
    page = client.get(contest.get_absolute_url())
    assert url in page.content.decode() and "chưa giao" in page.content.decode()
    client.post(url, {"number": 1, "delivered_on": "08/05/2027"})
    client.post(url, {"number": 1, "delivered_on": "08/05/2027"})  # a double submit
    assert contest.areas.get(number=1).ballots_delivered_on == date(2027, 5, 8)
    assert AuditEvent.objects.filter(event="election.ballots_delivered").count() == 1
    page = client.get(contest.get_absolute_url()).content.decode()
    assert "giao ngày 08/05/2027" in page and "chậm so với hạn" not in page
    assert "13 ngày trước ngày bầu cử: 10/05/2027" in page


def test_a_late_delivery_is_recorded_and_shown_late(tree, leader):
    """A delivery after the 13-day limit is recorded as it happened (BC-14), and the officer
    is told, on the spot and on the page, that it was late."""
    contest = factories.contest(tree.own)
    client = signed_in_client(leader)
    url = reverse("elections:ballots_deliver", kwargs={"public_id": contest.public_id})
    response = client.post(url, {"number": 2, "delivered_on": "18/05/2027"}, follow=True)
    assert contest.areas.get(number=2).ballots_delivered_on == date(2027, 5, 18)
    page = response.content.decode()
    assert "Giao phiếu bầu chậm so với hạn 10/05/2027" in page
    assert '<span class="tag overdue">chậm so với hạn 10/05/2027</span>' in page


def test_bc23a_stops_when_every_protocol_is_accepted_even_after_an_audit(tree, leader):
    contest = factories.official_contest(tree.own)
    election = contest.election
    first, second = _clerks(tree)
    east, west = contest.areas.order_by("number")
    figures = _figures(contest)
    for actor in (first, second):
        services.protocol_enter(actor=actor, area=east, numbers=figures[0])
    slipped = figures[1] | {"valid": figures[1]["valid"] - 1}
    services.protocol_enter(actor=first, area=west, numbers=figures[1])
    held = services.protocol_enter(actor=second, area=west, numbers=slipped)
    assert held.status == "held" and _running(election, "BC-23a")
    services.protocol_resolve(actor=leader, protocol=held, numbers=figures[1])
    clock = _clock(election, "BC-23a")
    assert clock.status == "completed"
    assert clock.completed_on == max(timezone.localdate(), DAY)


def test_after_a_full_cycle_no_clock_of_the_published_election_is_left_running(tree, leader):
    actor = system_actor()
    contest = factories.contest(tree.own)
    election = contest.election
    services.election_body_create(
        actor=actor, election=election, kind="board", name="Ban", established_on=date(2027, 3, 10)
    )
    for area in contest.areas.all():
        services.voter_list_post(
            actor=actor, area=area, posted_on=date(2027, 4, 12), voters=area.voters_on_list
        )
    candidates = factories.nominate(contest)
    _first_conference(actor, election)
    _second_conference(actor, election, candidates)
    for candidate in candidates:
        services.voter_conference_record(
            actor=actor,
            candidate=candidate,
            held_on=date(2027, 4, 20),
            voters_invited=80,
            attendees=60,
            votes_for=50,
            method="hands",
        )
    services.consultation_record(
        actor=actor,
        election=election,
        number=3,
        held_on=date(2027, 4, 30),
        minutes="HT3",
        candidates=candidates,
    )
    for area in contest.areas.all():
        services.ballots_deliver(actor=actor, area=area, delivered_on=date(2027, 5, 9))
    first, second = _clerks(tree)
    for area, figures in zip(contest.areas.order_by("number"), _figures(contest), strict=True):
        for clerk in (first, second):
            services.protocol_enter(actor=clerk, area=area, numbers=figures)
    services.contest_tabulate(actor=leader, contest=contest)
    services.election_publish(actor=leader, election=election)

    left = {d.rule_id: d.status for d in deadline_item_list(target=election)}
    assert set(left) == {rule for rule, _body in services.TIMETABLE}
    assert {rule for rule, status in left.items() if status != "completed"} == set()


def test_no_protocol_before_the_official_list_of_candidates(tree, leader):
    """The ballots carry the official list of candidates: before there is one, the protocol
    page says so instead of a form that fails on a blank field nobody can see."""
    contest = factories.contest(tree.own)
    area = contest.areas.get(number=1)
    url = reverse("elections:protocol", kwargs={"public_id": contest.public_id, "number": 1})
    page = signed_in_client(leader).get(url).content.decode()
    assert "chưa có danh sách chính thức người ứng cử" in page and "Lưu lượt nhập" not in page
    figures = {
        "voters_on_list": 1000,
        "voted": 900,
        "ballots_issued": 900,
        "ballots_collected": 900,
        "valid": 890,
        "invalid": 10,
        "votes": {},
    }
    with pytest.raises(ApplicationError, match="danh sách chính thức"):
        services.protocol_enter(actor=leader, area=area, numbers=figures)
    assert not area.entries.exists()
