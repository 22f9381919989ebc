"""Finding a sender's identity in free text the way the text engine finds words.

Luật Tố cáo 2018 Đ56 k2 (RULEBOOK TC-14): the denouncer's name, address and other personal data
are stripped from the letter before it reaches those who verify it. An exact string match misses
most of the ways people write: without diacritics, in NFD, split by a line break, the given name
alone, a phone number as ``+84 912…`` or ``(091) 288-8002``, an e-mail as ``a [at] b [dot] vn``.

Every value is compared on the *folded* text (NFC, lower case, no diacritics, đ→d; the same
folding as ``phoihop.text.normalize``) with any run of spaces and punctuation between its words,
and each match is mapped back to its span in the original text. What is matched, and what is
deliberately kept, is recorded in docs/decisions/0110-redaction-by-folded-tokens.md:

- the full name, any two or more of its words in order, the words run together
  (``nguyenvandauvet``); the given name alone only when it is capitalised or follows a word that
  introduces a name (``tên``, ``ông``, ``bà``, ``anh``, ``chị``…); the family and middle names
  alone only after such a word;
- the whole address, and each of its parts that points at a household (a house number, a lane,
  a hamlet, a residential group); administrative units (``xã``, ``phường``, ``huyện``, ``tỉnh``)
  and unnumbered streets are kept, since they are usually where the problem is;
- phone numbers by their national digits, whatever the prefix (``+84``, ``84``, ``0``) and
  separators (spaces, dots, dashes, brackets, slashes, line breaks);
- ID numbers with any separators; e-mail addresses written with ``[at]``, ``(at)``, ``at``,
  ``a còng``, ``[dot]``, ``dot``, ``chấm`` and spaces; the mailbox name alone when long enough;
- any further span an officer marked as identity (``IdentityData.marked``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from phoihop.core.addresses import put_address

REDACTED = "[đã lược bỏ thông tin người gửi]"

_D_TABLE = str.maketrans({"đ": "d", "Đ": "D"})
_WORD = re.compile(r"[0-9a-z]+")
# Between two words of a value: anything that is not a letter or digit (spaces, line breaks,
# punctuation, brackets), at most a short run so that a match never spans a paragraph.
_GAP = r"[^0-9a-z]{1,6}"
_GAP_OPT = r"[^0-9a-z]{0,6}"
_LEFT = r"(?<![0-9a-z])"
_RIGHT = r"(?![0-9a-z])"

# Folded words that introduce a person's name ("tôi tên là", "ông", "bà", "anh", "chị"...).
NAME_CUES = frozenset(
    [
        "ten",
        "la",
        "ong",
        "ba",
        "anh",
        "chi",
        "em",
        "co",
        "chu",
        "bac",
        "cu",
        "di",
        "thim",
        "mo",
        "cau",
        "chau",
        "con",
        "me",
        "bo",
        "vo",
        "chong",
        "nguoi",
        "ky",
        "ho",
        "gui",
        "toi",
    ]
)
# Address parts that point at a household: redacted wherever they appear.
_HOUSEHOLD_WORDS = frozenset(
    [
        "so",
        "nha",
        "ngo",
        "ngach",
        "hem",
        "kiet",
        "thon",
        "xom",
        "ap",
        "ban",
        "to",
        "khu",
        "pho",
        "khoi",
        "doi",
        "lang",
        "phum",
        "soc",
        "can",
        "ho",
        "phong",
        "tang",
        "lo",
        "chung",
        "cu",
    ]
)
# Words that open a part of an address ("số 12", "ngõ 34", "đường Lê Lợi").
_KIND_WORDS = _HOUSEHOLD_WORDS | {"duong", "pho", "hem", "so", "nha"}
# Administrative units: kept, since they are usually the place of the problem (0110).
_UNIT_WORDS = frozenset(
    ["xa", "phuong", "thi", "tran", "huyen", "quan", "tinh", "thanh", "pho", "tp", "tx"]
)


def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFD", ch.lower().translate(_D_TABLE))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class Folded:
    """A text in NFC, its folded form, and where each folded character came from."""

    text: str
    folded: str
    origin: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> Folded:
        text = unicodedata.normalize("NFC", text)
        chars: list[str] = []
        origin: list[int] = []
        for i, ch in enumerate(text):
            for f in _fold_char(ch) if not ch.isascii() else ch.lower():
                chars.append(f)
                origin.append(i)
        return cls(text, "".join(chars), tuple(origin))

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that folded[start:end] came from."""
        return self.origin[start], self.origin[end - 1] + 1


def fold(value: str) -> str:
    return Folded.of(value).folded


def words(value: str) -> list[str]:
    """The folded words (letters and digits) of *value*."""
    return _WORD.findall(fold(value))


def _sequence(tokens: Sequence[str]) -> str:
    return _LEFT + _GAP.join(re.escape(t) for t in tokens) + _RIGHT


