from phoihop.core.errors import ApplicationError


class DocumentNumberError(ApplicationError):
    """A number could not be taken from the register."""
