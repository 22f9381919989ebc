"""Who may do what in law-making participation.

Drafts follow the consulting body's grants (``lawmaking.<action>_draft``). Consultations and
agency requests are that body's tracked items (``TrackedItemPolicy``); comments, opinions and
conferences are reached only through their consultation.
"""

from phoihop.access.policy import OrganizationGrantPolicy
from phoihop.access.registry import register_policy
from phoihop.casework.policies import TrackedItemPolicy
from phoihop.lawmaking.models import AgencyRequest, Consultation, Draft


@register_policy
class DraftPolicy(OrganizationGrantPolicy):
    model = Draft
    actions = ("view", "add", "change")


@register_policy
class ConsultationPolicy(TrackedItemPolicy):
    model = Consultation
    actions = ("view", "work", "assign", "supervise", "change", "report")


@register_policy
class AgencyRequestPolicy(TrackedItemPolicy):
    model = AgencyRequest
    actions = ("view", "work", "assign", "supervise", "change")
