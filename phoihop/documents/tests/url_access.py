"""The document pages: who may reach them (phoihop/web/tests/test_url_coverage.py)."""

from datetime import date

from phoihop.testing import UrlCheck


def _document(tree, user):
    from phoihop.accounts.services import system_actor
    from phoihop.documents.models import Document
    from phoihop.documents.services import document_issue

    document = document_issue(
        actor=system_actor(),
        organization=tree.own,
        doc_type=Document.Type.REPORT,
        title="Báo cáo",
        issued_on=date(2026, 6, 30),
        draft=True,
    )
    return {"public_id": document.public_id}


VIEW = "documents.view_document"
PROTECTED = {
    "documents:detail": UrlCheck(permission=VIEW, kwargs=_document),
    "documents:download": UrlCheck(permission=VIEW, kwargs=_document),
}
