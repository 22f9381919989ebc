from phoihop.core.errors import ApplicationError


class DeadlineRuleError(ApplicationError):
    """The rule, variant or date cannot give a due date (wraps the engine's message)."""


class DeadlineStateError(ApplicationError):
    """The step does not fit the deadline's status (e.g. resuming a running clock)."""


class DeadlineDateError(ApplicationError):
    """A date given for a step is before the step it follows."""
