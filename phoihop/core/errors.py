"""Errors that services raise for broken domain rules; views turn them into messages."""


class ApplicationError(Exception):
    """A domain rule was broken. ``message`` is for the user, in the active language."""

    def __init__(self, message: str, *, code: str = "", extra: dict | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.extra = extra or {}
