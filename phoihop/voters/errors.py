from phoihop.core.errors import ApplicationError


class VotersError(ApplicationError):
    """A rule of voter contact was broken (message in Vietnamese)."""


class ImportRowError(VotersError):
    """An imported or pasted list has a bad row: nothing was recorded."""
