"""The state document format of Nghị định 30/2020/NĐ-CP, as DOCX (RULEBOOK §8, VB-01…VB-11).

Reusable by every module: build a :class:`StateDocument` and call :func:`render_docx`. Nothing
here touches the database. The pieces follow Phụ lục I of the decree:

- A4 portrait, margins top/bottom 20 mm, left 30 mm, right 15 mm (VB-01, VB-02);
- Times New Roman, black (VB-03); page numbers centred in the top margin, not on page 1 (VB-04);
- national title and motto top right, with a rule under the motto (VB-05);
- issuer block top left: the managing body, then the issuer in bold, with a rule (VB-06);
- ``Số: 15/BC-HĐND``: numbers under 10 get a leading zero (VB-07); a công văn's summary
  ("V/v …", 12–13 upright) centred under it (Phụ lục I, mục II.5b);
- place and date line in italics, days under 10 and months 1–2 zero-padded (VB-10);
- signature block with the authority prefix (TM., KT., Q., TL., TUQ.) in bold capitals (VB-11).
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from docx import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from phoihop.documents.laws import BY_SHORT

FONT = "Times New Roman"
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
AUTHORITIES = ("", "TM.", "KT.", "Q.", "TL.", "TUQ.")
ADDRESSED = "Kính gửi:"
# Between the lines of a signature block typed on one line.
LINE_BREAK = re.compile(r"\s+[—–]\s+|\n")


def doc_number(number: int) -> str:
    """The number as written after ``Số:``: a leading zero under 10 (NĐ 30 Đ15, VB-07)."""
    return f"{number:02d}" if number < 10 else str(number)


def doc_symbol(number: int, type_code: str, issuer: str, unit: str = "") -> str:
    """``15/BC-HĐND``; a công văn (no type code) reads ``123/UBND-VP`` (VB-07, VB-09)."""
    tail = f"{issuer}-{unit}" if not type_code else f"{type_code}-{issuer}"
    return f"{doc_number(number)}/{tail}"


def date_line(place: str, on: date) -> str:
    """``Thử Nghiệm, ngày 05 tháng 02 năm 2026``: days under 10 and months 1–2 padded (VB-10)."""
    day = f"{on.day:02d}"
    month = f"{on.month:02d}" if on.month <= 2 else str(on.month)
    return f"{place}, ngày {day} tháng {month} năm {on.year}"


@dataclass(frozen=True)
class Table:
    """A table in the body: a header row, then rows of cell texts."""

    header: Sequence[str]
    rows: Sequence[Sequence[str]]
    caption: str = ""


@dataclass(frozen=True)
class StateDocument:
    """Everything a document printed in the state format shows."""

    issuer: str
    symbol: str
    place: str
    issued_on: date
    type_name: str
    title: str
    issuer_parent: str = ""
    paragraphs: Sequence[str] = ()
    tables: Sequence[Table] = ()
    recipients: Sequence[str] = ()
    signer_authority: str = ""
    signer_title: str = ""
    signer_name: str = ""
    headings: dict[int, str] = field(default_factory=dict)
    # The issuing authority under the title of a decision ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH").
    authority_line: str = ""
    # "Căn cứ ...;" lines, in italics, before the body (NĐ 30/2020 Phụ lục I, mục II.8).
    bases: Sequence[str] = ()
    # The Articles of a decision ("Điều 1. ..."), after ``articles_label`` ("QUYẾT ĐỊNH:").
    articles: Sequence[str] = ()
    articles_label: str = "QUYẾT ĐỊNH:"
    # The signature block above the signature, e.g. ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH",
    # "PHÓ CHỦ TỊCH"); when empty, the authority prefix and the title are used.
    signer_lines: Sequence[str] = ()
    # The other signatures of a record (biên bản): each a role and its note, e.g.
    # ("NGƯỜI KHIẾU NẠI", "(Ký, ghi rõ họ tên hoặc điểm chỉ)"), two to a row under the body.
    cosigners: Sequence[tuple[str, str]] = ()
    # A draft: no number yet ("Số:      /QĐ-UBND") and "DỰ THẢO" in the top margin.
    draft: bool = False
    # The secretary's signature of minutes (biên bản), e.g. "THƯ KÝ KỲ HỌP": on the left of the
    # chair's, side by side, with "Nơi nhận" below them; an unknown name is a dotted line.
    secretary_title: str = ""
    secretary_name: str = ""

    def __post_init__(self) -> None:
        if self.signer_authority not in AUTHORITIES:
            raise ValueError(f"unknown signing authority {self.signer_authority!r}")


def _run(paragraph, text: str, *, size: float = 13, bold=False, italic=False, caps=False):
    run = paragraph.add_run(text.upper() if caps else text)
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:cs"), FONT)
    return run


def _para(container, text: str = "", *, align=WD_ALIGN_PARAGRAPH.CENTER, after: float = 0, **kw):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(after)
    paragraph.paragraph_format.space_before = Pt(0)
    if text:
        _run(paragraph, text, **kw)
    return paragraph


def _rule(container, width_mm: float, cell_mm: float) -> None:
    """A short centred horizontal rule (a bottom border on an indented empty paragraph)."""
    paragraph = _para(container)
    indent = Mm(max((cell_mm - width_mm) / 2, 0))
    paragraph.paragraph_format.left_indent = indent
    paragraph.paragraph_format.right_indent = indent
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)
    run = paragraph.add_run()
    run.font.size = Pt(2)


def _no_borders(table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.append(borders)


def _page_number_header(section) -> None:
    """Page numbers centred in the top margin, hidden on page 1 (VB-04)."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = _run(paragraph, "", size=13)
    for tag, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if tag:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), tag)
            run._r.append(char)
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)


