"""What the letter services share beyond the casework layer: the clock families of a letter,
the content key and the documents issued about a letter. Not an entry point."""

import dataclasses
import hashlib
from collections.abc import Sequence
from datetime import date

from phoihop.documents import letter_forms
from phoihop.documents.models import Document
from phoihop.documents.services import (
    ADDRESSEE,
    ADDRESSEE_ADDRESS,
    document_issue,
    signer_for,
)
from phoihop.identity.redaction import REDACTED, reword
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


def letter_facts(letter: Letter, *, forward_to: str = "") -> letter_forms.CaseFacts:
    """What the documents of *letter* need to know (the content is the redacted one)."""
    organization = letter.organization
    return letter_forms.CaseFacts(
        body=organization.name,
        body_kind=organization.kind,
        reference=letter.reference,
        received_on=letter.received_on,
        content=letter.content,
        kind=letter.kind,
        sender_known=bool(letter.sender_id and letter.has_name_address),
        instance=letter.instance,
        forward_to=forward_to,
        accepted_on=letter.accepted_on,
        field=letter.field,
    )


def _compose(
    letter: Letter, doc_type: str, title: str, paragraphs: Sequence[str], recipients
) -> letter_forms.Composition:
    """The form of the document a step prepares, from its type and subject (the steps' own
    words become the document's specific part)."""
    lowered = title.lower()
    text = " ".join(paragraphs)
    if doc_type == Document.Type.FORWARDING_SLIP:
        to = recipients[0] if recipients else ""
        facts = letter_facts(letter, forward_to=to)
        return letter_forms.forwarding_slip(facts, note=" ".join(paragraphs[2:]))
    facts = letter_facts(letter)
    if doc_type == Document.Type.GUIDANCE:
        where = letter.competent_organization
        return letter_forms.guidance(
            facts, f" đến {where.name}" if where else "", note=" ".join(paragraphs[1:])
        )
    if "trả lại" in lowered:
        return letter_forms.return_notice(facts, note=" ".join(paragraphs[1:]))
    if "lưu đơn" in lowered:
        return letter_forms.filing_note(facts, note=" ".join(paragraphs[1:]))
    if "rút" in lowered:  # rút đơn, rút khiếu nại
        return letter_forms.step_decision(facts, letter_forms.WITHDRAWAL, title, text)
    if "gia hạn" in lowered:
        return letter_forms.step_decision(facts, letter_forms.EXTENSION, title, text)
    if "tạm đình chỉ" in lowered:
        return letter_forms.step_decision(
            facts, letter_forms.SUSPENSION, title, f"Tạm đình chỉ việc giải quyết. Lý do: {text}"
        )
    if "không thụ lý" in lowered:
        return letter_forms.refusal_notice(facts, [p.removeprefix("- ") for p in paragraphs[1:]])
    if "thụ lý" in lowered or "tiếp nhận" in lowered:
        return letter_forms.acceptance(facts, "")
    if doc_type == Document.Type.CONCLUSION:
        return letter_forms.denunciation_conclusion(facts, text)
    if doc_type == Document.Type.OFFICIAL_LETTER:
        return letter_forms.petition_answer(facts, text)
    return letter_forms.Composition(
        form="", doc_type=doc_type, title=title, paragraphs=paragraphs, recipients=recipients
    )


def worded_for_its_reader(composition: letter_forms.Composition) -> letter_forms.Composition:
    """The letter's content as a document quotes it, worded for the document's reader.

    The stored content has the sender's identity taken out (``REDACTED``, Luật Tố cáo Đ56 k2),
    a marker meant for the officers who verify the matter, not for a document. A document that
    names the sender (addressed to them, or about a complaint or a petition: it carries the
    ``ADDRESSEE`` placeholder) says the sender's name where their letter gave it and their
    address where it gave that — the placeholders, filled in only for a reader allowed to see
    them (the signer; for a denunciation only a cleared account; anyone else sees a blank,
    decision 0141) — and leaves out the rest (a phone, an e-mail, an ID number). A document
    that does not name the sender (a denunciation's documents to others, Đ47 k1 b) keeps the
    marker: its readers may not know who wrote."""
    texts = [
        composition.title,
        *composition.paragraphs,
        *composition.recipients,
        *composition.articles,
    ]
    if not any(REDACTED in t for t in texts) or not any(ADDRESSEE in t for t in texts):
        return composition

    def word(text: str) -> str:
        return reword(text, name=ADDRESSEE, address=ADDRESSEE_ADDRESS)

    return dataclasses.replace(
        composition,
        title=word(composition.title),
        paragraphs=[word(p) for p in composition.paragraphs],
        articles=[word(a) for a in composition.articles],
    )


def issue(
    letter: Letter,
    *,
    actor,
    doc_type: str,
    title: str,
    on: date,
    paragraphs: Sequence[str],
    recipients: Sequence[str] = (),
    composition: letter_forms.Composition | None = None,
):
    """The document a step about *letter* prepares, in its legal form, as a draft: it is
    previewed, edited and then issued, which takes its number (decision 0142). The sender is
    named by placeholder only, filled in when the document is rendered for someone allowed
    to see the name (decision 0141). A step with structured contents (a complaint decision,
    a suspension) passes its *composition*; otherwise the form follows from the type and
    subject."""
    if composition is None:
        composition = _compose(letter, doc_type, title, paragraphs, recipients)
    composition = worded_for_its_reader(composition)
    organization = letter.organization
    default = letter_forms.default_signer_lines(organization.kind, composition.form)
    signer = signer_for(
        organization=organization,
        form=composition.form or "*",
        default=composition.signer_lines or default,
    )
    lines = letter_forms.signer_lines_for(composition.form, signer.lines) or default
    return document_issue(
        actor=actor,
        organization=organization,
        doc_type=composition.doc_type,
        title=composition.title,
        issued_on=on,
        paragraphs=composition.paragraphs,
        bases=composition.bases,
        articles=composition.articles,
        authority_line=composition.authority_line,
        recipients=composition.recipients,
        target=letter,
        signer_lines=lines,
        signer_name=signer.name,
        cosigners=composition.cosigners,
        form=composition.form,
        draft=True,
    )
