"""Property tests over generated constituencies whose protocols come from simulated ballots."""

import datetime
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from phoihop.elections.tabulation import (
    Assembly,
    Candidate,
    Constituency,
    Outcome,
    Protocol,
    Round,
    aggregate,
    check,
    could_change,
    tabulate,
)

# Few distinct birth dates, so equal ages (and equal votes) come up often.
BIRTHS = [datetime.date(1960 + i, 1 + i, 1) for i in range(4)]


@st.composite
def constituencies(draw):
    seats = draw(st.integers(1, 4))
    count = draw(st.integers(1, seats + 3))
    candidates = tuple(
        Candidate(f"Ứng cử viên {i}", draw(st.sampled_from(BIRTHS))) for i in range(count)
    )
    rng = draw(st.randoms(use_true_random=False))
    protocols = []
    for index in range(draw(st.integers(1, 5))):
        voters = draw(st.integers(1, 60))
        voted = draw(st.integers(0, voters))
        issued = voted
        collected = draw(st.integers(0, voted))
        invalid = draw(st.integers(0, collected))
        valid = collected - invalid
        votes = dict.fromkeys((c.name for c in candidates), 0)
        # Each valid ballot keeps between one name and as many names as seats (BC-15 (3), (4)).
        for _ballot in range(valid):
            kept = rng.sample(candidates, rng.randint(1, min(seats, count)))
            for candidate in kept:
                votes[candidate.name] += 1
        protocols.append(
            Protocol(voters, voted, issued, collected, valid, invalid, votes, f"KV{index + 1}")
        )
    assembly = draw(st.sampled_from(list(Assembly)))
    round_ = draw(st.sampled_from(list(Round)))
    return Constituency(assembly, round_, seats, candidates, tuple(protocols))


@settings(max_examples=150, deadline=None)
@given(constituencies())
def test_generated_protocols_are_consistent(constituency):
    assert check(constituency) == []


@settings(max_examples=150, deadline=None)
@given(constituencies())
def test_elected_are_above_half_of_valid_and_within_seats(constituency):
    result = tabulate(constituency)
    totals = result.totals
    assert len(result.elected) <= constituency.seats
    assert len(set(result.elected)) == len(result.elected)
    for name in result.elected:
        assert 2 * totals.votes[name] > totals.valid
    if result.outcome is Outcome.VALID:
        pending = constituency.seats - len(result.elected) if result.undecided else 0
        assert len(result.elected) + pending + result.unfilled_seats == constituency.seats
    else:
        assert result.elected == () and result.unfilled_seats == constituency.seats


@settings(max_examples=150, deadline=None)
@given(constituencies())
def test_most_votes_first_and_ties_to_the_older(constituency):
    result = tabulate(constituency)
    if result.outcome is not Outcome.VALID:
        return
    votes = result.totals.votes
    born = {c.name: c.born for c in constituency.candidates}
    elected = set(result.elected)
    left_out = [
        c.name
        for c in constituency.candidates
        if c.name not in elected
        and c.name not in result.undecided
        and 2 * votes[c.name] > result.totals.valid
    ]
    for winner in result.elected:
        for loser in left_out:
            assert votes[winner] > votes[loser] or (
                votes[winner] == votes[loser] and born[winner] < born[loser]
            )
    # Elected are listed most votes first, the older first on equal votes.
    keys = [(-votes[n], born[n]) for n in result.elected]
    assert keys == sorted(keys)
    # Whoever qualifies is elected while seats remain.
    if left_out:
        assert len(result.elected) + len(result.undecided) >= constituency.seats


@settings(max_examples=150, deadline=None)
@given(constituencies())
def test_totals_reconcile(constituency):
    result = tabulate(constituency)
    totals = result.totals
    assert totals == aggregate(constituency.protocols)
    assert totals.valid + totals.invalid == totals.ballots_collected
    assert totals.voted <= totals.voters_on_list
    for candidate in constituency.candidates:
        assert totals.votes[candidate.name] == sum(
            p.votes[candidate.name] for p in constituency.protocols
        )
    assert (
        totals.valid <= sum(totals.votes.values()) <= totals.valid * constituency.seats
        or totals.valid == 0
    )
    turnout_above_half = 2 * totals.voted > totals.voters_on_list
    expected = (
        Outcome.VALID
        if turnout_above_half or constituency.round is Round.REVOTE
        else Outcome.REVOTE
    )
    assert result.outcome is expected


@settings(max_examples=150, deadline=None)
@given(constituencies())
def test_additional_election_only_after_the_first_round(constituency):
    result = tabulate(constituency)
    if result.additional_election:
        assert constituency.round is Round.FIRST and result.unfilled_seats > 0
        elected = constituency.seats - result.unfilled_seats
        if constituency.assembly is not Assembly.NATIONAL_ASSEMBLY:
            assert 3 * elected < 2 * constituency.seats


@settings(max_examples=100, deadline=None)
@given(constituencies(), st.integers(1, 10))
def test_a_broken_protocol_is_always_caught(constituency, extra):
    first = constituency.protocols[0]
    broken = replace(first, voted=first.voters_on_list + extra)
    codes = {
        p.code
        for p in check(replace(constituency, protocols=(broken, *constituency.protocols[1:])))
    }
    assert "voted_above_list" in codes


@settings(max_examples=150, deadline=None)
@given(constituencies(), constituencies(), st.randoms(use_true_random=False))
def test_settled_results_stay_settled_whatever_the_pending_areas_say(counted, extra, rng):
    """When could_change says no, adding any consistent pending protocols keeps the outcome and
    the elected (the pending areas' lists bound what they can add)."""
    result = tabulate(counted)
    pending = []
    for p in extra.protocols:
        votes = dict.fromkeys((c.name for c in counted.candidates), 0)
        for _ballot in range(p.valid):  # one name kept per valid ballot, chosen at random
            votes[rng.choice(counted.candidates).name] += 1
        pending.append(replace(p, votes=votes))
    pending = tuple(pending)
    pending_voters = sum(p.voters_on_list for p in pending)
    if could_change(counted, result, pending_voters):
        return
    full = tabulate(replace(counted, protocols=counted.protocols + pending))
    assert full.outcome is result.outcome
    assert set(full.elected) == set(result.elected)
