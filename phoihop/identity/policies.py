from phoihop.access.policy import OrganizationGrantPolicy
from phoihop.access.registry import register_policy
from phoihop.identity.models import Identity


@register_policy
class IdentityPolicy(OrganizationGrantPolicy):
    """Only an explicit clearance opens the vault: ``identity.read_identity`` on the holding
    body, given by the ``identity_clearance`` role and by no other. Superusers (and the system
    account) pass, as everywhere; every read is audited all the same.
    """

    model = Identity
    actions = ("read",)
