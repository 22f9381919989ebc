from phoihop.core.errors import ApplicationError


class SupervisionInputError(ApplicationError):
    """The input does not make a valid programme, plan, recommendation or question."""


class SupervisionStateError(ApplicationError):
    """The step does not fit the item's status."""