LEFT_MM, RIGHT_MM = 70.0, 95.0


_SHORT_CITATION = re.compile(
    r"^(?P<doc>.+?)\s+Đ(?P<art>\d+)"
    r"(?:\s+k(?P<k1>\d+)(?:\s*[–-]\s*k?(?P<k2>\d+))?)?(?:\s+(?P<pt>[a-zđ]))?$"
)


def spelled_citation(citation: str) -> str:
    """A citation as a document writes it: ``Nghị định 09/2019/NĐ-CP Đ12 k1–k4; Nghị định
    09/2019/NĐ-CP Đ13 k1`` reads ``khoản 1 đến khoản 4 Điều 12 và khoản 1 Điều 13 Nghị định
    09/2019/NĐ-CP`` (điểm, khoản, Điều spelled out, the smallest unit first), and a law
    cited by its number alone by its full title (``Luật 72/2025/QH15`` reads ``Luật Tổ chức
    chính quyền địa phương số 72/2025/QH15``, :mod:`phoihop.documents.laws`). A part not in
    that short form is kept as it is."""
    groups: list[tuple[str, list[str]]] = []
    for part in (p.strip() for p in citation.split(";")):
        match = _SHORT_CITATION.match(part)
        if not match:
            if part:
                groups.append(("", [part]))
            continue
        where = f"Điều {match['art']}"
        if match["k1"]:
            upto = f" đến khoản {match['k2']}" if match["k2"] else ""
            where = f"khoản {match['k1']}{upto} {where}"
        if match["pt"]:
            where = f"điểm {match['pt']} {where}"
        if groups and groups[-1][0] == match["doc"]:
            groups[-1][1].append(where)
        else:
            groups.append((match["doc"], [where]))
    return "; ".join(
        " và ".join(wheres) + (f" {BY_SHORT.get(doc, doc)}" if doc else "")
        for doc, wheres in groups
    )


def letter_summary(title: str) -> str:
    """A công văn's summary as written after "V/v" (về việc): a leading "V/v" or "Về việc" of
    the stored title is not said twice."""
    return re.sub(r"^\s*(v/v|về việc)[\s:]+", "", title, flags=re.IGNORECASE)


