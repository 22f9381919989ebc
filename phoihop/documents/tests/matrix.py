from datetime import date

from phoihop.accounts.services import system_actor
from phoihop.documents.models import Document
from phoihop.documents.services import document_issue


def _document(organization, user) -> Document:
    return document_issue(
        actor=system_actor(),
        organization=organization,
        doc_type=Document.Type.REPORT,
        title="Báo cáo công tác tiếp công dân",
        issued_on=date(2026, 6, 30),
        paragraphs=["Nội dung."],
    )


SUBJECTS = {Document: _document}
