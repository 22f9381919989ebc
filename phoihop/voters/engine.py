"""The one door from this area to the text engine (``phoihop.text``): only its public
functions are used, here, so that a rewrite of the engine's internals touches one file.

- ``fold(text)``: the diacritic-free, lower-case key of a text;
- ``group(items)``: the engine's groups of petitions with their evidence and suggestion;
- ``suggest_for(text, commune)``: field, level and agency for one text.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from phoihop.text.classify import suggest
from phoihop.text.consolidate import Petition as EnginePetition
from phoihop.text.consolidate import consolidate
from phoihop.text.normalize import fold as _fold


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    commune: str = ""
    meeting: str = ""


@dataclass(frozen=True)
class Proposal:
    """One group the engine proposes: its members (``Item.id``), the evidence and the
    suggested field, level (``xã``/``tỉnh``/``trung ương``) and agency."""

    key: str
    members: tuple[str, ...]
    roads: tuple[str, ...]
    names: tuple[str, ...]
    terms: tuple[str, ...]
    explanation: str
    field: str
    level: str
    agency: str


def fold(text: str) -> str:
    return _fold(text)


def group(items: Sequence[Item]) -> list[Proposal]:
    if not items:
        return []
    result = consolidate(
        [EnginePetition(id=i.id, text=i.text, commune=i.commune, meeting=i.meeting) for i in items]
    )
    proposals = []
    for g in result.groups:
        s = g.suggestion
        proposals.append(
            Proposal(
                key=g.key,
                members=tuple(items[m].id for m in g.members),
                roads=tuple(g.shared_roads),
                names=tuple(g.shared_names),
                terms=tuple(g.shared_terms),
                explanation=g.explanation(),
                field=s.field if s else "khác",
                level=s.level if s else "tỉnh",
                agency=s.agency if s else "",
            )
        )
    return proposals


def suggest_for(text: str, commune: str = "") -> tuple[str, str, str]:
    s = suggest(text, commune=commune)
    return s.field, s.level, s.agency
