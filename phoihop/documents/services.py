"""Preparing, numbering and rendering documents in the state format.

A case step prepares its document as a draft (no number); the draft is previewed, edited and
then issued, which takes the number from the body's register (decision 0142). The
sender's name is never stored on a document: ``ADDRESSEE`` stands for it and is filled in
when the document is rendered for someone allowed to see it.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from phoihop.audit.services import audit_record, field_changes
from phoihop.core.addresses import put_address
from phoihop.core.errors import ApplicationError
from phoihop.documents.models import Document, NumberSeries, Signatory
from phoihop.documents.state_format import (
    AUTHORITIES,
    StateDocument,
    Table,
    doc_number,
    doc_symbol,
    render_docx,
)
from phoihop.organizations.models import Organization

# Stands for the sender's name (and address) on a document addressed to them.
ADDRESSEE = "«người gửi»"
ADDRESSEE_ADDRESS = "«địa chỉ người gửi»"
# What a reader without the right to the name sees instead: a blank to fill in by hand.
BLANK = "……………………"

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


@dataclass(frozen=True)
class Signer:
    """The signature block of one document: lines above the signature and the signer's name."""

    lines: tuple[str, ...]
    name: str = ""


def signer_for(*, organization: Organization, form: str, default: Sequence[str]) -> Signer:
    """Who signs *form* for *organization*: the body's own rule for the form, else its
    default rule (``*``), else *default* (the law's signer, e.g. ``("CHỦ TỊCH",)``) with no name.
    """
    rows = {
        s.form: s for s in Signatory.objects.filter(organization=organization, form__in=[form, "*"])
    }
    row = rows.get(form) or rows.get("*")
    if row is None:
        return Signer(tuple(default))
    return Signer(tuple(row.lines) or tuple(default), row.name)


def body_signer(*, organization: Organization, form: str = "", title: str = "") -> Signer:
    """The signature block of a document *organization* issues when the caller names no lines:
    with *title* (the signer's position, "PHÓ CHỦ TỊCH"), the law's block for the body's kind
    ending in that position ("TM. THƯỜNG TRỰC HĐND", "PHÓ CHỦ TỊCH"); without it, the body's
    recorded rule for *form* or its default rule, else the law's block with no name."""
    from phoihop.documents.letter_forms import default_signer_lines

    default = default_signer_lines(organization.kind, form)
    if title.strip():
        return Signer((*default[:-1], " ".join(title.split()).upper()))
    return signer_for(organization=organization, form=form or "*", default=default)


def _bare_position(title: str) -> bool:
    """True for a position alone ("PHÓ CHỦ TỊCH"); false for a block typed in full."""
    upper = title.strip().upper()
    return bool(upper) and "\n" not in upper and not upper.startswith(AUTHORITIES[1:])


@transaction.atomic
def signatory_set(
    *, actor, organization: Organization, form: str, lines: Sequence[str], name: str
) -> Signatory:
    """Record who signs *form* for *organization* (its delegation of signature).

    Raises:
        PermissionDenied: actor may not change the organization.

    Records: ``document.signatory_set`` (form, lines, name).
    """
    from phoihop.access.policy import require

    require(actor, "change", organization)
    row, _ = Signatory.objects.update_or_create(
        organization=organization, form=form, defaults={"lines": list(lines), "name": name}
    )
    audit_record(
        actor=actor,
        event="document.signatory_set",
        target=organization,
        data={"form": form, "lines": list(lines), "name": name},
    )
    return row


