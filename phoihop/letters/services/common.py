"""What the letter services share beyond the casework layer: the clock families of a letter,
the content key and the documents issued about a letter. Not an entry point."""

import hashlib
from collections.abc import Sequence
from datetime import date

from phoihop.documents.services import document_issue
from phoihop.letters.models import Letter
from phoihop.text.normalize import search_key

# The clocks of intake, stopped by the intake outcome (accept, forward, guide, return, file,
# use for inspection, refuse). TC-02 (forward a denunciation outside competence within 5
# working days) and TC-03 (report the handling to the body that forwarded it, within 20 days)
# measure intake, not resolution (Luật TC Đ24 k2, Đ26 k2; decision 0120).
INTAKE_RULES = ("XL-07", "KN-03", "KN-07", "TC-01", "TC-02", "TC-03")
# The clocks of resolution, stopped by the decision or conclusion.
RESOLUTION_RULES = ("KN-04", "KN-05", "KN-08", "TC-08")


def content_key(content: str) -> str:
    """The same matter written the same way, whatever the accents and spacing (XL-05)."""
    return hashlib.sha256(search_key(content).encode()).hexdigest()


def issue(
    letter: Letter,
    *,
    actor,
    doc_type: str,
    title: str,
    on: date,
    paragraphs: Sequence[str],
    recipients: Sequence[str] = (),
):
    """A numbered document about *letter*. It names the sender only by pseudonym."""
    return document_issue(
        actor=actor,
        organization=letter.organization,
        doc_type=doc_type,
        title=title,
        issued_on=on,
        paragraphs=[
            f"Đơn số {letter.reference}, nhận ngày {letter.received_on:%d/%m/%Y}, "
            f"người gửi: {letter.sender_label}.",
            *paragraphs,
        ],
        recipients=recipients,
        target=letter,
        signer_authority="TM." if letter.organization.parent_id is None else "",
        signer_title=letter.organization.name,
    )