# Abbreviations a recipient line may use for a body's name ("Thường trực HĐND tỉnh"), longest
# first so that "UBMTTQ" is not read as "UB" + "MTTQ".
_NAME_ABBREVIATIONS = (
    ("ubmttq", "ủy ban mặt trận tổ quốc"),
    ("mttq", "mặt trận tổ quốc"),
    ("hđnd", "hội đồng nhân dân"),
    ("ubnd", "ủy ban nhân dân"),
    ("đbqh", "đại biểu quốc hội"),
)
# The place after a provincial body's name ("… tỉnh", "… tỉnh Hòa Lĩnh"): lower case only, so
# that "Tỉnh ủy" is a name, not a place.
_PLACE_TAIL = re.compile(r"\s+(?:tỉnh|thành phố)(?:\s+\S.*)?$")


def body_key(name: str) -> str:
    """A body's name reduced so that the ways a document writes it compare equal:
    "Thường trực HĐND tỉnh" and "Thường trực Hội đồng nhân dân tỉnh Hòa Lĩnh" give the same key
    (abbreviations spelled out, the place and a note in brackets left off)."""
    text = unicodedata.normalize("NFC", re.sub(r"\([^)]*\)", " ", name)).strip(" ;.")
    text = _PLACE_TAIL.sub("", text).lower().replace("uỷ", "ủy").replace("việt nam", " ")
    for short, full in _NAME_ABBREVIATIONS:
        text = re.sub(rf"\b{short}\b", full, text)
    return " ".join(text.split())


def recipient_lines(
    recipients: Sequence[str], *, addressed: bool = True, issuer: str = ""
) -> list[str]:
    """``Nơi nhận``: one ``- name;`` line each, the file copy last and ending in a full stop.
    The file copy is this function's to write: a ``Lưu …`` line among *recipients* is dropped,
    and so is the *issuer* itself however its name is written: the issuing body keeps its
    copy under "Lưu", it is not sent one (NĐ 30/2020 Phụ lục I, mục II.11).
    "Như trên" (the addressees above) is dropped from a document not *addressed* by a
    "Kính gửi:" line: there is nobody above it stands for."""
    kept = [r.strip().rstrip(";.") for r in recipients if r.strip()]
    own = body_key(issuer) if issuer.strip() else None
    lines = [
        f"- {r};"
        for r in kept
        if not r.lower().startswith("lưu")
        and (addressed or r.lower() != "như trên")
        and body_key(r) != own
    ]
    return [*lines, "- Lưu: VT, hồ sơ."]


def document_recipient_lines(spec: StateDocument) -> list[str]:
    """The ``Nơi nhận`` lines of *spec*, as the DOCX and the preview print them."""
    return recipient_lines(spec.recipients, addressed=addressed(spec), issuer=spec.issuer)


def addressed(spec: StateDocument) -> bool:
    """True if the document names its addressees in a "Kính gửi:" line."""
    return any(p.startswith(ADDRESSED) for p in spec.paragraphs)


def addressed_to(names: Sequence[str]) -> str:
    """The "Kính gửi:" paragraph of a document sent to *names* (stored on one line, the names
    separated by "; "): :func:`addressee_lines` lays it out."""
    kept = [" ".join(n.split()).rstrip(";.") for n in names if n.strip()]
    return f"{ADDRESSED} {'; '.join(kept)}."


def addressee_lines(paragraph: str) -> list[str]:
    """The addressees of a "Kính gửi:" paragraph as printed after "Kính gửi:" (NĐ 30/2020
    Phụ lục I, mục II.7): one addressee as it is written; several, each on its own line
    beginning with "- " and ending with ";", the last with "."."""
    text = paragraph[len(ADDRESSED) :].strip() if paragraph.startswith(ADDRESSED) else paragraph
    names = [n.strip() for n in text.rstrip(".").split(";") if n.strip()]
    if len(names) < 2:
        return [text]
    return [f"- {name};" for name in names[:-1]] + [f"- {names[-1]}."]


