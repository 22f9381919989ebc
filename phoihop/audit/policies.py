from phoihop.access.policy import OrganizationGrantPolicy
from phoihop.access.registry import register_policy
from phoihop.audit.models import AuditEvent


@register_policy
class AuditEventPolicy(OrganizationGrantPolicy):
    """Leaders, supervisors and administrators read the log of their organization subtree."""

    model = AuditEvent
    actions = ("view",)
