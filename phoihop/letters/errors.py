from phoihop.core.errors import ApplicationError


class LetterInputError(ApplicationError):
    """The letter as given cannot be registered (empty content, unknown channel...)."""


class LetterStateError(ApplicationError):
    """The step does not fit the letter's status or kind."""


class LetterNotEligibleError(ApplicationError):
    """The letter does not meet the conditions to be accepted (Luật Khiếu nại Đ11...)."""


class LetterAlreadyForwardedError(ApplicationError):
    """A denunciation with the same content was already forwarded (TT 05/2021, XL-05)."""


class LetterExtensionError(ApplicationError):
    """The extension is not allowed (Luật Tố cáo Đ30)."""
