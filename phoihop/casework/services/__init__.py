"""The services every area calls on its tracked items.

Import from here: ``from phoihop.casework.services import item_assign, step_add``.
"""

from phoihop.casework.services.assignment import item_assign
from phoihop.casework.services.following import item_follow, item_unfollow, progress_digest_send
from phoihop.casework.services.handover import handover_acknowledge, handover_refuse
from phoihop.casework.services.history import step_add
from phoihop.casework.services.items import item_create, item_locked, item_require_status
from phoihop.casework.services.links import item_link
from phoihop.casework.services.supervision import (
    follow_up_answer,
    follow_up_period,
    follow_up_send,
    supervising_bodies,
    supervision_assign,
    supervision_revoke,
)

__all__ = [
    "follow_up_answer",
    "follow_up_period",
    "follow_up_send",
    "handover_acknowledge",
    "handover_refuse",
    "item_assign",
    "item_create",
    "item_follow",
    "item_link",
    "item_locked",
    "item_require_status",
    "item_unfollow",
    "progress_digest_send",
    "step_add",
    "supervising_bodies",
    "supervision_assign",
    "supervision_revoke",
]