def _name_patterns(full_name: str) -> tuple[list[str], list[str]]:
    """Patterns always redacted, and the given name, redacted when capitalised or cued."""
    tokens = words(full_name)
    if not tokens:
        return [], []
    always: list[str] = []
    if len(tokens) >= 2:
        always.append(_sequence(tokens))
        joined = "".join(tokens)
        if len(joined) >= 6:
            always.append(_LEFT + re.escape(joined) + _RIGHT)
        # Two of its words ending with the given name ("Văn An", "Nguyễn An").
        # Family and middle names without the given name are shared by too many people
        # (the accused "Nguyễn Văn B" must stay readable): they are not redacted alone.
        always.extend(_sequence([token, tokens[-1]]) for token in tokens[:-1])
        # Given name first, as in e-mail addresses and foreign forms ("Plugh Quach").
        always.extend(_sequence([tokens[-1], token]) for token in tokens[:-1])
        always.append(_sequence([tokens[-1], *tokens[:-1]]))
    given = tokens[-1]
    singles = [given] if len(given) >= 2 and not given.isdigit() else []
    return always, singles


def _address_patterns(address: str) -> list[str]:
    """The household part of the address, and each numbered part of it.

    An address runs from the household to the province: "Số 12 ngõ 34 đường Lê Lợi, thôn
    Đông, xã Hòa Bình, tỉnh Hòa Lĩnh". Everything before the first administrative unit (the
    house, lane, street, hamlet) is redacted as one sequence; the numbered parts ("số 12",
    "ngõ 34") and coined names wherever they appear alone. Administrative units, unnumbered
    streets and hamlet names on their own are kept: they are usually where the problem is.
    """
    patterns: list[str] = []
    parts = [words(part) for part in re.split(r"[,;\n]|\s[-–]\s", address)]
    parts = [p for p in parts if p]
    household: list[str] = []
    for part in parts:
        if part[0] in _UNIT_WORDS and not any(t.isdigit() for t in part):
            break
        household.extend(part)
    if len(household) >= 2:
        patterns.append(_sequence(household))
    for part in parts:
        # Split "số 12 ngõ 34 đường Lê Lợi" at its kind words: "số 12", "ngõ 34", "đường…".
        pieces: list[list[str]] = []
        for token in part:
            if token in _KIND_WORDS and (not pieces or pieces[-1][-1] not in _KIND_WORDS):
                pieces.append([token])
            elif pieces:
                pieces[-1].append(token)
            else:
                pieces.append([token])
        for piece in pieces:
            rest = [t for t in piece if t not in _KIND_WORDS]
            if not rest:
                continue
            kinds = [t for t in piece if t in _KIND_WORDS]
            if any(t.isdigit() for t in rest):
                # "số 12", "số nhà 12", "nhà 12", "ngõ 34", "12 Lê Lợi" as written.
                if not kinds:
                    lead = ""
                elif kinds[0] in {"so", "nha"}:
                    lead = r"(?:(?:so|nha)" + _GAP + r")+"
                else:
                    lead = _GAP.join(map(re.escape, kinds)) + _GAP
                if len(rest) >= 2 or kinds:
                    patterns.append(_LEFT + lead + _GAP.join(map(re.escape, rest)) + _RIGHT)
            elif any(len(t) >= 8 for t in rest) or (kinds and any(not t.isalpha() for t in rest)):
                # A coined name (a Vietnamese syllable has at most 7 letters): found alone.
                patterns.append(_sequence(rest))
    return patterns


def _phone_patterns(phone: str) -> list[str]:
    digits = re.sub(r"\D", "", phone)
    if digits.startswith("84") and len(digits) >= 10:
        national = digits[2:]
    elif digits.startswith("0"):
        national = digits[1:]
    else:
        national = digits
    national = national.lstrip("0")
    if len(national) < 6:
        return []
    gap = r"[^0-9a-z]{0,3}"
    # +84, (+84), 84, then an optional trunk 0, or the trunk 0 alone, or nothing.
    prefix = r"(?:(?:\(\+?|\+)?84" + gap + r"(?:\(?0\)?" + gap + r")?|\(?0" + gap + r")?"
    body = gap.join(national)
    return [r"(?<![0-9a-z+(])" + prefix + body + r"(?![0-9])"]


def _id_patterns(id_number: str) -> list[str]:
    chars = re.sub(r"[^0-9a-z]", "", fold(id_number))
    if len(chars) < 6:
        return []
    return [_LEFT + r"[^0-9a-z]{0,3}".join(re.escape(c) for c in chars) + _RIGHT]


_AT = r"[^0-9a-z]{0,4}(?:@|\bat\b|\ba\s?cong\b)[^0-9a-z]{0,4}"
_DOT = r"(?:[^0-9a-z]{0,4}(?:\bdot\b|\bcham\b)[^0-9a-z]{0,4}|[^0-9a-z]{1,4})"


