"""Rules other than counting: ballot validity (Đ74, BC-15/16), age, quorum, confidence, women."""

from datetime import date

import pytest

from phoihop.elections.rules import (
    LEGACY_QUORUM,
    Ballot,
    ballot_invalid_reason,
    confident,
    may_stand,
    quorum_met,
    women_share_met,
)


@pytest.mark.parametrize(
    ("ballot", "seats", "reason"),
    [
        (Ballot(names_on_ballot=3, names_struck=1), 2, ""),  # two names kept for two seats
        (Ballot(names_on_ballot=3, names_struck=2), 2, ""),  # fewer names than seats is valid
        (Ballot(names_on_ballot=3, names_struck=0), 2, "nhiều hơn số lượng"),  # BC-15 (3)
        (Ballot(names_on_ballot=3, names_struck=3), 2, "gạch xóa hết tên"),  # BC-15 (4)
        (Ballot(official_form=False, names_on_ballot=3, names_struck=1), 2, "không theo mẫu"),
        (Ballot(sealed=False, names_on_ballot=3, names_struck=1), 2, "không có dấu"),
        (Ballot(names_on_ballot=3, names_struck=1, names_added=True), 2, "ghi thêm tên"),
        (Ballot(names_on_ballot=3, names_struck=1, other_content=True), 2, "nội dung khác"),
    ],
)
def test_ballot_validity(ballot, seats, reason):
    found = ballot_invalid_reason(ballot, seats)
    assert (reason in found) if reason else found == ""


def test_age_to_stand_is_counted_to_election_day():
    assert may_stand(date(2005, 3, 15), date(2026, 3, 15))
    assert not may_stand(date(2005, 3, 16), date(2026, 3, 15))
    assert may_stand(date(2004, 2, 29), date(2025, 3, 1))


def test_legacy_quorum_and_confidence():
    residence, workplace = LEGACY_QUORUM["residence"], LEGACY_QUORUM["workplace"]
    assert not quorum_met(residence, 80, 40) and quorum_met(residence, 80, 41)
    assert not quorum_met(residence, 100, 54) and quorum_met(residence, 100, 55)
    assert not quorum_met(workplace, 90, 59) and quorum_met(workplace, 90, 60)  # two thirds
    assert quorum_met(workplace, 150, 70) and not quorum_met(workplace, 150, 69)
    assert not confident(30, 60) and confident(31, 60)


def test_women_share():
    assert women_share_met(35, 100) and not women_share_met(34, 100)
