"""Deadline rules: what the law counts, in which days, from which event (RULEBOOK ids)."""

from dataclasses import dataclass, replace
from enum import StrEnum

from phoihop.deadlines.engine.errors import UnknownRuleError, VariantNotAvailableError


class DayType(StrEnum):
    CALENDAR = "calendar"  # "ngày" (RULEBOOK G-02, G-03, G-05)
    WORKING = "working"  # "ngày làm việc" (G-06)


class Direction(StrEnum):
    AFTER = "after"  # counted from the day after the event (BLDS 2015 Đ147 k3, G-01)
    BEFORE = "before"  # "chậm nhất N ngày trước": counted back, the event day excluded


class Roll(StrEnum):
    FORWARD = "forward"  # BLDS 2015 Đ148 k5 (G-03)
    BACKWARD = "backward"
    NONE = "none"


class Variant(StrEnum):
    NORMAL = "normal"
    COMPLEX = "complex"
    ESPECIALLY_COMPLEX = "especially_complex"
    REMOTE = "remote"
    REMOTE_COMPLEX = "remote_complex"


VARIANT_LABELS = {
    Variant.NORMAL: "thông thường",
    Variant.COMPLEX: "phức tạp",
    Variant.ESPECIALLY_COMPLEX: "đặc biệt phức tạp",
    Variant.REMOTE: "vùng sâu, vùng xa",
    Variant.REMOTE_COMPLEX: "vùng sâu, vùng xa, phức tạp",
    "remote_especially_complex": "vùng sâu, vùng xa, đặc biệt phức tạp",
}


def variant_for(*, complex: bool, especially_complex: bool, remote: bool) -> str:
    """Name the variant a case falls under; "especially complex" wins over "complex"."""
    if especially_complex:
        return "remote_especially_complex" if remote else Variant.ESPECIALLY_COMPLEX
    if complex:
        return Variant.REMOTE_COMPLEX if remote else Variant.COMPLEX
    return Variant.REMOTE if remote else Variant.NORMAL


@dataclass(frozen=True)
class Rule:
    """One statutory time limit, with its citation and the rulebook's confidence (H/M/L)."""

    id: str
    title: str
    title_en: str
    trigger: str
    day_type: DayType
    direction: Direction
    counts: dict[str, int]
    citation: str
    confidence: str
    roll: Roll = Roll.FORWARD
    open_reading: bool = False
    note: str = ""
    # A period the citizen keeps (limitation, window for a second complaint), not the
    # administration: its end rolls past the citizen's days off too (decision 0121).
    citizen_period: bool = False
    # The law leaves the number to the province: a deployment sets it, with the province's
    # own citation, in ``PROVINCE_RULES`` (decision 0166).
    province_sets: bool = False

    def count(self, variant: str) -> int:
        try:
            return self.counts[variant]
        except KeyError:
            label = VARIANT_LABELS.get(variant, "không xác định")
            raise VariantNotAvailableError(self.id, label) from None

    def with_day_type(self, day_type: DayType) -> "Rule":
        """The same rule read in other days; only for rules whose reading is open (G-05)."""
        return replace(self, day_type=day_type)

    def with_province_counts(self, counts: dict[str, int], citation: str) -> "Rule":
        """The same rule with the province's own figure and the text that sets it."""
        if not self.province_sets:
            raise ValueError(f"{self.id}: luật quy định số ngày, tỉnh không đặt lại được")
        if not citation.strip() or "normal" not in counts:
            raise ValueError(f"{self.id}: cần số ngày (normal) và căn cứ của tỉnh")
        return replace(
            self,
            counts={str(Variant(k)): int(v) for k, v in counts.items()},
            citation=citation.strip(),
            confidence="H",
            note=f"Số ngày do tỉnh quy định. Căn cứ của luật: {self.citation}",
        )


class RuleSet:
    """The rules in force, by id."""

    def __init__(self, rules: list[Rule], version: int = 0) -> None:
        self.version = version
        self._rules = {r.id: r for r in rules}

    def get(self, rule_id: str) -> Rule:
        try:
            return self._rules[rule_id]
        except KeyError:
            raise UnknownRuleError(rule_id) from None

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._rules

    def __iter__(self):
        return iter(self._rules.values())

    def __len__(self) -> int:
        return len(self._rules)

    def with_day_types(self, overrides: dict[str, str]) -> "RuleSet":
        """Apply per-rule day-type settings (e.g. ``{"KN-03": "working"}``, decision 0021)."""
        rules = []
        for rule in self._rules.values():
            if rule.id in overrides:
                rule = rule.with_day_type(DayType(overrides[rule.id]))
            rules.append(rule)
        unknown = set(overrides) - set(self._rules)
        if unknown:
            raise UnknownRuleError(sorted(unknown)[0])
        return RuleSet(rules, self.version)

    def with_province_counts(self, overrides: dict[str, dict]) -> "RuleSet":
        """Apply the province's figures where the law leaves them to it, e.g.
        ``{"KNCT-05": {"normal": 30, "citation": "QĐ .../QĐ-UBND Đ..."}}`` (decision 0166);
        a rule the law fixes is refused."""
        unknown = set(overrides) - set(self._rules)
        if unknown:
            raise UnknownRuleError(sorted(unknown)[0])
        rules = []
        for rule in self._rules.values():
            if rule.id in overrides:
                row = dict(overrides[rule.id])
                citation = str(row.pop("citation", ""))
                rule = rule.with_province_counts({k: int(v) for k, v in row.items()}, citation)
            rules.append(rule)
        return RuleSet(rules, self.version)
