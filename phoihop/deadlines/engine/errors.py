"""Errors of the deadline engine (no Django: the engine is plain Python)."""


class DeadlineEngineError(Exception):
    """Base class; the message is written for the person who gave the input."""


class UnknownRuleError(DeadlineEngineError, LookupError):
    def __init__(self, rule_id: str) -> None:
        super().__init__(f"Không có quy tắc thời hạn '{rule_id}'.")
        self.rule_id = rule_id


class VariantNotAvailableError(DeadlineEngineError, ValueError):
    def __init__(self, rule_id: str, variant: str) -> None:
        super().__init__(f"Quy tắc {rule_id} không có biến thể '{variant}'.")
        self.rule_id = rule_id
        self.variant = variant


class CalendarUnavailableError(DeadlineEngineError, ValueError):
    """The calendar cannot be built for a year (outside the lunar tables, or no working day)."""


class CalendarDataError(DeadlineEngineError, ValueError):
    """A calendar or rule data file is malformed."""
