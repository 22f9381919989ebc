from phoihop.core.errors import ApplicationError


class ReceptionError(ApplicationError):
    """A rule of citizen reception was broken."""


class VisitWithoutContentError(ReceptionError):
    pass


class VisitAnsweredError(ReceptionError):
    pass


class MassVisitRepresentativeError(ReceptionError):
    pass
