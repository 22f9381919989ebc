"""Letter services. Import from here: ``from phoihop.letters.services import letter_register``."""

from phoihop.letters.services.coordination import follow_up_answer, follow_up_send
from phoihop.letters.services.intake import (
    ReceivedDocument,
    Sender,
    forwarding_acknowledge,
    letter_assign,
    letter_classify,
    letter_file_away,
    letter_forward,
    letter_guide,
    letter_mark_duplicate,
    letter_register,
    letter_return,
    letter_split,
)
from phoihop.letters.services.resolution import (
    letter_accept,
    letter_conclude,
    letter_extend,
    letter_notify_parties,
    letter_publish,
    letter_resume,
    letter_suspend,
    letter_verify,
    letter_withdraw,
)

__all__ = [
    "ReceivedDocument",
    "Sender",
    "follow_up_answer",
    "follow_up_send",
    "forwarding_acknowledge",
    "letter_accept",
    "letter_assign",
    "letter_classify",
    "letter_conclude",
    "letter_extend",
    "letter_file_away",
    "letter_forward",
    "letter_guide",
    "letter_mark_duplicate",
    "letter_notify_parties",
    "letter_publish",
    "letter_register",
    "letter_resume",
    "letter_return",
    "letter_split",
    "letter_suspend",
    "letter_verify",
    "letter_withdraw",
]