def _type_code(doc_type: str) -> str:
    return "" if doc_type == Document.Type.OFFICIAL_LETTER else doc_type


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
    signer_lines: Sequence[str] = (),
    cosigners: Sequence[tuple[str, str]] = (),
    unit: str = "",
    bases: Sequence[str] = (),
    articles: Sequence[str] = (),
    authority_line: str = "",
    form: str = "",
    headings: dict[int, str] | None = None,
    draft: bool = False,
    secretary_title: str = "",
    secretary_name: str = "",
) -> Document:
    """Prepare a document and, unless *draft*, take the next number of *organization*'s
    register and issue it.

    Composed inside the calling module's service, which has already checked that *actor* may
    take the step the document records; this service checks nothing more.

    Raises:
        ValidationError: a field is missing or too long.

    Records: ``document.drafted`` or ``document.issued`` (symbol, type).
    """
    if not signer_lines and not signer_title.strip():
        # No signer named: the body's signing rule (its delegation), not the bare body name.
        signer = body_signer(organization=organization, form=form)
        signer_lines, signer_name = signer.lines, signer_name or signer.name
    elif not signer_lines and not signer_authority and _bare_position(signer_title):
        signer_lines = body_signer(organization=organization, form=form, title=signer_title).lines
    document = Document(
        organization=organization,
        doc_type=doc_type,
        status=Document.Status.DRAFT if draft else Document.Status.ISSUED,
        year=issued_on.year,
        unit=unit,
        title=title[:300],
        issued_on=issued_on,
        place=place_name(organization),
        body={
            "paragraphs": list(paragraphs),
            "tables": list(tables),
            "bases": list(bases),
            "articles": list(articles),
            "authority_line": authority_line,
            "signer_lines": list(signer_lines),
            **({"cosigners": [list(c) for c in cosigners]} if cosigners else {}),
            "form": form,
            **({"headings": {str(k): v for k, v in headings.items()}} if headings else {}),
            **(
                {"secretary": [secretary_title.strip(), " ".join(secretary_name.split())]}
                if secretary_title.strip()
                else {}
            ),
        },
        recipients=list(recipients),
        signer_authority=signer_authority,
        signer_title=signer_title,
        signer_name=signer_name,
        issued_by=actor,
    )
    if not draft:
        document.number = number_take(
            organization=organization, year=issued_on.year, series=DOCUMENT_SERIES
        )
        document.symbol = _symbol(document, document.number)
    if target is not None:
        document.target_type = ContentType.objects.get_for_model(target)
        document.target_id = str(target.pk)
    document.full_clean()
    document.save()
    audit_record(
        actor=actor,
        event="document.drafted" if draft else "document.issued",
        target=document,
        related=target,
        data={"symbol": document.symbol, "doc_type": doc_type},
    )
    return document


def _symbol(document: Document, number: int) -> str:
    organization = document.organization
    return doc_symbol(
        number, _type_code(document.doc_type), organization.doc_abbreviation, document.unit or "VP"
    )


EDITABLE = ("title", "paragraphs", "bases", "articles", "recipients", "signer_lines", "signer_name")


@transaction.atomic
def document_draft_update(*, actor, document: Document, **changes) -> Document:
    """Edit a draft before it is issued: its summary, bases, text, Articles, recipients and
    signature block (lists of lines).

    Raises:
        PermissionDenied: actor may not prepare documents of the issuing body.
        ApplicationError: the document is already issued, or an unknown field.

    Records: ``document.draft_changed`` (the changed fields, old and new).
    """
    from phoihop.access.policy import require

    require(actor, "change", document)
    document = Document.objects.select_for_update().get(pk=document.pk)
    if not document.is_draft:
        raise ApplicationError("Văn bản đã ban hành; không sửa được nữa.", code="issued")
    if unknown := set(changes) - set(EDITABLE):
        raise ApplicationError(f"Không sửa được: {', '.join(sorted(unknown))}.")
    before, after = {}, {}
    body = dict(document.body)
    for name, value in changes.items():
        if name in ("title", "signer_name"):
            value = " ".join(str(value).split())
            before[name], after[name] = getattr(document, name), value
            setattr(document, name, value[:300] if name == "title" else value[:200])
        elif name == "recipients":
            value = [v.strip() for v in value if v.strip()]
            before[name], after[name] = document.recipients, value
            document.recipients = value
        else:
            value = [v.strip() for v in value if v.strip()]
            before[name], after[name] = body.get(name, []), value
            body[name] = value
    if "headings" in body:
        # A heading stays above its paragraph number; one past the last paragraph is dropped.
        count = len(body.get("paragraphs", []))
        body["headings"] = {k: v for k, v in body["headings"].items() if int(k) < count}
    document.body = body
    document.full_clean()
    document.save(update_fields=["title", "signer_name", "recipients", "body", "updated_at"])
    changed = field_changes(before, after)
    if changed:
        audit_record(actor=actor, event="document.draft_changed", target=document, data=changed)
    return document