def _email_patterns(email: str) -> list[str]:
    if "@" not in email:
        return _id_patterns(email) if len(email.strip()) >= 6 else []
    local, _, domain = email.strip().rpartition("@")
    local_parts, domain_parts = words(local), words(domain)
    if not local_parts or not domain_parts:
        return []
    patterns = [
        _LEFT
        + _GAP_OPT.join(map(re.escape, local_parts))
        + _AT
        + _DOT.join(map(re.escape, domain_parts))
        + _RIGHT
    ]
    # The mailbox name alone identifies the sender when it is not a short common word.
    if len("".join(local_parts)) >= 6:
        patterns.append(_LEFT + _GAP_OPT.join(map(re.escape, local_parts)) + _RIGHT)
    return patterns


def _marked_patterns(spans: Iterable[str]) -> list[str]:
    patterns: list[str] = []
    for span in spans:
        tokens = words(span)
        if tokens and len("".join(tokens)) >= 2:
            patterns.append(_sequence(tokens))
    return patterns


@dataclass(frozen=True)
class Identity:
    """The values to look for (the plain fields of ``IdentityData``)."""

    full_name: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    id_number: str = ""
    marked: tuple[str, ...] = ()


def _is_capitalised(text: str, start: int) -> bool:
    return text[start].isupper()


def _after_cue(folded: Folded, start: int) -> bool:
    before = _WORD.findall(folded.folded[max(0, start - 40) : start])
    return bool(before) and before[-1] in NAME_CUES


def find_spans(text: str, identities: Iterable[Identity]) -> tuple[Folded, list[tuple[int, int]]]:
    """The spans of *text* (after NFC) that carry any of *identities*, merged and sorted."""
    folded = Folded.of(text)
    haystack = folded.folded
    spans: list[tuple[int, int]] = []

    def add(pattern: str) -> None:
        spans.extend(
            folded.span(m.start(), m.end())
            for m in re.finditer(pattern, haystack)
            if m.end() > m.start()
        )

    for identity in identities:
        always, singles = _name_patterns(identity.full_name)
        for pattern in [
            *always,
            *_address_patterns(identity.address),
            *_phone_patterns(identity.phone),
            *_id_patterns(identity.id_number),
            *_email_patterns(identity.email),
            *_marked_patterns(identity.marked),
        ]:
            add(pattern)
        for token in singles:
            for match in re.finditer(_LEFT + re.escape(token) + _RIGHT, haystack):
                start, end = folded.span(match.start(), match.end())
                if _is_capitalised(folded.text, start) or _after_cue(folded, match.start()):
                    spans.append((start, end))
    return folded, _merge(spans)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def redact(text: str, identities: Iterable[Identity], *, marker: str = REDACTED) -> str:
    """*text* in NFC with every span carrying an identity replaced by *marker*."""
    if not text:
        return text
    folded, spans = find_spans(text, identities)
    if not spans:
        return folded.text
    out: list[str] = []
    last = 0
    for start, end in spans:
        out.append(folded.text[last:start])
        out.append(marker)
        last = end
    out.append(folded.text[last:])
    return "".join(out)


# Words before a redacted span that say it was an address ("trú tại", "địa chỉ", "ở"): checked
# before the words that introduce a name (``NAME_CUES``: "tôi là", "ông", "bà"…).
ADDRESS_CUES = (("tru", "tai"), ("dia", "chi"), ("cu", "tru"), ("o", "tai"), ("o",), ("tai",))


def reword(text: str, *, name: str, address: str, marker: str = REDACTED) -> str:
    """*text* with each *marker* worded for a reader who may know the sender (a document or a
    slip addressed to them): *name* where the span followed words that introduce a name,
    *address* where it followed words that introduce an address, nothing for any other span
    (a phone, an e-mail, an ID number). Spacing and punctuation around a span left out are
    tidied (decision 0027)."""
    if marker not in text:
        return text
    out: list[str] = []
    last = 0
    for match in re.finditer(re.escape(marker), text):
        before = words(text[max(0, match.start() - 40) : match.start()])
        if any(tuple(before[-len(cue) :]) == cue for cue in ADDRESS_CUES):
            fill = _ADDRESS_SLOT
        elif before and before[-1] in NAME_CUES:
            fill = name
        else:
            fill = ""
        kept = text[last : match.start()]
        if not fill:  # the span's own label goes with it: ", số điện thoại [X]" → ""
            kept = _LABELLED_SPAN.sub("", kept)
        out += [kept, fill]
        last = match.end()
    out.append(text[last:])
    tidy = re.sub(r" +([,.;:)])", r"\1", re.sub(r"  +", " ", "".join(out))).strip()
    return put_address(tidy, _ADDRESS_SLOT, address)


# Where an address goes, until the places written after it are compared with it.
_ADDRESS_SLOT = "\x00address\x00"


# The short clause that labels a span left out, from the comma before it: ", số điện thoại ",
# ", email: ". Up to four words, so that a sentence is never cut.
_LABELLED_SPAN = re.compile(r",(?:\s*[^\s,.;:]+){1,4}\s*:?\s*$")
