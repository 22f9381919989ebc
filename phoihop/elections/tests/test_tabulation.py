"""Table tests: one row per condition of RULEBOOK §7 (BC-17…BC-21), at its boundary."""

import datetime

import pytest

from phoihop.elections.tabulation import (
    Assembly,
    Candidate,
    Constituency,
    InconsistentProtocols,
    InputError,
    Outcome,
    Protocol,
    Round,
    additional_election_needed,
    parse_constituency,
    tabulate,
)

A = Candidate("Nguyễn Văn An", datetime.date(1970, 5, 1))
B = Candidate("Trần Thị Bình", datetime.date(1980, 1, 1))
C = Candidate("Lê Văn Cường", datetime.date(1975, 3, 3))
D = Candidate("Phạm Thị Dung", datetime.date(1985, 7, 7))
E = Candidate("Hoàng Văn Em", datetime.date(1990, 9, 9))


def area(voters, voted, valid, votes, invalid=0, label="KV1"):
    collected = valid + invalid
    return Protocol(voters, voted, voted, collected, valid, invalid, votes, label)


def one(assembly="na", round_="first", seats=1, candidates=(A, B), areas=()):
    return Constituency(Assembly(assembly), Round(round_), seats, tuple(candidates), tuple(areas))


# --- turnout (Đ78 k1, BC-17) --------------------------------------------------------------------


def test_turnout_exactly_half_is_a_revote():
    result = tabulate(one(areas=[area(1000, 500, 500, {A.name: 400, B.name: 100})]))
    assert result.outcome is Outcome.REVOTE
    assert result.elected == ()
    assert result.unfilled_seats == 1
    assert result.additional_election is False


def test_turnout_one_above_half_counts():
    result = tabulate(one(areas=[area(1000, 501, 501, {A.name: 400, B.name: 101})]))
    assert result.outcome is Outcome.VALID
    assert result.elected == (A.name,)


def test_turnout_is_judged_on_the_constituency_not_the_area():
    low = area(1000, 100, 100, {A.name: 60, B.name: 40}, label="KV1")
    high = area(1000, 950, 950, {A.name: 600, B.name: 350}, label="KV2")
    assert tabulate(one(areas=[low, high])).outcome is Outcome.VALID


def test_odd_list_turnout_needs_strictly_more_than_half():
    # 1001 voters: 500 is below half, 501 is above.
    assert tabulate(one(areas=[area(1001, 500, 500, {A.name: 500})])).outcome is Outcome.REVOTE
    assert tabulate(one(areas=[area(1001, 501, 501, {A.name: 501})])).outcome is Outcome.VALID


def test_a_revote_with_low_turnout_still_stands():
    result = tabulate(
        one(round_="revote", areas=[area(1000, 300, 300, {A.name: 200, B.name: 100})])
    )
    assert result.outcome is Outcome.VALID
    assert result.elected == (A.name,)


def test_an_additional_round_with_low_turnout_is_a_revote():
    result = tabulate(
        one(round_="additional", areas=[area(1000, 400, 400, {A.name: 300, B.name: 100})])
    )
    assert result.outcome is Outcome.REVOTE


# --- winners (Đ78 k2–k4, BC-18) ------------------------------------------------------------------


def test_a_candidate_with_exactly_half_of_valid_is_not_elected():
    result = tabulate(one(areas=[area(1000, 800, 800, {A.name: 400, B.name: 400})]))
    assert result.elected == ()
    assert result.unfilled_seats == 1
    assert result.additional_election is True  # National Assembly: any shortfall


def test_a_candidate_with_one_above_half_is_elected():
    result = tabulate(one(areas=[area(1000, 801, 801, {A.name: 401, B.name: 400})]))
    assert result.elected == (A.name,)


def test_half_is_of_valid_ballots_not_of_voters():
    # 600 of 1000 valid, 200 invalid ballots: 600 > 1000 / 2 of valid.
    result = tabulate(one(areas=[area(1200, 1200, 1000, {A.name: 600, B.name: 400}, invalid=200)]))
    assert result.elected == (A.name,)


def test_more_qualify_than_seats_most_votes_win():
    # Two seats, three candidates above half (ballots keep up to two names).
    votes = {A.name: 700, B.name: 650, C.name: 600}
    result = tabulate(one(seats=2, candidates=(A, B, C), areas=[area(1000, 1000, 1000, votes)]))
    assert result.elected == (A.name, B.name)
    assert result.unfilled_seats == 0


def test_tie_at_the_last_seat_goes_to_the_older():
    votes = {A.name: 700, B.name: 620, C.name: 620}  # C (1975) is older than B (1980)
    result = tabulate(one(seats=2, candidates=(A, B, C), areas=[area(1000, 1000, 1000, votes)]))
    assert result.elected == (A.name, C.name)


def test_tie_not_at_the_last_seat_elects_both():
    votes = {A.name: 640, B.name: 640, C.name: 600}
    result = tabulate(one(seats=2, candidates=(A, B, C), areas=[area(1000, 1000, 1000, votes)]))
    assert set(result.elected) == {A.name, B.name}


def test_tie_on_votes_and_birth_date_is_left_to_the_election_body():
    twin = Candidate("Trần Thị Bích", B.born)
    votes = {A.name: 700, B.name: 600, twin.name: 600}
    result = tabulate(one(seats=2, candidates=(A, B, twin), areas=[area(1000, 1000, 1000, votes)]))
    assert result.elected == (A.name,)
    assert set(result.undecided) == {B.name, twin.name}
    assert result.unfilled_seats == 0
    assert result.additional_election is False


def test_never_more_elected_than_seats_even_when_all_qualify():
    votes = {A.name: 650, B.name: 650, C.name: 650}
    result = tabulate(one(seats=2, candidates=(A, B, C), areas=[area(1000, 1000, 1000, votes)]))
    assert result.elected == (A.name, C.name)  # all tied: the two oldest


