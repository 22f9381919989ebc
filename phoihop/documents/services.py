"""Issuing numbered documents and rendering them in the state format."""

from collections.abc import Sequence
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction

from phoihop.audit.services import audit_record
from phoihop.documents.models import Document, NumberSeries
from phoihop.documents.state_format import StateDocument, Table, doc_symbol, render_docx
from phoihop.organizations.models import Organization

DOCUMENT_SERIES = "van-ban"


@transaction.atomic(savepoint=False)
def number_take(*, organization: Organization, year: int, series: str) -> int:
    """The next number of *organization*'s register *series* for *year* (1 on 1 January).

    Locks the counter row so that two concurrent callers never get the same number
    (NĐ 30/2020 Đ15 k1). A register that does not exist yet is created.
    """
    counter = (
        NumberSeries.objects.select_for_update()
        .filter(organization=organization, year=year, series=series)
        .first()
    )
    if counter is None:
        try:
            with transaction.atomic():
                counter = NumberSeries.objects.create(
                    organization=organization, year=year, series=series
                )
        except IntegrityError:
            counter = NumberSeries.objects.select_for_update().get(
                organization=organization, year=year, series=series
            )
    counter.last_number += 1
    counter.save(update_fields=["last_number", "updated_at"])
    return counter.last_number


def place_name(organization: Organization) -> str:
    """The place on the date line: the administrative unit without its kind (``Thử Nghiệm``)."""
    name = organization.admin_unit.name
    for prefix in ("thành phố ", "tỉnh ", "xã ", "phường ", "đặc khu "):
        if name.lower().startswith(prefix):
            return name[len(prefix) :]
    return name


@transaction.atomic(savepoint=False)
def document_issue(
    *,
    actor,
    organization: Organization,
    doc_type: str,
    title: str,
    issued_on: date,
    paragraphs: Sequence[str] = (),
    tables: Sequence[dict] = (),
    recipients: Sequence[str] = (),
    target: models.Model | None = None,
    signer_authority: str = "",
    signer_title: str = "",
    signer_name: str = "",
    unit: str = "",
) -> Document:
    """Take the next number of *organization*'s register and issue a document.

    Composed inside the calling module's service, which has already checked that *actor* may
    take the step the document records; this service checks nothing more.

    Raises:
        ValidationError: a field is missing or too long.

    Records: ``document.issued`` (symbol, type).
    """
    number = number_take(organization=organization, year=issued_on.year, series=DOCUMENT_SERIES)
    code = "" if doc_type == Document.Type.OFFICIAL_LETTER else doc_type
    document = Document(
        organization=organization,
        doc_type=doc_type,
        year=issued_on.year,
        number=number,
        symbol=doc_symbol(number, code, organization.doc_abbreviation, unit or "VP"),
        title=title[:300],
        issued_on=issued_on,
        place=place_name(organization),
        body={"paragraphs": list(paragraphs), "tables": list(tables)},
        recipients=list(recipients),
        signer_authority=signer_authority,
        signer_title=signer_title,
        signer_name=signer_name,
        issued_by=actor,
    )
    if target is not None:
        document.target_type = ContentType.objects.get_for_model(target)
        document.target_id = str(target.pk)
    document.full_clean()
    document.save()
    audit_record(
        actor=actor,
        event="document.issued",
        target=document,
        related=target,
        data={"symbol": document.symbol, "doc_type": doc_type},
    )
    return document


def document_spec(document: Document) -> StateDocument:
    """The printable form of a stored document."""
    organization = document.organization
    parent = organization.parent.name if organization.parent_id else ""
    return StateDocument(
        issuer=organization.name,
        issuer_parent=parent,
        symbol=document.symbol,
        place=document.place,
        issued_on=document.issued_on,
        type_name=document.get_doc_type_display()
        if document.doc_type != Document.Type.OFFICIAL_LETTER
        else "",
        title=document.title,
        paragraphs=document.body.get("paragraphs", []),
        tables=[Table(**table) for table in document.body.get("tables", [])],
        recipients=document.recipients,
        signer_authority=document.signer_authority,
        signer_title=document.signer_title,
        signer_name=document.signer_name,
    )


def document_docx(document: Document) -> bytes:
    """The document as DOCX in the NĐ 30/2020 format."""
    return render_docx(document_spec(document))
