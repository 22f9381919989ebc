"""The elections services against RULEBOOK §7."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from phoihop.accounts.services import system_actor
from phoihop.core.errors import ApplicationError
from phoihop.elections import services
from phoihop.elections.models import Candidate, Protocol
from phoihop.elections.tests import factories
from phoihop.organizations.services import person_create
from phoihop.testing import grant, make_user

pytestmark = pytest.mark.django_db


def test_timetable_is_counted_back_from_election_day_and_never_rolled(tree, leader):
    election = factories.by_election(tree.own, actor=leader)
    rows = {r["rule_id"]: r for r in services.timetable(election)}
    day = factories.ELECTION_DAY
    assert rows["BC-09"]["due_on"] == date(2027, 4, 11)  # 42 days before, a Sunday, not rolled
    assert rows["BC-10"]["due_on"] == date(2027, 3, 14)  # 70 days before
    assert rows["BC-11"]["due_on"] == date(2027, 4, 13)  # 40 days before
    assert rows["BC-12"]["due_on"] == date(2027, 5, 22)
    assert rows["BC-23"]["due_on"] == date(2027, 6, 2)  # 10 days after
    assert all(r["owner"] == leader for r in rows.values())  # reminders go to the owner
    assert [r["due_on"] for r in services.timetable(election)] == sorted(
        r["due_on"] for r in rows.values()
    )
    assert rows["BC-09"]["days"] == -42 and day.weekday() == 6


def test_2026_timetable_matches_the_official_dates(tree):
    election = services.election_create(
        actor=system_actor(),
        organization=tree.own,
        name="Bầu cử 2026",
        kind="general",
        election_day=date(2026, 3, 15),
        terms=[factories.term()],
    )
    rows = {r["rule_id"]: r["due_on"] for r in services.timetable(election)}
    assert rows["BC-09"] == date(2026, 2, 1)
    assert rows["BC-10"] == date(2026, 1, 4)
    assert rows["BC-05b"] == date(2026, 2, 3)
    assert rows["BC-05c"] == date(2026, 2, 20)
    assert rows["BC-23a"] == date(2026, 3, 18)
    assert rows["BC-23b"] == date(2026, 3, 20)
    assert rows["BC-23"] == date(2026, 3, 25)


def test_election_day_is_a_sunday(tree):
    with pytest.raises(ApplicationError):
        services.election_create(
            actor=system_actor(),
            organization=tree.own,
            name="x",
            kind="by_election",
            election_day=date(2027, 5, 22),
            terms=[factories.term()],
        )


def test_candidate_must_be_21_and_file_in_time(tree):
    contest = factories.contest(tree.own)
    young = person_create(actor=system_actor(), full_name="Trẻ", birth_date=date(2006, 5, 24))
    with pytest.raises(ApplicationError, match="21 tuổi"):
        services.candidate_nominate(
            actor=system_actor(),
            contest=contest,
            person=young,
            dossier_filed_on=date(2027, 4, 1),
            self_nominated=True,
        )
    just = person_create(actor=system_actor(), full_name="Vừa đủ", birth_date=date(2006, 5, 23))
    services.candidate_nominate(
        actor=system_actor(),
        contest=contest,
        person=just,
        dossier_filed_on=date(2027, 4, 11),
        self_nominated=True,
    )
    late = person_create(actor=system_actor(), full_name="Muộn", birth_date=date(1980, 1, 1))
    with pytest.raises(ApplicationError, match="42 ngày trước ngày bầu cử, Luật Bầu cử Đ35"):
        services.candidate_nominate(
            actor=system_actor(),
            contest=contest,
            person=late,
            dossier_filed_on=date(2027, 4, 12),
            self_nominated=True,
        )


def test_candidates_through_consultations_and_the_voter_conference(tree):
    actor = system_actor()
    contest = factories.contest(tree.own)
    election = contest.election
    a, b, c = factories.nominate(contest)
    services.consultation_record(
        actor=actor, election=election, number=1, held_on=date(2027, 2, 10), minutes="HT1"
    )
    services.consultation_record(
        actor=actor,
        election=election,
        number=2,
        held_on=date(2027, 4, 13),
        minutes="HT2",
        candidates=[a, b, c],
    )
    # 120 voters: at least 55 attend. 54 is no quorum: it does not count.
    none = services.voter_conference_record(
        actor=actor,
        candidate=a,
        held_on=date(2027, 4, 15),
        voters_invited=120,
        attendees=54,
        votes_for=54,
        method="hands",
    )
    assert not none.quorum_met
    a.refresh_from_db()
    assert a.stage == Candidate.Stage.PRELIMINARY
    services.voter_conference_record(
        actor=actor,
        candidate=a,
        held_on=date(2027, 4, 16),
        voters_invited=120,
        attendees=60,
        votes_for=31,
        method="hands",
    )
    # Under 100 voters: more than half attend; exactly half of attendees is no confidence.
    services.voter_conference_record(
        actor=actor,
        candidate=b,
        held_on=date(2027, 4, 16),
        voters_invited=80,
        attendees=42,
        votes_for=21,
        method="secret",
    )
    half = services.voter_conference_record(
        actor=actor,
        candidate=c,
        held_on=date(2027, 4, 16),
        voters_invited=80,
        attendees=40,
        votes_for=40,
        method="hands",
    )
    assert not half.quorum_met  # 40 of 80 is not more than half
    services.voter_conference_record(
        actor=actor,
        candidate=c,
        held_on=date(2027, 4, 17),
        voters_invited=80,
        attendees=50,
        votes_for=45,
        method="hands",
    )
    for x in (a, b, c):
        x.refresh_from_db()
    assert (a.stage, b.stage, c.stage) == ("preliminary", "not_confident", "preliminary")
    with pytest.raises(ApplicationError, match="không được đưa vào hội nghị hiệp thương"):
        services.consultation_record(
            actor=actor,
            election=election,
            number=3,
            held_on=date(2027, 4, 30),
            minutes="HT3",
            candidates=[a, b, c],
        )
    # Two candidates for two seats: the list needs more candidates than seats.
    with pytest.raises(ApplicationError, match="nhiều hơn số đại biểu"):
        services.consultation_record(
            actor=actor,
            election=election,
            number=3,
            held_on=date(2027, 4, 30),
            minutes="HT3",
            candidates=[a, c],
        )


def test_women_share_of_the_na_list(tree):
    from phoihop.elections.rules import women_share_met

    assert women_share_met(7, 20) and not women_share_met(6, 20) and not women_share_met(0, 0)


def _clerks(tree):
    first, second = make_user("nhap.mot"), make_user("nhap.hai")
    grant(first, "clerk", tree.own)
    grant(second, "clerk", tree.own)
    return first, second


def test_protocol_entered_twice_is_accepted_when_equal(tree):
    contest = factories.official_contest(tree.own)
    first, second = _clerks(tree)
    area = contest.areas.get(number=1)
    figures = factories.numbers(contest, 1000, 900, 20, [700, 600, 400])
    protocol = services.protocol_enter(actor=first, area=area, numbers=figures)
    assert protocol.status == Protocol.Status.AWAITING_SECOND
    with pytest.raises(ApplicationError, match="người khác"):
        services.protocol_enter(actor=first, area=area, numbers=figures)
    protocol = services.protocol_enter(actor=second, area=area, numbers=figures)
    assert protocol.status == Protocol.Status.ACCEPTED


def test_a_mismatch_is_held_in_the_audit_queue_and_resolved(tree, leader):
    contest = factories.official_contest(tree.own)
    _, second = _clerks(tree)
    auditor = make_user("kiem.tra")
    grant(auditor, "leader", tree.own)
    area = contest.areas.get(number=1)
    right = factories.numbers(contest, 1000, 900, 20, [700, 600, 400])
    wrong = factories.numbers(contest, 1000, 900, 20, [700, 660, 400])
    services.protocol_enter(actor=leader, area=area, numbers=right)
    protocol = services.protocol_enter(actor=second, area=area, numbers=wrong)
    assert protocol.status == Protocol.Status.HELD
    assert any("Trần Thị Bình" in p and "600" in p and "660" in p for p in protocol.problems)
    with pytest.raises(PermissionDenied):
        services.protocol_resolve(actor=second, protocol=protocol, numbers=right)
    with pytest.raises(ApplicationError, match="khác những người"):
        services.protocol_resolve(actor=leader, protocol=protocol, numbers=right)
    with pytest.raises(ApplicationError, match="chưa nhất quán"):
        services.protocol_resolve(
            actor=auditor,
            protocol=protocol,
            numbers=factories.numbers(contest, 1000, 900, 20, [900, 600, 400]),
        )
    protocol = services.protocol_resolve(actor=auditor, protocol=protocol, numbers=right)
    assert protocol.status == Protocol.Status.ACCEPTED and protocol.votes == right["votes"]


def test_equal_entries_that_do_not_add_up_are_held(tree):
    contest = factories.official_contest(tree.own)
    first, second = _clerks(tree)
    area = contest.areas.get(number=1)
    bad = factories.numbers(contest, 1000, 1001, 0, [700, 600, 400])
    services.protocol_enter(actor=first, area=area, numbers=bad)
    protocol = services.protocol_enter(actor=second, area=area, numbers=bad)
    assert protocol.status == Protocol.Status.HELD
    assert any("lớn hơn tổng số cử tri" in p for p in protocol.problems)


def test_tabulation_waits_for_every_area_then_follows_the_law(tree, leader):
    contest = factories.official_contest(tree.own)
    first, second = _clerks(tree)
    one, two = contest.areas.order_by("number")
    figures1 = factories.numbers(contest, 1000, 900, 20, [700, 500, 480])
    for actor in (first, second):
        services.protocol_enter(actor=actor, area=one, numbers=figures1)
    with pytest.raises(ApplicationError, match="Chưa đủ biên bản"):
        services.contest_tabulate(actor=leader, contest=contest)
    progress = services.contest_progress(contest)
    assert progress["could_change"] is True and [a.number for a in progress["pending"]] == [2]
    figures2 = factories.numbers(contest, 800, 700, 0, [600, 300, 320])
    for actor in (first, second):
        services.protocol_enter(actor=actor, area=two, numbers=figures2)
    contest = services.contest_tabulate(actor=leader, contest=contest)
    # valid 1580: An 1300, Bình 800, Cúc 800 — both above 790; tie at the last seat: Cúc is older.
    assert contest.result["elected"] == ["Nguyễn Văn An", "Lê Thị Cúc"]
    assert contest.result["outcome"] == "valid" and contest.result["unfilled_seats"] == 0
    contest.election.refresh_from_db()
    assert contest.election.status == "tabulated"
    services.election_publish(actor=leader, election=contest.election)
    contest.election.refresh_from_db()
    assert contest.election.status == "published"


def test_clerk_may_not_tabulate(tree):
    contest = factories.official_contest(tree.own)
    first, _ = _clerks(tree)
    with pytest.raises(PermissionDenied):
        services.contest_tabulate(actor=first, contest=contest)


def test_api_enters_protocols_twice_and_tabulates(tree, leader):
    from phoihop.testing import signed_in_client

    contest = factories.official_contest(tree.own)
    first, second = _clerks(tree)
    url = f"/api/election-contests/{contest.public_id}/protocols"
    for area, figures in (
        (1, factories.numbers(contest, 1000, 900, 20, [700, 500, 480])),
        (2, factories.numbers(contest, 800, 700, 0, [600, 300, 320])),
    ):
        for user in (first, second):
            response = signed_in_client(user).post(
                url, {"area": area, **figures}, content_type="application/json"
            )
            assert response.status_code == 200, response.content
    assert response.json()["status"] == "accepted"
    response = signed_in_client(leader).post(f"/api/election-contests/{contest.public_id}/tabulate")
    assert response.status_code == 200
    assert response.json()["result"]["elected"] == ["Nguyễn Văn An", "Lê Thị Cúc"]
    timetable = (
        signed_in_client(leader)
        .get(f"/api/elections/{contest.election.public_id}/timetable")
        .json()
    )
    assert {"rule_id": "BC-09", "due_on": "2027-04-11"}.items() <= next(
        r for r in timetable if r["rule_id"] == "BC-09"
    ).items()


def test_voter_list_posting_changes_and_complaints(tree, leader):
    from datetime import datetime

    from django.utils import timezone

    from phoihop.elections.models import VoterListComplaint

    contest = factories.contest(tree.own)
    area = contest.areas.get(number=1)
    with pytest.raises(ApplicationError, match="Luật Bầu cử Đ32"):  # 39 days before
        services.voter_list_post(actor=leader, area=area, posted_on=date(2027, 4, 14), voters=1000)
    services.voter_list_post(actor=leader, area=area, posted_on=date(2027, 4, 13), voters=1000)
    closes = services.voter_list_closes_at(contest.election)
    assert timezone.localtime(closes) == timezone.make_aware(datetime(2027, 5, 22, 7, 0))
    services.voter_list_change(
        actor=leader,
        area=area,
        delta=2,
        reason="Chuyển đến",
        at=closes - timezone.timedelta(minutes=1),
    )
    with pytest.raises(ApplicationError, match="bắt đầu bỏ phiếu 24 giờ, Luật Bầu cử Đ32"):
        services.voter_list_change(actor=leader, area=area, delta=1, reason="Muộn", at=closes)
    area.refresh_from_db()
    assert area.voters_on_list == 1002
    with pytest.raises(ApplicationError, match="30 ngày"):
        services.voter_list_complaint_receive(
            actor=leader, area=area, complainant="A", content="x", received_on=date(2027, 5, 14)
        )
    complaint = services.voter_list_complaint_receive(
        actor=leader,
        area=area,
        complainant="Trần Văn Khiếu",
        content="Thiếu tên tôi",
        received_on=date(2027, 5, 13),
    )
    assert complaint.due_on == date(2027, 5, 18)  # 5 days, not rolled (BC-13)
    complaint = services.voter_list_complaint_resolve(
        actor=leader,
        complaint=complaint,
        upheld=True,
        answer="Đã bổ sung tên.",
        on=date(2027, 5, 15),
        delta=1,
    )
    assert complaint.status == VoterListComplaint.Status.UPHELD and complaint.due_on is None
    area.refresh_from_db()
    assert area.voters_on_list == 1003


def test_the_steps_taken_stop_their_timetable_clocks(tree, leader):
    contest = factories.official_contest(tree.own)
    election = contest.election
    status = lambda: {r["rule_id"]: r["status"] for r in services.timetable(election)}  # noqa: E731
    assert status()["BC-10"] == status()["BC-05a"] == "Đang chạy"

    services.election_body_create(
        actor=leader,
        election=election,
        kind="board",
        name="Ban bầu cử số 1",
        established_on=date(2027, 3, 10),
    )
    services.consultation_record(
        actor=leader, election=election, number=1, held_on=date(2027, 2, 10), minutes="HT1"
    )
    first, second = _clerks(tree)
    for area, figures in zip(
        contest.areas.order_by("number"),
        (
            factories.numbers(contest, 1000, 900, 20, [700, 500, 480]),
            factories.numbers(contest, 800, 700, 0, [600, 300, 320]),
        ),
        strict=True,
    ):
        for actor in (first, second):
            services.protocol_enter(actor=actor, area=area, numbers=figures)
    services.contest_tabulate(actor=leader, contest=contest)
    services.election_publish(actor=leader, election=election)

    done = {rule for rule, label in status().items() if label == "Hoàn thành"}
    assert {"BC-05a", "BC-10", "BC-23b", "BC-23"} <= done
    assert "BC-12" in done and "BC-23a" in done  # voting begun; every protocol accepted


def test_the_first_posting_date_of_a_voter_list_is_kept(tree, leader):
    """The posting date starts the complaint window (Đ33, BC-13): a second posting is refused
    with the first date named, a double submit changes nothing, and complaints still count
    from the first date."""
    from phoihop.audit.models import AuditEvent

    contest = factories.contest(tree.own)
    area = contest.areas.get(number=1)
    services.voter_list_post(actor=leader, area=area, posted_on=date(2027, 4, 5), voters=1000)
    services.voter_list_post(actor=leader, area=area, posted_on=date(2027, 4, 5), voters=1000)
    assert AuditEvent.objects.filter(event="election.voter_list_posted").count() == 1
    for posted_on, voters in ((date(2027, 4, 12), 1000), (date(2027, 4, 5), 1010)):
        with pytest.raises(ApplicationError, match="đã niêm yết ngày 05/04/2027") as refused:
            services.voter_list_post(actor=leader, area=area, posted_on=posted_on, voters=voters)
        assert refused.value.code == "posted"
    area.refresh_from_db()
    assert (area.list_posted_on, area.voters_on_list) == (date(2027, 4, 5), 1000)
    # 30 days from the first posting: 05/05 is the last day, whatever was sent later.
    with pytest.raises(ApplicationError, match="30 ngày"):
        services.voter_list_complaint_receive(
            actor=leader, area=area, complainant="A", content="x", received_on=date(2027, 5, 6)
        )


def test_a_second_posting_from_the_page_is_refused_beside_the_form(tree, leader):
    from django.urls import reverse

    from phoihop.testing import signed_in_client

    contest = factories.contest(tree.own)
    area = contest.areas.get(number=1)
    services.voter_list_post(actor=leader, area=area, posted_on=date(2027, 4, 5), voters=1000)
    page = signed_in_client(leader).post(
        reverse("elections:voter_list_post", args=[contest.public_id]),
        {"number": "1", "posted_on": "12/04/2027", "voters": "1000"},
        follow=True,
    )
    area.refresh_from_db()
    assert area.list_posted_on == date(2027, 4, 5)
    form = page.context["post_form"]
    assert form.data["posted_on"] == "12/04/2027"
    assert "đã niêm yết ngày 05/04/2027" in form.non_field_errors()[0]
    assert "<details open><summary>Niêm yết danh sách cử tri" in page.content.decode()