# --- additional election (Đ79, BC-19) ------------------------------------------------------------


@pytest.mark.parametrize(
    ("assembly", "seats", "elected", "needed"),
    [
        ("na", 3, 2, True),  # NA: any shortfall
        ("na", 2, 1, True),
        ("na", 3, 3, False),
        ("provincial_council", 3, 2, False),  # exactly two thirds: enough
        ("provincial_council", 3, 1, True),
        ("commune_council", 6, 4, False),  # exactly two thirds
        ("commune_council", 6, 3, True),
        ("commune_council", 5, 4, False),  # 4/5 above two thirds
        ("commune_council", 5, 3, True),  # 3/5 below two thirds
        ("commune_council", 2, 1, True),  # 1/2 below two thirds
        ("commune_council", 1, 0, True),
    ],
)
def test_additional_election_conditions(assembly, seats, elected, needed):
    assert additional_election_needed(Assembly(assembly), Round.FIRST, seats, elected) is needed


@pytest.mark.parametrize("round_", [Round.ADDITIONAL, Round.REVOTE])
def test_no_additional_election_after_another_round(round_):
    assert additional_election_needed(Assembly.NATIONAL_ASSEMBLY, round_, 3, 0) is False


def test_council_with_exactly_two_thirds_elected_needs_no_additional_election():
    votes = {A.name: 800, B.name: 700, C.name: 300, D.name: 200}
    council = one(
        "commune_council", seats=3, candidates=(A, B, C, D), areas=[area(1000, 1000, 1000, votes)]
    )
    result = tabulate(council)
    assert result.elected == (A.name, B.name)
    assert result.unfilled_seats == 1
    assert result.additional_election is False


def test_council_below_two_thirds_needs_an_additional_election():
    votes = {A.name: 800, B.name: 400, C.name: 300, D.name: 200}
    council = one(
        "provincial_council",
        seats=3,
        candidates=(A, B, C, D),
        areas=[area(1000, 1000, 1000, votes)],
    )
    result = tabulate(council)
    assert result.elected == (A.name,)
    assert result.additional_election is True


def test_an_additional_round_that_fails_leaves_the_seat_unfilled_for_good():
    # Seat still open after the first round: the non-elected stand again, nobody gets above half.
    additional = one(
        round_="additional",
        candidates=(B, C),
        areas=[area(1000, 700, 700, {B.name: 350, C.name: 350})],
    )
    result = tabulate(additional)
    assert result.outcome is Outcome.VALID
    assert result.elected == ()
    assert result.unfilled_seats == 1
    assert result.additional_election is False


def test_an_additional_round_that_succeeds():
    additional = one(
        round_="additional",
        candidates=(B, C),
        areas=[area(1000, 700, 700, {B.name: 360, C.name: 340})],
    )
    assert tabulate(additional).elected == (B.name,)


# --- protocol consistency (Đ75, BC-15, BC-21) ----------------------------------------------------


def codes(constituency):
    with pytest.raises(InconsistentProtocols) as caught:
        tabulate(constituency)
    return [p.code for p in caught.value.problems]


def test_voted_above_the_list():
    assert "voted_above_list" in codes(
        one(areas=[Protocol(100, 101, 100, 100, 100, 0, {A.name: 100})])
    )


def test_valid_plus_invalid_differs_from_collected():
    assert codes(one(areas=[Protocol(100, 90, 90, 90, 80, 5, {A.name: 80})])) == [
        "valid_invalid_collected"
    ]


def test_a_candidate_above_valid():
    found = codes(
        one(seats=2, candidates=(A, B, C), areas=[area(100, 90, 90, {A.name: 91, B.name: 10})])
    )
    assert "candidate_above_valid" in found


def test_total_votes_above_valid_times_seats():
    votes = {A.name: 90, B.name: 90, C.name: 90}
    assert codes(one(seats=2, candidates=(A, B, C), areas=[area(100, 90, 90, votes)])) == [
        "total_above_valid_times_seats"
    ]


def test_total_votes_below_valid():
    assert codes(one(areas=[area(100, 90, 90, {A.name: 50, B.name: 30})])) == ["total_below_valid"]


def test_unknown_candidate():
    assert "unknown_candidate" in codes(
        one(areas=[area(100, 90, 90, {A.name: 80, "Người lạ": 10})])
    )


def test_collected_above_issued_and_voted():
    found = codes(one(areas=[Protocol(100, 80, 80, 85, 85, 0, {A.name: 85})]))
    assert "collected_above_issued" in found and "collected_above_voted" in found


def test_every_error_of_every_area_is_listed_in_vietnamese():
    bad1 = Protocol(100, 120, 100, 100, 90, 5, {A.name: 95, "X": 1}, "KV1")
    bad2 = Protocol(100, 50, 50, 50, 50, 0, {A.name: 60}, "KV2")
    with pytest.raises(InconsistentProtocols) as caught:
        tabulate(one(areas=[bad1, bad2]))
    problems = caught.value.problems
    assert {p.area for p in problems} == {"KV1", "KV2"}
    assert {
        "voted_above_list",
        "valid_invalid_collected",
        "unknown_candidate",
        "candidate_above_valid",
    } <= {p.code for p in problems}
    assert all(
        "phiếu" in p.message or "cử tri" in p.message or "ứng cử" in p.message for p in problems
    )


def test_parse_lists_every_shape_problem():
    with pytest.raises(InputError) as caught:
        parse_constituency(
            {"assembly": "senate", "round": "x", "seats": "2", "candidates": [{"born": "1970"}]}
        )
    assert len(caught.value.problems) >= 5
