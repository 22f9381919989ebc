"""Deadline rules: what the law counts, in which days, from which event (RULEBOOK ids)."""

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from phoihop.deadlines.engine.errors import (
    ProvincialRuleMissingError,
    UnknownRuleError,
    VariantNotAvailableError,
)


class DayType(StrEnum):
    CALENDAR = "calendar"  # "ngày" (RULEBOOK G-02, G-03, G-05)
    WORKING = "working"  # "ngày làm việc" (G-06)


# How a document names the days a rule counts in.
DAY_TYPE_LABELS = {DayType.CALENDAR: "ngày", DayType.WORKING: "ngày làm việc"}


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
    # The law leaves the number to each province (its council's working rules, RULEBOOK KH-04,
    # KH-05; its People's Committee's regulation, KNCT-05): a provincial rule set gives it
    # (``ProvincialRules``). Most such rules have no count of their own; one that carries a
    # count uses it until the province's text is loaded (decision 0166).
    provincial: bool = False

    def count(self, variant: str) -> int:
        try:
            return self.counts[variant]
        except KeyError:
            label = VARIANT_LABELS.get(variant, "không xác định")
            raise VariantNotAvailableError(self.id, label) from None

    def period(self, variant: str = "normal", *, english: bool = False) -> str:
        """The time limit in words, as a document states it: "10 ngày làm việc", "05 ngày"
        (in English, for the interface: "10 working days", "5 days")."""
        count, working = self.count(variant), self.day_type is DayType.WORKING
        if english:
            return f"{count} {'working ' if working else ''}day{'s' if count != 1 else ''}"
        return f"{count:02d} {DAY_TYPE_LABELS[self.day_type]}"

    def with_day_type(self, day_type: DayType) -> "Rule":
        """The same rule read in other days; only for rules whose reading is open (G-05)."""
        return replace(self, day_type=day_type)


@dataclass(frozen=True)
class ProvincialRules:
    """The counts one province's working rules (quy chế làm việc) give to provincial rules,
    for the period they are in force (a term, until the next quy chế: RULEBOOK GK-12).

    Each count becomes a rule of its own, ``<base id>@<key>`` (``KH-05@HL26``), so a running
    clock keeps the number it was started with when the province changes its rules."""

    key: str
    province: str  # the administrative unit's code
    valid_from: date
    valid_to: date | None
    source: str
    confidence: str
    counts: dict[str, int]

    def covers(self, province: str, on: date) -> bool:
        return (
            self.province == province
            and self.valid_from <= on
            and (self.valid_to is None or on <= self.valid_to)
        )


PROVINCIAL_SEPARATOR = "@"


class RuleSet:
    """The rules in force, by id."""

    def __init__(
        self,
        rules: list[Rule],
        version: int = 0,
        provincial: tuple[ProvincialRules, ...] = (),
    ) -> None:
        self.version = version
        self._rules = {r.id: r for r in rules}
        self.provincial = provincial

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
        return RuleSet(rules, self.version, self.provincial)

    def with_provincial(
        self, sets: "tuple[ProvincialRules, ...] | list[ProvincialRules]"
    ) -> "RuleSet":
        """Add each province's counts of the provincial rules as rules ``<id>@<key>``.

        Raises ``UnknownRuleError`` for a count of a rule that is unknown or not provincial."""
        rules = list(self._rules.values())
        for provincial in sets:
            for base_id, count in provincial.counts.items():
                base = self._rules.get(base_id)
                if base is None or not base.provincial:
                    raise UnknownRuleError(base_id)
                rules.append(
                    replace(
                        base,
                        id=f"{base_id}{PROVINCIAL_SEPARATOR}{provincial.key}",
                        counts={Variant.NORMAL.value: int(count)},
                        citation=f"{base.citation}; {provincial.source}",
                        confidence=provincial.confidence,
                        provincial=False,
                    )
                )
        return RuleSet(rules, self.version, (*self.provincial, *sets))

    def for_province(self, rule_id: str, province: str, on: date) -> str:
        """The id of *rule_id* as the working rules of *province* in force on *on* count it
        (*rule_id* itself when it is not provincial).

        Raises ``ProvincialRuleMissingError`` when no rules of the province give it and the rule
        has no interim count of its own (RULEBOOK KH-05: no national default)."""
        rule = self.get(rule_id)
        if not rule.provincial:
            return rule_id
        for provincial in self.provincial:
            if provincial.covers(province, on) and rule_id in provincial.counts:
                return f"{rule_id}{PROVINCIAL_SEPARATOR}{provincial.key}"
        if rule.counts:
            return rule_id
        raise ProvincialRuleMissingError(rule_id, province, on)
