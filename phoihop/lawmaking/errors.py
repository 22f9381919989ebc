from phoihop.core.errors import ApplicationError


class LawmakingInputError(ApplicationError):
    """The input does not make a valid draft, consultation, request or comment."""


class LawmakingStateError(ApplicationError):
    """The step does not fit the consultation's or the request's status."""


class VerificationError(ApplicationError):
    """The one-time code is wrong, expired or spent."""
