"""The election rules other than counting (RULEBOOK §7), pure functions without Django.

- Age (Luật Bầu cử Đ2, BC-02): 21 or older on election day to stand.
- Voter conference quorum (BC-07): the 2026 values of NQ 101/2025/UBTVQH15 were not retrieved, so
  the legacy values are the default and a setting replaces them (decision 0184).
- Confidence (BC-08): more than 50 % of the attendees; otherwise not put to the third
  consultation.
- The official National Assembly list has at least 35 % women (Đ8 k3 as amended, BC-03).
- Ballot validity (Đ74, BC-15; marking guidance, BC-16).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass


def age_on(born: datetime.date, day: datetime.date) -> int:
    years = day.year - born.year
    if (day.month, day.day) < (born.month, born.day):
        years -= 1
    return years


def may_stand(born: datetime.date, election_day: datetime.date) -> bool:
    """BC-02: "đủ hai mươi mốt tuổi trở lên có quyền ứng cử", counted to election day."""
    return age_on(born, election_day) >= 21


@dataclass(frozen=True, slots=True)
class QuorumRule:
    """Below ``threshold`` voters: more than ``share_below`` of them attend (as a fraction
    numerator/denominator); from ``threshold`` up: at least ``minimum_above`` attend."""

    threshold: int
    share_numerator: int
    share_denominator: int
    strictly_more: bool
    minimum_above: int
    citation: str


# NQ 1134/2016/UBTVQH13 (residence) and NQ 1186/2021/UBTVQH14 (workplace): legacy (BC-07).
LEGACY_QUORUM = {
    "residence": QuorumRule(100, 1, 2, True, 55, "NQ 1134/2016/UBTVQH13"),
    "workplace": QuorumRule(100, 2, 3, False, 70, "NQ 1186/2021/UBTVQH14"),
}


def quorum_met(rule: QuorumRule, invited: int, attendees: int) -> bool:
    if invited < rule.threshold:
        scaled = attendees * rule.share_denominator
        needed = invited * rule.share_numerator
        return scaled > needed if rule.strictly_more else scaled >= needed
    return attendees >= rule.minimum_above


def confident(votes_for: int, attendees: int) -> bool:
    """BC-08: confidence "không đạt hơn 50%" fails; so it needs strictly more than half."""
    return 2 * votes_for > attendees


def women_share_met(women: int, total: int) -> bool:
    """BC-03: at least 35 % of the official NA list are women (``100 × women ≥ 35 × total``)."""
    return total > 0 and 100 * women >= 35 * total


@dataclass(frozen=True, slots=True)
class Ballot:
    """What the counting team sees on one ballot."""

    official_form: bool = True  # issued by the polling team, of the prescribed form
    sealed: bool = True  # carries the polling team's seal
    names_on_ballot: int = 0
    names_struck: int = 0  # a stroke that covers the whole name counts (BC-16)
    names_added: bool = False
    other_content: bool = False


def ballot_invalid_reason(ballot: Ballot, seats: int) -> str:
    """ "" if the ballot is valid, else the ground of Đ74 (BC-15), in Vietnamese."""
    left = ballot.names_on_ballot - ballot.names_struck
    if not ballot.official_form:
        return "Phiếu không theo mẫu quy định do Tổ bầu cử phát ra."
    if not ballot.sealed:
        return "Phiếu không có dấu của Tổ bầu cử."
    if left > seats:
        return "Phiếu để số người được bầu nhiều hơn số lượng đại biểu được bầu."
    if left <= 0:
        return "Phiếu gạch xóa hết tên những người ứng cử."
    if ballot.names_added or ballot.other_content:
        return "Phiếu ghi thêm tên người ngoài danh sách hoặc ghi thêm nội dung khác."
    return ""
