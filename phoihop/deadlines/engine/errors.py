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


class ProvincialRuleMissingError(DeadlineEngineError, LookupError):
    """The law leaves the count to the province and no working rules of it give one."""

    def __init__(self, rule_id: str, province: str, on) -> None:
        super().__init__(
            f"Quy chế làm việc của tỉnh ({province}) có hiệu lực ngày {on:%d/%m/%Y} chưa được "
            f"nạp số ngày cho quy tắc {rule_id}; luật không có số mặc định."
        )
        self.rule_id = rule_id
        self.province = province