def signature_lines(spec: StateDocument) -> list[str]:
    """The lines of the signature block above the signature (NĐ 30/2020 Đ13, VB-11): one
    line each (a title typed as "TM. BAN THƯỜNG TRỰC — PHÓ CHỦ TỊCH" is two), and a deputy
    signs for the head: "PHÓ CHỦ TỊCH" comes under "KT. CHỦ TỊCH" (Đ13 k1 b, k2)."""
    if spec.signer_lines:
        given = list(spec.signer_lines)
    else:
        given = [f"{spec.signer_authority} {spec.signer_title or spec.issuer}".strip()]
    lines = [part.strip() for line in given for part in LINE_BREAK.split(line) if part.strip()]
    block: list[str] = []
    for line in lines:
        head = line[4:].lstrip() if line.upper().startswith("PHÓ ") else ""
        if head and not (block and block[-1].upper().startswith("KT.")):
            block.append(f"KT. {head}")
        block.append(line)
    return block


def symbol_line(spec: StateDocument) -> str:
    return f"Số: {spec.symbol}"


# Where a name is not known yet: a line to write it on by hand.
NAME_BLANK = "……………………………"
# "Kính gửi:" and its addressees: the block starts this far in from the left margin, and the
# addressees are aligned this far after it (the width of "Kính gửi:" in 14 pt, and a space).
ADDRESSED_INDENT_MM, ADDRESSED_WIDTH_MM = 25.0, 22.0


def _addressed(doc, text: str) -> None:
    """The "Kính gửi:" paragraph. One addressee: on one line, centred. Several: each on its
    own line, the dashes aligned one under the other after "Kính gửi:" (a hanging indent, the
    lines broken inside one paragraph so a reader cannot pull them apart)."""
    lines = addressee_lines(text)
    if len(lines) == 1:
        _para(doc, text, size=14, after=6)
        return
    paragraph = _para(doc, "", align=WD_ALIGN_PARAGRAPH.LEFT, after=6)
    fmt = paragraph.paragraph_format
    fmt.left_indent = Mm(ADDRESSED_INDENT_MM + ADDRESSED_WIDTH_MM)
    fmt.first_line_indent = -Mm(ADDRESSED_WIDTH_MM)
    fmt.tab_stops.add_tab_stop(Mm(ADDRESSED_INDENT_MM + ADDRESSED_WIDTH_MM))
    _run(paragraph, f"{ADDRESSED}\t", size=14)
    for index, line in enumerate(lines):
        run = _run(paragraph, line, size=14)
        if index < len(lines) - 1:
            run.add_break()


def _signature(cell, lines: Sequence[str], name: str, *, blank: str = "") -> None:
    """A signature block in *cell*: its lines in bold capitals, room to sign, then the name
    (*blank* when there is none)."""
    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    for index, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else _para(cell)
        _run(paragraph, line, size=13.5, bold=True, caps=True)
    for _ in range(3):
        _para(cell)
    _para(cell, name or blank, size=13.5, bold=bool(name))


def _recipients(cell, spec: StateDocument) -> None:
    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT
    _run(cell.paragraphs[0], "Nơi nhận:", size=12, bold=True, italic=True)
    for line in document_recipient_lines(spec):
        _para(cell, line, align=WD_ALIGN_PARAGRAPH.LEFT, size=11)