@transaction.atomic
def document_number(
    *,
    actor,
    document: Document,
    on: date | None = None,
    paper_number: int | None = None,
) -> Document:
    """Issue a draft: take the next number of the body's register for the year of *on*
    (today by default). With *paper_number*, record a copy signed on paper under the number
    and date the clerk entered from the register instead (the register's counter moves past
    it so the next number is not reused).

    Raises:
        PermissionDenied: actor may not issue documents of the issuing body.
        ApplicationError: already issued; the paper number is already used; a future date.

    Records: ``document.issued`` (symbol, type, on paper).
    """
    from phoihop.access.policy import require

    require(actor, "change", document)
    document = Document.objects.select_for_update().get(pk=document.pk)
    if not document.is_draft:
        raise ApplicationError("Văn bản đã được cấp số.", code="issued")
    on = on or timezone.localdate()
    if on > timezone.localdate():
        raise ApplicationError("Ngày ban hành không được sau ngày hôm nay.", code="date")
    organization = document.organization
    if paper_number is not None:
        taken = Document.objects.filter(
            organization=organization, year=on.year, number=paper_number
        ).exists()
        if paper_number < 1 or taken:
            raise ApplicationError(
                f"Số {doc_number(max(paper_number, 0))} năm {on.year} đã có trong sổ.",
                code="number_taken",
            )
        counter, _ = NumberSeries.objects.select_for_update().get_or_create(
            organization=organization, year=on.year, series=DOCUMENT_SERIES
        )
        if counter.last_number < paper_number:
            counter.last_number = paper_number
            counter.save(update_fields=["last_number", "updated_at"])
        number = paper_number
    else:
        number = number_take(organization=organization, year=on.year, series=DOCUMENT_SERIES)
    document.status = Document.Status.ISSUED
    document.number = number
    document.year = on.year
    document.issued_on = on
    document.signed_on_paper = paper_number is not None
    document.symbol = _symbol(document, number)
    document.full_clean()
    document.save(
        update_fields=[
            "status",
            "number",
            "year",
            "issued_on",
            "signed_on_paper",
            "symbol",
            "updated_at",
        ]
    )
    audit_record(
        actor=actor,
        event="document.issued",
        target=document,
        data={
            "symbol": document.symbol,
            "doc_type": document.doc_type,
            "on_paper": document.signed_on_paper,
        },
    )
    return document


@dataclass(frozen=True)
class Addressee:
    """The sender's name and address, for rendering a document addressed to them."""

    name: str
    address: str = ""


def _fill(text: str, addressee: Addressee | None) -> str:
    name = addressee.name if addressee and addressee.name else BLANK
    address = addressee.address if addressee and addressee.address else BLANK
    return put_address(text.replace(ADDRESSEE, name), ADDRESSEE_ADDRESS, address)


def document_spec(document: Document, *, addressee: Addressee | None = None) -> StateDocument:
    """The printable form of a stored document (a draft shows a blank number)."""
    organization = document.organization
    parent = organization.parent.name if organization.parent_id else ""
    body = document.body or {}
    symbol = document.symbol
    if document.is_draft:
        code = _type_code(document.doc_type)
        tail = (
            f"{code}-{organization.doc_abbreviation}"
            if code
            else (f"{organization.doc_abbreviation}-{document.unit or 'VP'}")
        )
        symbol = f"      /{tail}"
    authority = document.signer_authority if document.signer_authority in AUTHORITIES else ""
    secretary_title, secretary_name = body.get("secretary", ["", ""])
    return StateDocument(
        issuer=organization.name,
        issuer_parent=parent,
        symbol=symbol,
        place=document.place,
        issued_on=document.issued_on,
        type_name=document.get_doc_type_display()
        if document.doc_type != Document.Type.OFFICIAL_LETTER
        else "",
        title=_fill(document.title, addressee),
        paragraphs=[_fill(p, addressee) for p in body.get("paragraphs", [])],
        tables=[Table(**table) for table in body.get("tables", [])],
        recipients=[_fill(r, addressee) for r in document.recipients],
        signer_authority=authority,
        signer_title=document.signer_title,
        signer_name=document.signer_name,
        bases=[_fill(b, addressee) for b in body.get("bases", [])],
        articles=[_fill(a, addressee) for a in body.get("articles", [])],
        authority_line=body.get("authority_line", ""),
        signer_lines=body.get("signer_lines", []),
        cosigners=[(role, note) for role, note in body.get("cosigners", [])],
        headings={int(k): v for k, v in body.get("headings", {}).items()},
        draft=document.is_draft,
        secretary_title=secretary_title,
        secretary_name=secretary_name,
    )


def document_docx(document: Document, *, addressee: Addressee | None = None) -> bytes:
    """The document as DOCX in the NĐ 30/2020 format."""
    return render_docx(document_spec(document, addressee=addressee))


def document_mentions_addressee(document: Document) -> bool:
    """True if the document is addressed to the sender (its text names them)."""
    body = document.body or {}
    texts = [document.title, *document.recipients, *body.get("paragraphs", [])]
    texts += [*body.get("articles", []), *body.get("bases", [])]
    return any(ADDRESSEE in t for t in texts)


def document_file_name(document: Document) -> str:
    """``Phiếu chuyển 05-PC-HĐND.docx``; a draft: ``Dự thảo Phiếu chuyển.docx``."""
    kind = document.get_doc_type_display()
    if document.is_draft:
        return f"Dự thảo {kind}.docx"
    return f"{kind} {document.symbol.replace('/', '-')}.docx"
