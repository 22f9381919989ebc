from phoihop.core.errors import ApplicationError


class CouncilInputError(ApplicationError):
    """The input does not make a valid session, agenda item, vote, decision or briefing."""


class CouncilStateError(ApplicationError):
    """The step does not fit the record's status."""