def _cosignatures(doc, cosigners: Sequence[tuple[str, str]]) -> None:
    """The participants' signatures of a record, two to a row, each with room to sign."""
    table = doc.add_table(rows=(len(cosigners) + 1) // 2, cols=2)
    _no_borders(table)
    for index, (role, note) in enumerate(cosigners):
        cell = table.rows[index // 2].cells[index % 2]
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(cell.paragraphs[0], role, size=13, bold=True, caps=True)
        _para(cell, note, size=12, italic=True)
        for _ in range(3):
            _para(cell)
    _para(doc, "", after=6)


def render_docx(spec: StateDocument) -> bytes:
    """The document as DOCX bytes."""
    doc = DocxDocument()
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(13)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    _page_number_header(section)
    if spec.draft:
        first = section.first_page_header.paragraphs[0]
        first.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _run(first, "DỰ THẢO", size=12, bold=True)

    header = doc.add_table(rows=1, cols=2)
    header.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(header)
    left, right = header.rows[0].cells
    # The grid too, not only the cells: a reader that lays out by the grid (LibreOffice) would
    # otherwise split the columns evenly and wrap the national title onto two lines.
    header.autofit = False
    header.columns[0].width, header.columns[1].width = Mm(LEFT_MM), Mm(RIGHT_MM)
    left.width, right.width = Mm(LEFT_MM), Mm(RIGHT_MM)
    left.paragraphs[0].text = ""
    if spec.issuer_parent:
        _run(left.paragraphs[0], spec.issuer_parent, size=12.5, caps=True)
        left.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        _para(left, spec.issuer, size=12.5, bold=True, caps=True)
    else:
        _run(left.paragraphs[0], spec.issuer, size=12.5, bold=True, caps=True)
        left.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _rule(left, 25, LEFT_MM)
    _para(left, f"Số: {spec.symbol}", size=13, after=0)
    if not spec.type_name:
        # A công văn: the summary after "V/v", centred under the number (Phụ lục I, mục II.5b).
        _para(left, f"V/v {letter_summary(spec.title)}", size=12, after=0)
    right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(right.paragraphs[0], NATIONAL_TITLE, size=12.5, bold=True)
    _para(right, MOTTO, size=13.5, bold=True)
    _rule(right, 62, RIGHT_MM)
    _para(right, date_line(spec.place, spec.issued_on), size=13.5, italic=True)

    _para(doc, "", after=6)
    if spec.type_name:
        _para(doc, spec.type_name, size=14, bold=True, caps=True)
        _para(doc, spec.title, size=14, bold=True, after=6)
        _rule(doc, 30, 165)
    if spec.authority_line:
        _para(doc, "", after=0)
        _para(doc, spec.authority_line, size=14, bold=True, caps=True, after=6)

    def body(text: str, **kw):
        paragraph = _para(doc, "", align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=6)
        paragraph.paragraph_format.first_line_indent = Mm(10)
        paragraph.paragraph_format.line_spacing = 1.15
        _run(paragraph, text, size=14, **kw)
        return paragraph

    for basis in spec.bases:
        body(basis, italic=True)
    for index, text in enumerate(spec.paragraphs):
        if index in spec.headings:
            _para(doc, spec.headings[index], align=WD_ALIGN_PARAGRAPH.LEFT, after=6, bold=True)
        if text.startswith(ADDRESSED):
            # "Kính gửi:" above the body, not indented as a paragraph of it.
            _addressed(doc, text)
        else:
            body(text)
    if spec.articles:
        _para(doc, spec.articles_label, size=14, bold=True, after=6)
        for number, text in enumerate(spec.articles, start=1):
            paragraph = body("")
            _run(paragraph, f"Điều {number}. ", size=14, bold=True)
            _run(paragraph, text, size=14)
    for table_spec in spec.tables:
        if table_spec.caption:
            _para(doc, table_spec.caption, align=WD_ALIGN_PARAGRAPH.LEFT, after=6, bold=True)
        table = doc.add_table(rows=1, cols=len(table_spec.header))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, table_spec.header, strict=True):
            cell.paragraphs[0].text = ""
            _run(cell.paragraphs[0], text, size=12, bold=True)
        for row in table_spec.rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, row, strict=True):
                cell.paragraphs[0].text = ""
                _run(cell.paragraphs[0], str(text), size=12)
        _para(doc, "", after=6)

    if spec.cosigners:
        _cosignatures(doc, spec.cosigners)
    signature = doc.add_table(rows=1, cols=2)
    _no_borders(signature)
    left, right = signature.rows[0].cells
    if spec.secretary_title:
        # Minutes: the secretary on the left, the chair on the right; "Nơi nhận" below.
        _signature(left, [spec.secretary_title], spec.secretary_name, blank=NAME_BLANK)
        _signature(right, signature_lines(spec), spec.signer_name, blank=NAME_BLANK)
        _para(doc, "", after=6)
        below = doc.add_table(rows=1, cols=2)
        _no_borders(below)
        _recipients(below.rows[0].cells[0], spec)
    else:
        _recipients(left, spec)
        _signature(right, signature_lines(spec), spec.signer_name)

    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
