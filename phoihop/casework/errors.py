from phoihop.core.errors import ApplicationError


class ItemStateError(ApplicationError):
    """The step does not fit the item's status."""


class ItemInputError(ApplicationError):
    """The step as given cannot be taken (empty content, an unknown kind...)."""
