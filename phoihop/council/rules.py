"""The council area's rules that are data (``data/council.toml``): voting thresholds counted
against the total number of deputies, the documents a dossier needs, the invited composition of
a briefing. Plain Python; the numbers come from the data file with their citations."""

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "council.toml"


@dataclass(frozen=True)
class Threshold:
    code: str
    label: str
    numerator: int
    denominator: int
    strict: bool
    citation: str

    def met(self, yes: int, total: int) -> bool:
        """Whether *yes* of *total* deputies reach the threshold (integers only)."""
        left, right = yes * self.denominator, self.numerator * total
        return left > right if self.strict else left >= right

    def minimum(self, total: int) -> int:
        """The fewest yes votes that reach it: ``⌊n·T/d⌋ + 1`` (strict) or ``⌈n·T/d⌉``."""
        product = self.numerator * total
        if self.strict:
            return product // self.denominator + 1
        return -(-product // self.denominator)


@dataclass(frozen=True)
class InvitedPost:
    body_kind: str
    post: str
    delegation: bool


@cache
def _data() -> dict:
    with DATA.open("rb") as fh:
        return tomllib.load(fh)


def threshold(code: str) -> Threshold:
    try:
        row = _data()["thresholds"][code]
    except KeyError:
        from phoihop.council.errors import CouncilInputError

        raise CouncilInputError(f"Không có ngưỡng biểu quyết '{code}'.", code="threshold") from None
    return Threshold(
        code=code,
        label=row["label"],
        numerator=int(row["numerator"]),
        denominator=int(row["denominator"]),
        strict=bool(row["strict"]),
        citation=row["citation"],
    )


def threshold_choices() -> list[tuple[str, str]]:
    return [(code, row["label"]) for code, row in _data()["thresholds"].items()]


def submission_documents(matter: str) -> tuple[str, ...]:
    return tuple(_data()["submission_documents"].get(matter, ()))


def agenda_documents(kind: str) -> tuple[str, ...]:
    return tuple(_data()["agenda_documents"].get(kind, ()))


def secret_by_default(kind: str) -> bool:
    return kind in _data()["secret_ballot_kinds"]


def briefing_composition() -> tuple[InvitedPost, ...]:
    return tuple(
        InvitedPost(row["body_kind"], row["post"], bool(row["delegation"]))
        for row in _data()["briefing_composition"]
    )
