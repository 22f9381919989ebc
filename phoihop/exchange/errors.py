from phoihop.core.errors import ApplicationError


class ExchangeInputError(ApplicationError):
    """The input does not make a valid dispatch, registration or report."""


class ExchangeStateError(ApplicationError):
    """The step does not fit the record's status."""
