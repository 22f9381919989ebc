"""Read a draft legal document into its provisions: Phần / Chương / Mục / Điều / Khoản / Điểm.

Pure Python (no Django): the input is a list of paragraphs (a pasted text split into lines, or
the paragraphs of a DOCX read by :func:`paragraphs_from_docx`), the output a tree of
:class:`Node` in the document's order with the numbering and headings as written, each with a
stable id (``eid``: ``dieu-12-khoan-1-diem-a``), and the list of :class:`Issue` the parser met,
each naming the line and what it could not read.

Layouts read (NĐ 30/2020 Phụ lục I; the National Assembly's and provinces' drafts):

- ``PHẦN THỨ NHẤT`` / ``Phần I`` / ``Phần 1``, the heading on the same or the next line;
- ``Chương I`` / ``CHƯƠNG II`` (Roman or Arabic numerals), the heading on the next line;
- ``Mục 1`` / ``MỤC 2``, the heading on the same or the next line;
- ``Điều 12. Tên điều`` (also ``Điều 12:``, ``Điều 12 Tên`` and ``Điều 12a.``);
- khoản ``1.`` / ``1)``; điểm ``a)`` (also ``a.`` and ``đ)``);
- text in quotation marks (an amending law quoting the new wording) is the text of the
  provision that quotes it, never structure;
- Word's automatic list numbering (the number is not in the paragraph's text): numbered by
  position, with a note;
- the preamble (``Căn cứ …``) and the closing (``Luật này được Quốc hội …``, ``Nơi nhận:``)
  kept apart from the provisions.

Numbering as written is kept; a gap, a repeat, an unnumbered provision or a provision out of
place is kept where it is and reported as an issue with its line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

LEVELS = ("part", "chapter", "section", "article", "clause", "point")
LEVEL_NAMES = {
    "part": "Phần",
    "chapter": "Chương",
    "section": "Mục",
    "article": "Điều",
    "clause": "Khoản",
    "point": "Điểm",
}
_RANK = {level: rank for rank, level in enumerate(LEVELS)}
_EID = {
    "part": "phan",
    "chapter": "chuong",
    "section": "muc",
    "article": "dieu",
    "clause": "khoan",
    "point": "diem",
}

# Letters of điểm, in the order of the Vietnamese alphabet (no f, j, w, z).
POINT_LETTERS = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m"]
POINT_LETTERS += ["n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"]
_ORDINALS = {
    "nhất": 1,
    "một": 1,
    "hai": 2,
    "ba": 3,
    "tư": 4,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
}
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}

_QUOTES_OPEN = "“\"«‘'"
_QUOTES_CLOSE = "”\"»’'"

_PART = re.compile(
    r"^phần\s+(?:thứ\s+)?(?P<num>[ivxlc]+|\d+|[a-zàáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]+)"
    r"(?:\s*[.:\-–]\s*|\s+|$)(?P<rest>.*)$",
    re.IGNORECASE,
)
_CHAPTER = re.compile(
    r"^chương\s+(?P<num>[ivxlc]+|\d+)\b\s*[.:\-–]?\s*(?P<rest>.*)$", re.IGNORECASE
)
_SECTION = re.compile(r"^mục\s+(?P<num>\d+|[ivxlc]+)\b\s*[.:\-–]?\s*(?P<rest>.*)$", re.IGNORECASE)
_ARTICLE = re.compile(
    r"^điều\s+(?P<num>\d+[a-zđ]?)\s*(?P<sep>[.:\-–])?\s*(?P<rest>.*)$", re.IGNORECASE
)
_ARTICLE_BARE = re.compile(r"^điều\s*(?:\.{2,}|…)?\s*[.:]\s*(?P<rest>.*)$", re.IGNORECASE)
_CLAUSE = re.compile(r"^(?P<num>\d{1,3})\s*(?P<sep>[.)])\s*(?P<rest>\S.*)$")
_POINT = re.compile(r"^(?P<num>[a-zđ])\s*(?P<sep>[).])\s+(?P<rest>\S.*)$")
_CLOSING = re.compile(
    r"^(?:(?:luật|nghị quyết|pháp lệnh|quyết định|bộ luật)\s+này\s+(?:đã\s+)?được\s+"
    r"(?:quốc hội|hội đồng nhân dân|ủy ban thường vụ)|nơi nhận\s*:|tm\.|t/m\.|kt\.)",
    re.IGNORECASE,
)


@dataclass
class Issue:
    """Something the parser could not read as written: the line (1-based), what, the text."""

    line: int
    message: str
    excerpt: str = ""
    severity: str = "warning"  # "warning": kept with a guess; "error": not read as structure

    def __str__(self) -> str:
        return f"dòng {self.line}: {self.message}" + (
            f" — «{self.excerpt}»" if self.excerpt else ""
        )


@dataclass
class Node:
    """One provision: its level, number and heading as written, its own text, its children."""

    level: str
    number: str
    heading: str = ""
    line: int = 0
    text_lines: list[str] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    eid: str = ""
    auto_numbered: bool = False

    @property
    def text(self) -> str:
        return "\n".join(self.text_lines)

    @property
    def label(self) -> str:
        """``Điều 12``, ``Khoản 1``, ``Điểm a``, ``Chương I``; ``Điều (không số)``."""
        return f"{LEVEL_NAMES[self.level]} {self.number or '(không số)'}"

    def walk(self, depth: int = 0) -> Iterator[tuple[Node, int]]:
        yield self, depth
        for child in self.children:
            yield from child.walk(depth + 1)


@dataclass
class ParsedDraft:
    """The parser's result: provisions in order, the text around them, and the issues."""

    title: str
    preamble: list[str]
    roots: list[Node]
    closing: list[str]
    issues: list[Issue]

    def walk(self) -> Iterator[tuple[Node, int]]:
        for root in self.roots:
            yield from root.walk()

    def count(self, level: str) -> int:
        return sum(1 for node, _ in self.walk() if node.level == level)

    @property
    def ok(self) -> bool:
        return not any(issue.severity == "error" for issue in self.issues)


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the source; ``list_level`` is Word's list level when Word numbers it."""

    text: str
    list_level: int | None = None


