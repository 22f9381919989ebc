"""Who may see the sender's name printed on a document about a letter (decision 0141).

A document addressed to the sender carries a placeholder; it is filled when the document is
rendered. For a denunciation only an account cleared to read the identity sees the name
(Luật Tố cáo Đ47 k1 b, Đ56 k2), and so for a letter not yet classified or with several
contents (it may be a denunciation); for a complaint or a petition, the officers who handle the
letter and those who prepare the body's documents. Every fill is audited (``identity.addressed``).
"""

from phoihop.access.policy import allowed_in, can
from phoihop.documents.letter_forms import may_name_sender_to_others
from phoihop.documents.registry import register_addressee
from phoihop.documents.services import Addressee
from phoihop.identity.services import identity_addressee
from phoihop.letters.models import Letter


def letter_addressee(document, letter: Letter, viewer) -> Addressee | None:
    if letter.sender_id is None:
        return None
    if not may_name_sender_to_others(letter.kind):
        allowed = can(viewer, "read", letter.sender)
    else:
        allowed = (
            can(viewer, "triage", letter)
            or can(viewer, "resolve", letter)
            or allowed_in(viewer, "documents.change_document", document.organization)
        )
    if not allowed:
        return None
    name, address = identity_addressee(
        actor=viewer,
        identity=letter.sender,
        purpose=f"In văn bản {document.symbol or 'dự thảo'} gửi người gửi đơn {letter.reference}",
    )
    return Addressee(name=name, address=address)


register_addressee(Letter, letter_addressee)
