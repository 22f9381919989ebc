"""Letter services, by step family. Import from here:
``from phoihop.letters.services import letter_register``.

Assignment, follow-up requests, links and the history are the casework layer's
(``phoihop.casework.services``), the same for every kind of item.
"""

from phoihop.letters.services.correction import letter_complexity_set, letter_reclassify
from phoihop.letters.services.outcomes import (
    forwarding_acknowledge,
    letter_file_away,
    letter_forward,
    letter_guide,
    letter_refuse,
    letter_return,
    letter_use_for_inspection,
)
from phoihop.letters.services.register import (
    ReceivedDocument,
    Sender,
    letter_identity_mark,
    letter_mark_duplicate,
    letter_register,
    letter_split,
)
from phoihop.letters.services.resolution import (
    letter_accept,
    letter_conclude,
    letter_dialogue,
    letter_extend,
    letter_notify_parties,
    letter_publish,
    letter_report_issue,
    letter_resume,
    letter_suspend,
    letter_take_step,
    letter_verify,
    letter_withdraw,
)
from phoihop.letters.services.triage import letter_classify

__all__ = [
    "ReceivedDocument",
    "Sender",
    "forwarding_acknowledge",
    "letter_accept",
    "letter_classify",
    "letter_complexity_set",
    "letter_conclude",
    "letter_dialogue",
    "letter_extend",
    "letter_file_away",
    "letter_forward",
    "letter_guide",
    "letter_identity_mark",
    "letter_mark_duplicate",
    "letter_notify_parties",
    "letter_publish",
    "letter_reclassify",
    "letter_refuse",
    "letter_register",
    "letter_report_issue",
    "letter_resume",
    "letter_return",
    "letter_split",
    "letter_suspend",
    "letter_take_step",
    "letter_use_for_inspection",
    "letter_verify",
    "letter_withdraw",
]
