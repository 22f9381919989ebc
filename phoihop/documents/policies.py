from phoihop.access.policy import OrganizationGrantPolicy
from phoihop.access.registry import register_policy
from phoihop.documents.models import Document


@register_policy
class DocumentPolicy(OrganizationGrantPolicy):
    """Staff holding ``documents.view_document`` on the issuing body read its documents.

    Documents attached to a case are also reachable through the case's own pages, which check
    the case's policy instead (a supervising body reads the forwarding slip of a case it sees).
    """

    model = Document
    # change: edit a draft and issue it (take its number), held by clerks, specialists and
    # leaders of the issuing body.
    actions = ("view", "change")
