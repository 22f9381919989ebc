"""Counting the votes of one constituency exactly as the election law says (RULEBOOK §7).

Pure Python, no Django: the command line, the pages and the benchmark share it.

- Protocol consistency (Luật Bầu cử Đ74–Đ75, BC-15, BC-21): every error of every polling area is
  collected, never only the first; a constituency with any error is not tabulated.
- Turnout (Đ78 k1, BC-17): results count only when *more than half* of the voters on the
  constituency's list voted; otherwise a re-vote, except in a re-vote round, whose result stands.
- Winners (Đ78 k2–k4, BC-18): more than half of the valid ballots; most votes first; a tie at the
  last seat goes to the older candidate; never more winners than seats.
- Additional election (Đ79, BC-19): after the first election, the National Assembly holds one on
  any shortfall, a council when fewer than two thirds of the seats are filled; never a second one.

All comparisons are in integers ("more than half" is ``2 * x > total``), so no rounding can move a
result. Decisions 0180–0184 record the readings.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction
from typing import Any


class Assembly(StrEnum):
    NATIONAL_ASSEMBLY = "na"
    PROVINCIAL_COUNCIL = "provincial_council"
    COMMUNE_COUNCIL = "commune_council"

    @property
    def label(self) -> str:
        return {
            "na": "Quốc hội",
            "provincial_council": "Hội đồng nhân dân tỉnh",
            "commune_council": "Hội đồng nhân dân xã",
        }[self.value]


class Round(StrEnum):
    FIRST = "first"  # the election itself (cuộc bầu cử đầu tiên)
    ADDITIONAL = "additional"  # bầu cử thêm, Đ79
    REVOTE = "revote"  # bầu cử lại, Đ80

    @property
    def label(self) -> str:
        return {"first": "Bầu cử", "additional": "Bầu cử thêm", "revote": "Bầu cử lại"}[self.value]


class Outcome(StrEnum):
    VALID = "valid"
    REVOTE = "revote"


@dataclass(frozen=True, slots=True)
class Candidate:
    name: str
    born: datetime.date


@dataclass(frozen=True, slots=True)
class Protocol:
    """The counting minutes of one polling area (biên bản kết quả kiểm phiếu, Đ75 k2, BC-21)."""

    voters_on_list: int
    voted: int
    ballots_issued: int
    ballots_collected: int
    valid: int
    invalid: int
    votes: Mapping[str, int]
    label: str = ""


@dataclass(frozen=True, slots=True)
class Constituency:
    assembly: Assembly
    round: Round
    seats: int
    candidates: tuple[Candidate, ...]
    protocols: tuple[Protocol, ...]


@dataclass(frozen=True, slots=True)
class Problem:
    """One inconsistency, with where it is (``area`` is the polling area's label, or "")."""

    code: str
    message: str
    area: str = ""

    def __str__(self) -> str:
        return f"{self.area}: {self.message}" if self.area else self.message


class InconsistentProtocols(Exception):
    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = tuple(problems)


class InputError(Exception):
    """The file is not a constituency at all (shape, types); every problem is listed."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = tuple(problems)


@dataclass(frozen=True, slots=True)
class Totals:
    voters_on_list: int = 0
    voted: int = 0
    ballots_issued: int = 0
    ballots_collected: int = 0
    valid: int = 0
    invalid: int = 0
    votes: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Result:
    outcome: Outcome
    elected: tuple[str, ...]
    unfilled_seats: int
    additional_election: bool
    turnout: Fraction
    totals: Totals
    ranking: tuple[str, ...]  # every candidate, most votes first, ties to the older
    undecided: tuple[str, ...] = ()  # tied on votes and birth date at the last seat (decision 0183)

    def as_json(self, constituency: Constituency) -> dict[str, Any]:
        valid = self.totals.valid
        return {
            "outcome": self.outcome.value,
            "elected": list(self.elected),
            "unfilled_seats": self.unfilled_seats,
            "additional_election": self.additional_election,
            "turnout": float(self.turnout),
            "votes": {c.name: self.totals.votes.get(c.name, 0) for c in constituency.candidates},
            "share_of_valid": {
                c.name: (round(100 * self.totals.votes.get(c.name, 0) / valid, 2) if valid else 0.0)
                for c in constituency.candidates
            },
            "voters_on_list": self.totals.voters_on_list,
            "voted": self.totals.voted,
            "ballots_issued": self.totals.ballots_issued,
            "ballots_collected": self.totals.ballots_collected,
            "valid": valid,
            "invalid": self.totals.invalid,
            "seats": constituency.seats,
            "undecided": list(self.undecided),
        }


# --- the rules, each one line of integer arithmetic ---------------------------------------------


def more_than_half(part: int, whole: int) -> bool:
    """ "quá một nửa": strictly more than half; exactly half is not enough."""
    return 2 * part > whole


def turnout_reached(voted: int, voters_on_list: int) -> bool:
    """Đ78 k1: more than half of the voters on the list voted."""
    return more_than_half(voted, voters_on_list)


def additional_election_needed(assembly: Assembly, round_: Round, seats: int, elected: int) -> bool:
    """Đ79: only after the first election (never a second additional one; decision 0182).

    National Assembly: any seat left unfilled. Councils: fewer than two thirds of the seats filled
    (``3 * elected < 2 * seats``; exactly two thirds is enough).
    """
    if round_ is not Round.FIRST or elected >= seats:
        return False
    if assembly is Assembly.NATIONAL_ASSEMBLY:
        return True
    return 3 * elected < 2 * seats


def rank(candidates: Iterable[Candidate], votes: Mapping[str, int]) -> list[Candidate]:
    """Most votes first; equal votes: the older (earlier birth date) first; then by name, stably."""
    return sorted(candidates, key=lambda c: (-votes.get(c.name, 0), c.born, c.name))


def winners(
    candidates: Sequence[Candidate], votes: Mapping[str, int], valid: int, seats: int
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Đ78 k2–k4: (elected, undecided). Only those above half of the valid ballots qualify."""
    qualified = [c for c in rank(candidates, votes) if more_than_half(votes.get(c.name, 0), valid)]
    if len(qualified) <= seats:
        return tuple(c.name for c in qualified), ()
    last, first_out = qualified[seats - 1], qualified[seats]
    if votes.get(last.name, 0) == votes.get(first_out.name, 0) and last.born == first_out.born:
        # Equal votes and the same birth date at the last seat: the law names no further rule.
        tied = {
            c.name
            for c in qualified
            if (votes.get(c.name, 0), c.born) == (votes.get(last.name, 0), last.born)
        }
        elected = tuple(c.name for c in qualified[:seats] if c.name not in tied)
        undecided = tuple(c.name for c in qualified if c.name in tied)
        return elected, undecided
    return tuple(c.name for c in qualified[:seats]), ()


# --- consistency ---------------------------------------------------------------------------------


def check_protocol(
    protocol: Protocol, candidates: Sequence[Candidate], seats: int
) -> list[Problem]:
    """Every arithmetic inconsistency of one polling area's minutes."""
    area = protocol.label
    problems: list[Problem] = []

    def add(code: str, message: str) -> None:
        problems.append(Problem(code, message, area))

    p = protocol
    for name, value in (
        ("Tổng số cử tri", p.voters_on_list),
        ("Số cử tri đã bỏ phiếu", p.voted),
        ("Số phiếu phát ra", p.ballots_issued),
        ("Số phiếu thu vào", p.ballots_collected),
        ("Số phiếu hợp lệ", p.valid),
        ("Số phiếu không hợp lệ", p.invalid),
    ):
        if value < 0:
            add("negative", f"{name} là số âm ({value}).")
    if p.voted > p.voters_on_list:
        add(
            "voted_above_list",
            f"Số cử tri đã bỏ phiếu ({p.voted}) lớn hơn tổng số cử tri trong danh sách "
            f"({p.voters_on_list}).",
        )
    if p.ballots_issued > p.voters_on_list:
        add(
            "issued_above_list",
            f"Số phiếu phát ra ({p.ballots_issued}) lớn hơn tổng số cử tri trong danh sách "
            f"({p.voters_on_list}).",
        )
    if p.ballots_collected > p.ballots_issued:
        add(
            "collected_above_issued",
            f"Số phiếu thu vào ({p.ballots_collected}) lớn hơn số phiếu phát ra "
            f"({p.ballots_issued}).",
        )
    if p.ballots_collected > p.voted:
        add(
            "collected_above_voted",
            f"Số phiếu thu vào ({p.ballots_collected}) lớn hơn số cử tri đã bỏ phiếu ({p.voted}).",
        )
    if p.valid + p.invalid != p.ballots_collected:
        add(
            "valid_invalid_collected",
            f"Số phiếu hợp lệ ({p.valid}) cộng số phiếu không hợp lệ ({p.invalid}) bằng "
            f"{p.valid + p.invalid}, khác số phiếu thu vào ({p.ballots_collected}).",
        )
    known = {c.name for c in candidates}
    for name in p.votes:
        if name not in known:
            add(
                "unknown_candidate",
                f"Có số phiếu bầu cho “{name}”, người không có trong danh sách ứng cử.",
            )
    total = 0
    for name, count in p.votes.items():
        if count < 0:
            add("negative", f"Số phiếu bầu cho “{name}” là số âm ({count}).")
        if count > p.valid:
            add(
                "candidate_above_valid",
                f"Số phiếu bầu cho “{name}” ({count}) lớn hơn số phiếu hợp lệ ({p.valid}).",
            )
        total += count
    if total > p.valid * seats:
        add(
            "total_above_valid_times_seats",
            f"Tổng số phiếu bầu cho các người ứng cử ({total}) lớn hơn số phiếu hợp lệ nhân "
            f"số đại biểu được bầu ({p.valid} × {seats} = {p.valid * seats}).",
        )
    # A valid ballot keeps at least one name: striking every name makes it invalid (Đ74, BC-15 (4)).
    if total < p.valid:
        add(
            "total_below_valid",
            f"Tổng số phiếu bầu cho các người ứng cử ({total}) nhỏ hơn số phiếu hợp lệ "
            f"({p.valid}); "
            "phiếu gạch hết tên là phiếu không hợp lệ, nên mỗi phiếu hợp lệ có ít nhất một tên.",
        )
    return problems


def check(constituency: Constituency) -> list[Problem]:
    """Every problem of the constituency: its own (seats, candidates) and each area's."""
    problems: list[Problem] = []
    if constituency.seats < 1:
        problems.append(
            Problem(
                "seats", f"Số đại biểu được bầu phải từ 1 trở lên (đang là {constituency.seats})."
            )
        )
    names = [c.name for c in constituency.candidates]
    problems.extend(
        Problem("duplicate_candidate", f"Người ứng cử “{name}” có tên trùng trong danh sách.")
        for name in sorted({n for n in names if names.count(n) > 1})
    )
    if not constituency.candidates:
        problems.append(Problem("no_candidates", "Danh sách người ứng cử trống."))
    if not constituency.protocols:
        problems.append(
            Problem("no_areas", "Không có biên bản kiểm phiếu của khu vực bỏ phiếu nào.")
        )
    seats = max(constituency.seats, 1)
    for protocol in constituency.protocols:
        problems.extend(check_protocol(protocol, constituency.candidates, seats))
    return problems


# --- tabulation ----------------------------------------------------------------------------------


def aggregate(protocols: Iterable[Protocol]) -> Totals:
    """Sum the polling areas (Ban bầu cử's minutes, Đ76–Đ77, BC-22)."""
    voters = voted = issued = collected = valid = invalid = 0
    votes: dict[str, int] = {}
    for p in protocols:
        voters += p.voters_on_list
        voted += p.voted
        issued += p.ballots_issued
        collected += p.ballots_collected
        valid += p.valid
        invalid += p.invalid
        for name, count in p.votes.items():
            votes[name] = votes.get(name, 0) + count
    return Totals(voters, voted, issued, collected, valid, invalid, votes)


def decide(constituency: Constituency, totals: Totals) -> Result:
    """The result from consistent totals (Đ78–Đ80)."""
    seats = constituency.seats
    turnout = (
        Fraction(totals.voted, totals.voters_on_list) if totals.voters_on_list else Fraction(0)
    )
    ranking = tuple(c.name for c in rank(constituency.candidates, totals.votes))
    if (
        not turnout_reached(totals.voted, totals.voters_on_list)
        and constituency.round is not Round.REVOTE
    ):
        return Result(Outcome.REVOTE, (), seats, False, turnout, totals, ranking)
    elected, undecided = winners(constituency.candidates, totals.votes, totals.valid, seats)
    # Seats tied on votes and birth date are not vacant: the election body decides (decision 0183).
    pending = seats - len(elected) if undecided else 0
    unfilled = seats - len(elected) - pending
    additional = additional_election_needed(
        constituency.assembly, constituency.round, seats, len(elected) + pending
    )
    return Result(Outcome.VALID, elected, unfilled, additional, turnout, totals, ranking, undecided)


def tabulate(constituency: Constituency) -> Result:
    """Check every protocol, then count; :class:`InconsistentProtocols` lists every error."""
    problems = check(constituency)
    if problems:
        raise InconsistentProtocols(problems)
    return decide(constituency, aggregate(constituency.protocols))


def could_change(constituency: Constituency, result: Result, pending_voters: int) -> bool:
    """Whether polling areas not yet counted, with *pending_voters* on their lists, could still
    change the outcome (valid or re-vote) or who is elected, whatever their protocols say.

    Worst cases: none of the pending voters vote, or all vote and every ballot is valid; every
    such ballot may add one vote to any candidate (a ballot names each candidate at most once).
    """
    if pending_voters <= 0:
        return False
    t = result.totals
    on_list = t.voters_on_list + pending_voters
    low = turnout_reached(t.voted, on_list)
    high = turnout_reached(t.voted + pending_voters, on_list)
    if constituency.round is not Round.REVOTE and low != high:
        return True
    if constituency.round is not Round.REVOTE and not high:
        return False  # a re-vote whatever the pending areas say
    if result.undecided:
        return True
    votes, valid, h = t.votes, t.valid, pending_voters
    elected = set(result.elected)
    for name in elected:
        if not more_than_half(votes.get(name, 0), valid + h):
            return True  # could fall to half or below
    weakest = min((votes.get(n, 0) for n in elected), default=None)
    seats_open = len(elected) < constituency.seats
    for candidate in constituency.candidates:
        if candidate.name in elected:
            continue
        best = votes.get(candidate.name, 0) + h
        if more_than_half(best, valid + h) and (
            seats_open or (weakest is not None and best >= weakest)
        ):
            return True
    return False


# --- reading the command line's JSON -------------------------------------------------------------

PROTOCOL_FIELDS = (
    "voters_on_list",
    "voted",
    "ballots_issued",
    "ballots_collected",
    "valid",
    "invalid",
)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def parse_constituency(data: object) -> Constituency:
    """Build a constituency from the JSON shape of ``phoihop elections tabulate``.

    Raises :class:`InputError` listing every shape problem (in Vietnamese).
    """
    problems: list[str] = []
    if not isinstance(data, dict):
        raise InputError(["Tệp phải là một đối tượng JSON mô tả một đơn vị bầu cử."])
    assembly: Assembly | None = None
    try:
        assembly = Assembly(str(data.get("assembly")))
    except ValueError:
        problems.append("“assembly” phải là một trong: na, provincial_council, commune_council.")
    round_: Round | None = None
    try:
        round_ = Round(data.get("round", "first"))
    except ValueError:
        problems.append("“round” phải là một trong: first, additional, revote.")
    seats = data.get("seats")
    if not _is_int(seats):
        problems.append("“seats” (số đại biểu được bầu) phải là số nguyên.")
    candidates: list[Candidate] = []
    raw_candidates = data.get("candidates")
    if not isinstance(raw_candidates, list):
        problems.append("“candidates” phải là một danh sách.")
        raw_candidates = []
    for index, raw in enumerate(raw_candidates, start=1):
        if (
            not isinstance(raw, dict)
            or not isinstance(raw.get("name"), str)
            or not raw["name"].strip()
        ):
            problems.append(f"Người ứng cử thứ {index}: thiếu “name”.")
            continue
        try:
            born = datetime.date.fromisoformat(str(raw.get("born")))
        except ValueError:
            problems.append(f"Người ứng cử “{raw['name']}”: “born” phải là ngày dạng YYYY-MM-DD.")
            continue
        candidates.append(Candidate(raw["name"].strip(), born))
    protocols: list[Protocol] = []
    raw_areas = data.get("polling_areas")
    if not isinstance(raw_areas, list):
        problems.append("“polling_areas” phải là một danh sách.")
        raw_areas = []
    for index, raw in enumerate(raw_areas, start=1):
        label = f"Khu vực bỏ phiếu {index}"
        if isinstance(raw, dict) and isinstance(raw.get("name"), str):
            label = f"{label} ({raw['name']})"
        if not isinstance(raw, dict):
            problems.append(f"{label}: phải là một đối tượng JSON.")
            continue
        bad = False
        for name in PROTOCOL_FIELDS:
            if not _is_int(raw.get(name)):
                problems.append(f"{label}: “{name}” phải là số nguyên.")
                bad = True
        votes = raw.get("votes")
        if not isinstance(votes, dict) or not all(_is_int(v) for v in votes.values()):
            problems.append(f"{label}: “votes” phải là đối tượng {{tên: số phiếu nguyên}}.")
            continue
        if bad:
            continue
        protocols.append(
            Protocol(
                raw["voters_on_list"],
                raw["voted"],
                raw["ballots_issued"],
                raw["ballots_collected"],
                raw["valid"],
                raw["invalid"],
                {str(k).strip(): v for k, v in votes.items()},
                label,
            )
        )
    if problems or assembly is None or round_ is None or not isinstance(seats, int):
        raise InputError(problems)
    return Constituency(assembly, round_, seats, tuple(candidates), tuple(protocols))