def roman(value: str) -> int | None:
    """The value of a Roman numeral (``IV`` → 4), None if it is not one."""
    value = value.upper()
    if not value or any(ch not in _ROMAN for ch in value):
        return None
    total = 0
    for i, ch in enumerate(value):
        v = _ROMAN[ch]
        total += -v if i + 1 < len(value) and _ROMAN[value[i + 1]] > v else v
    return total


def number_value(level: str, number: str) -> int | None:
    """The position a number says (``III`` → 3, ``12a`` → 12, ``đ`` → 5), None if unread."""
    if not number:
        return None
    if level == "point":
        return POINT_LETTERS.index(number) + 1 if number in POINT_LETTERS else None
    digits = re.match(r"\d+", number)
    if digits:
        return int(digits.group())
    if level == "part" and number.lower() in _ORDINALS:
        return _ORDINALS[number.lower()]
    return roman(number)


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def paragraphs_from_text(text: str) -> list[Paragraph]:
    return [Paragraph(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def paragraphs_from_docx(data: bytes) -> list[Paragraph]:
    """The paragraphs of a DOCX in order (body paragraphs; tables' cells are skipped), with
    Word's list level where Word numbers the paragraph itself."""
    import io

    from docx import Document

    document = Document(io.BytesIO(data))
    result = []
    for paragraph in document.paragraphs:
        level = None
        ppr = paragraph._p.pPr
        numbering = ppr.numPr if ppr is not None else None
        ilvl = getattr(numbering, "ilvl", None)
        if ilvl is not None:
            level = int(ilvl.val)
        elif paragraph.style is not None and paragraph.style.name.lower().startswith("list number"):
            suffix = paragraph.style.name.strip()[-1]
            level = int(suffix) - 1 if suffix.isdigit() else 0
        result.append(Paragraph(paragraph.text, level))
    return result


class _Parser:
    def __init__(self) -> None:
        self.title: list[str] = []
        self.preamble: list[str] = []
        self.closing: list[str] = []
        self.roots: list[Node] = []
        self.issues: list[Issue] = []
        self.stack: list[Node] = []
        self.awaiting_heading: Node | None = None
        self.in_quote = False
        self.in_closing = False
        self.eids: set[str] = set()

    # -- the tree ------------------------------------------------------------------------

    def current(self, level: str | None = None) -> Node | None:
        for node in reversed(self.stack):
            if level is None or node.level == level:
                return node
        return None

    def siblings(self, level: str) -> list[Node]:
        """The nodes of *level* that a new node of *level* follows (same parent, or the
        document for articles: their numbers run through the whole document)."""
        if level == "article":
            return [n for n, _ in self._walk_roots() if n.level == "article"]
        if level in ("part", "chapter", "section"):
            parent = self._parent_for(level)
            pool = parent.children if parent else self.roots
            if level == "chapter":  # chapters run through the document across parts
                return [n for n, _ in self._walk_roots() if n.level == "chapter"]
            return [n for n in pool if n.level == level]
        parent = self._parent_for(level)
        return [n for n in (parent.children if parent else []) if n.level == level]

    def _walk_roots(self) -> Iterator[tuple[Node, int]]:
        for root in self.roots:
            yield from root.walk()

    def _parent_for(self, level: str) -> Node | None:
        rank = _RANK[level]
        for node in reversed(self.stack):
            if _RANK[node.level] < rank:
                return node
        return None

    def add(self, level: str, number: str, heading: str, line: int, *, auto=False) -> Node:
        node = Node(level=level, number=number, heading=heading, line=line, auto_numbered=auto)
        self._check_number(node)
        parent = self._parent_for(level)
        if level in ("clause", "point") and parent is None:
            self.issues.append(
                Issue(line, f"{node.label} nằm ngoài điều nào; đọc như văn bản thường", "", "error")
            )
            raise _NotStructure
        if level == "point" and parent is not None and parent.level not in ("clause", "article"):
            self.issues.append(
                Issue(line, f"{node.label} nằm ngoài điều nào; đọc như văn bản thường", "", "error")
            )
            raise _NotStructure
        (parent.children if parent else self.roots).append(node)
        while self.stack and _RANK[self.stack[-1].level] >= _RANK[level]:
            self.stack.pop()
        self.stack.append(node)
        node.eid = self._eid(node, parent)
        return node

    def _eid(self, node: Node, parent: Node | None) -> str:
        own = f"{_EID[node.level]}-{(node.number or 'x').lower()}"
        if node.level in ("clause", "point", "section") and parent is not None:
            base = f"{parent.eid}-{own}"
        else:
            base = own
        if not node.number:
            base = f"{base}{len(self.eids) + 1}"
        eid, n = base, 1
        while eid in self.eids:
            n += 1
            eid = f"{base}-{n}"
        self.eids.add(eid)
        return eid

    def _check_number(self, node: Node) -> None:
        if not node.number:
            self.issues.append(Issue(node.line, f"{LEVEL_NAMES[node.level]} không có số"))
            return
        value = number_value(node.level, node.number)
        if value is None:
            self.issues.append(
                Issue(
                    node.line,
                    f"Không đọc được số «{node.number}» của {LEVEL_NAMES[node.level].lower()}",
                )
            )
            return
        numbered = [
            (n, v) for n in self.siblings(node.level) if (v := number_value(n.level, n.number))
        ]
        previous = [n for n, _ in numbered]
        expected = numbered[-1][1] + 1 if numbered else 1
        if node.level == "article" and re.search(r"\d[a-zđ]$", node.number):
            return  # an inserted article (Điều 12a) follows Điều 12
        if value == expected:
            return
        name = LEVEL_NAMES[node.level]
        if previous and value == expected - 1:
            self.issues.append(Issue(node.line, f"{node.label} trùng số với {name.lower()} trước"))
        elif value > expected:
            first, last = self._spell(node.level, expected), self._spell(node.level, value - 1)
            missing = f"{name} {first}" if value == expected + 1 else f"{name} {first}–{last}"
            after = f" sau {previous[-1].label}" if previous else ""
            self.issues.append(Issue(node.line, f"{node.label}{after}: thiếu {missing}"))
        else:
            after = previous[-1].label if previous else ""
            self.issues.append(Issue(node.line, f"{node.label} đứng sau {after}: đánh số lùi"))

    @staticmethod
    def _spell(level: str, value: int) -> str:
        if level == "point":
            return POINT_LETTERS[value - 1] if 0 < value <= len(POINT_LETTERS) else str(value)
        if level == "chapter":
            return _to_roman(value)
        return str(value)

    # -- lines ---------------------------------------------------------------------------

    def text(self, text: str, line: int) -> None:
        node = self.stack[-1] if self.stack else None
        if node is None:
            (self.preamble if self.title or self.preamble else self.title).append(text)
            return
        node.text_lines.append(text)

    def feed(self, paragraph: Paragraph, line: int, auto_counters: dict) -> None:
        text = _clean(paragraph.text)
        if not text:
            return
        if self.in_closing:
            self.closing.append(text)
            return
        if self.in_quote:
            self.text(text, line)
            if _closes_quote(text):
                self.in_quote = False
            return
        if text[0] in _QUOTES_OPEN:
            self.text(text, line)
            self.in_quote = not _closes_quote(text[1:])
            self.awaiting_heading = None
            return
        if self.stack and _CLOSING.match(text):
            self.in_closing = True
            self.closing.append(text)
            return
        if self.awaiting_heading is not None:
            node = self.awaiting_heading
            self.awaiting_heading = None
            if not _structure(text):
                node.heading = text
                return
            self.issues.append(Issue(node.line, f"{node.label} không có tên"))
        try:
            self._structure_line(text, line, paragraph, auto_counters)
        except _NotStructure:
            self.text(text, line)

    def _structure_line(self, text: str, line: int, paragraph: Paragraph, auto: dict) -> None:
        if (m := _PART.match(text)) and number_value("part", m["num"]) is not None:
            node = self.add("part", _number("part", m["num"]), m["rest"].strip(" .:-–"), line)
            self.awaiting_heading = None if node.heading else node
            return
        if m := _CHAPTER.match(text):
            node = self.add("chapter", m["num"].upper(), m["rest"].strip(" .:-–"), line)
            self.awaiting_heading = None if node.heading else node
            return
        if m := _SECTION.match(text):
            if self.current("chapter") is None and self.current("part") is None:
                self.issues.append(Issue(line, "Mục nằm ngoài chương", text[:60]))
            node = self.add("section", m["num"].upper(), m["rest"].strip(" .:-–"), line)
            self.awaiting_heading = None if node.heading else node
            return
        if m := _ARTICLE.match(text):
            number = m["num"].lower()
            rest = m["rest"].strip()
            if not m["sep"] and rest:
                self.issues.append(Issue(line, f"Điều {number}: thiếu dấu chấm sau số điều"))
            self.add("article", number, rest.rstrip("."), line)
            auto.clear()
            return
        if m := _ARTICLE_BARE.match(text):
            self.add("article", "", (m["rest"] or "").strip().rstrip("."), line)
            auto.clear()
            return
        if m := _CLAUSE.match(text):
            article = self.current("article")
            if article is None:
                self.issues.append(
                    Issue(
                        line, "Khoản nằm ngoài điều nào; đọc như văn bản thường", text[:60], "error"
                    )
                )
                raise _NotStructure
            if m["sep"] == ")":
                self.issues.append(
                    Issue(line, f"Khoản {m['num']} viết «{m['num']})» thay cho «{m['num']}.»")
                )
            node = self.add("clause", m["num"], "", line)
            node.text_lines.append(m["rest"].strip())
            return
        if (
            (m := _POINT.match(text))
            and self.current("article") is not None
            and m["num"] in POINT_LETTERS
        ):
            if m["sep"] == ".":
                self.issues.append(
                    Issue(line, f"Điểm {m['num']} viết «{m['num']}.» thay cho «{m['num']})»")
                )
            node = self.add("point", m["num"], "", line)
            node.text_lines.append(m["rest"].strip())
            return
        if paragraph.list_level is not None and self.current("article") is not None:
            level = "clause" if paragraph.list_level == 0 else "point"
            if level == "point" and self.current("clause") is None:
                level = "clause"
            key = (
                id(self.current("article")),
                level,
                id(self.current("clause")) if level == "point" else 0,
            )
            auto[key] = auto.get(key, 0) + 1
            count = auto[key]
            number = (
                str(count)
                if level == "clause"
                else POINT_LETTERS[min(count, len(POINT_LETTERS)) - 1]
            )
            node = self.add(level, number, "", line, auto=True)
            node.text_lines.append(text)
            self.issues.append(
                Issue(line, f"{node.label}: số do Word tự đánh, suy ra theo thứ tự", text[:60])
            )
            return
        raise _NotStructure

    def result(self) -> ParsedDraft:
        if self.awaiting_heading is not None:
            self.issues.append(
                Issue(self.awaiting_heading.line, f"{self.awaiting_heading.label} không có tên")
            )
        if not any(n.level == "article" for n, _ in self._walk_roots()):
            self.issues.append(Issue(0, "Không nhận ra điều nào trong văn bản", "", "error"))
        for node, _ in self._walk_roots():
            if node.level == "article" and not node.heading and not node.number:
                continue
            if node.level == "article" and not node.heading:
                self.issues.append(Issue(node.line, f"{node.label} không có tên điều"))
        self.issues.sort(key=lambda i: i.line)
        return ParsedDraft(
            title=" ".join(self.title).strip(),
            preamble=self.preamble,
            roots=self.roots,
            closing=self.closing,
            issues=self.issues,
        )


class _NotStructure(Exception):
    """The line is text, not a provision's start."""


def _closes_quote(text: str) -> bool:
    stripped = text.rstrip(" .;,")
    return bool(stripped) and stripped[-1] in _QUOTES_CLOSE


def _structure(text: str) -> bool:
    return any(p.match(text) for p in (_PART, _CHAPTER, _SECTION, _ARTICLE, _CLAUSE))


def _number(level: str, raw: str) -> str:
    if level == "part" and raw.lower() in _ORDINALS:
        return str(_ORDINALS[raw.lower()])
    return raw.upper() if roman(raw) else raw


def _to_roman(value: int) -> str:
    out = []
    for v, s in (
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ):
        while value >= v:
            out.append(s)
            value -= v
    return "".join(out)


def parse(paragraphs: Iterable[Paragraph | str]) -> ParsedDraft:
    """Read *paragraphs* (strings, or :class:`Paragraph` with Word's list level) into a
    :class:`ParsedDraft`."""
    parser = _Parser()
    auto: dict = {}
    for line, paragraph in enumerate(paragraphs, start=1):
        if isinstance(paragraph, str):
            paragraph = Paragraph(paragraph)
        parser.feed(paragraph, line, auto)
    return parser.result()


def parse_text(text: str) -> ParsedDraft:
    return parse(paragraphs_from_text(text))


def parse_docx(data: bytes) -> ParsedDraft:
    return parse(paragraphs_from_docx(data))


def outline(draft: ParsedDraft) -> list[str]:
    """One line per provision, indented by depth: what a reader checks an import against."""
    lines = []
    for node, depth in draft.walk():
        head = f" {node.heading}" if node.heading else ""
        lines.append(f"{'  ' * depth}{node.label}.{head}".rstrip("."))
    return lines


def flatten(draft: ParsedDraft) -> Sequence[tuple[Node, Node | None, int]]:
    """(node, parent, depth) in document order."""
    out: list[tuple[Node, Node | None, int]] = []

    def visit(node: Node, parent: Node | None, depth: int) -> None:
        out.append((node, parent, depth))
        for child in node.children:
            visit(child, node, depth + 1)

    for root in draft.roots:
        visit(root, None, 0)
    return out
