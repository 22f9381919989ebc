"""Vietnamese text normalization: folding, abbreviations, road numbers, syllable tokens.

Everything here is pure Python with no Django dependency, so search, consolidation and the
benchmark share one definition of "the same words".

The *search key* of a text is its folded form (NFC, lower case, diacritics removed, đ→d) with
common administrative abbreviations expanded and road references reduced to one token
(``dt816`` for "ĐT.816", "DT816", "đường tỉnh 816", "duong tinh 816", "tỉnh lộ 816").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_D_TABLE = str.maketrans({"đ": "d", "Đ": "D"})
_WORD_RE = re.compile(r"[0-9a-z]+")

# Abbreviations as officials and voters write them, keyed by their folded form.
ABBREVIATIONS: dict[str, str] = {
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "dbqh": "dai bieu quoc hoi",
    "qh": "quoc hoi",
    "mttq": "mat tran to quoc",
    "bhyt": "bao hiem y te",
    "bhxh": "bao hiem xa hoi",
    "gpmb": "giai phong mat bang",
    "tdc": "tai dinh cu",
    "kcn": "khu cong nghiep",
    "ccn": "cum cong nghiep",
    "ttyt": "trung tam y te",
    "bv": "benh vien",
    "bvdk": "benh vien da khoa",
    "thcs": "trung hoc co so",
    "thpt": "trung hoc pho thong",
    "th": "tieu hoc",
    "mn": "mam non",
    "gddt": "giao duc va dao tao",
    "gd dt": "giao duc va dao tao",
    "qlda": "quan ly du an",
    "ban qlda": "ban quan ly du an",
    "tncn": "thu nhap ca nhan",
    "gcn": "giay chung nhan",
    "gcnqsdd": "giay chung nhan quyen su dung dat",
    "qsdd": "quyen su dung dat",
    "txct": "tiep xuc cu tri",
    "ntm": "nong thon moi",
    "tw": "trung uong",
    "nd": "nghi dinh",
    "tnhh": "trach nhiem huu han",
    "cp": "co phan",
    "mtv": "mot thanh vien",
    "ptqd": "phat trien quy dat",
    "bts": "tram phat song",
    "vnd": "dong",
    "tp": "thanh pho",
    "hs": "hoc sinh",
    "ko": "khong",
    "k": "khong",
    "dc": "duoc",
    "đc": "duoc",
    "tr": "trieu",
}

# Words that mean the same thing in petitions; mapped to one canonical folded phrase.
# Only the matching side uses these (consolidation); search keeps the writer's words.
SYNONYMS: dict[str, str] = {
    "den bu": "boi thuong",
    "so do": "giay chung nhan",
    "so hong": "giay chung nhan",
    "giay chung nhan quyen su dung dat": "giay chung nhan",
    "tho cu": "dat o",
    "cap 1": "tieu hoc",
    "heo": "lon",
    "sat nhap": "sap xep",
    "o ga": "hu hong",
    "o voi": "hu hong",
    "xuong cap": "hu hong",
    "hu": "hu hong",
    "nguoi gia": "nguoi cao tuoi",
    "cac cu": "nguoi cao tuoi",
    "phu cap": "tro cap",
    "internet": "vien thong",
    "xe buyt": "xe buyt",
    "chat doc da cam": "chat doc hoa hoc",
    # Roads and buildings: every way of saying "damaged" or "patched".
    "nut nat": "hu hong",
    "un tac": "ket xe",
    # Flooding.
    "ngap ungx": "ngap",
    "ungx ngap": "ngap",
    "ungx": "ngap",
    # Late payment of compensation or allowances.
    # Smells, crime reports, overcrowding.
    "to giac": "to cao",
    "boc dau": "dua xe",
    "ii": "2",
    "iii": "3",
    "iv": "4",
}

_ROAD_PREFIXES = {
    "dt": "dt",
    "duong tinh": "dt",
    "tinh lo": "dt",
    "duong tinh lo": "dt",
    "ql": "ql",
    "quoc lo": "ql",
    "duong huyen": "dh",
}
_ROAD_RE = re.compile(
    r"\b(duong tinh lo|duong tinh|tinh lo|quoc lo|duong huyen|dt|ql)\s*[.\-]?\s*(\d{1,4}[a-z]?)\b"
)
# "đường 816" with a 3–4 digit number is how voters name a numbered road without its class.
_BARE_ROAD_RE = re.compile(
    r"\b(duong|tuyen)\s+(\d{3,4}[a-z]?)\b"
    r"(?!\s*(m|m2|met|cm|km|ha|ho|nam|trieu|nguoi|phut|gio|ngay|thang|lan)\b)"
)


def nfc(text: str) -> str:
    """Return *text* in Unicode NFC (composed) form, the form Vietnamese is stored in."""
    return unicodedata.normalize("NFC", text or "")


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """Fold one word: lower case, strip diacritics, đ→d."""
    decomposed = unicodedata.normalize("NFD", word.lower().translate(_D_TABLE))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Fold *text*: NFC, lower case, no diacritics, đ→d; punctuation is kept.

    >>> fold("Đường tỉnh ĐT.816")
    'duong tinh dt.816'
    """
    text = nfc(text)
    if text.isascii():  # typed without diacritics, or folded already
        return " ".join(text.lower().split())
    return " ".join(fold_word(part) for part in text.split())


def syllables(text: str) -> list[str]:
    """Split folded *text* into syllables and numbers (Vietnamese writes one syllable a word)."""
    return _WORD_RE.findall(fold(text).replace("&", ""))


_PHRASE_INDEXES: dict[int, dict[str, list]] = {}


def _phrase_index(table: dict[str, str]) -> dict[str, list]:
    """Phrases of a table grouped by first word, longest first: ``{first: [(words, repl)]}``."""
    if id(table) in _PHRASE_INDEXES:
        return _PHRASE_INDEXES[id(table)]
    index: dict[str, list] = {}
    for phrase, replacement in table.items():
        words = phrase.split()
        index.setdefault(words[0], []).append((words, replacement.split()))
    for entries in index.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    _PHRASE_INDEXES[id(table)] = index
    return index


def _replace_phrases(tokens: list[str], table: dict[str, str]) -> list[str]:
    """Replace the longest phrases of *tokens* found in *table* (keys are space-joined)."""
    index = _phrase_index(table)
    out: list[str] = []
    done = 0  # tokens before this position are in *out* already
    for start in [k for k, token in enumerate(tokens) if token in index]:
        if start < done:
            continue
        for words, replacement in index[tokens[start]]:
            if tokens[start : start + len(words)] == words:
                out += tokens[done:start]
                out += replacement
                done = start + len(words)
                break
    out += tokens[done:]
    return out


def expand_abbreviations(tokens: list[str]) -> list[str]:
    """Expand administrative abbreviations (``ubnd`` → ``uy ban nhan dan``) in folded tokens."""
    return _replace_phrases(tokens, ABBREVIATIONS)


# Fixed terms of three words or more (what the abbreviations stand for), joined into one
# token where petitions are compared, so "BHYT" counts as one term rather than as six
# overlapping words and bigrams. Two-word terms are bigrams already.
COMPOUNDS: dict[str, str] = {
    phrase: phrase.replace(" ", "") for phrase in ABBREVIATIONS.values() if phrase.count(" ") >= 2
}


def join_compounds(tokens: list[str]) -> list[str]:
    """Join fixed multi-word terms into one token (``bao hiem y te`` → ``baohiemyte``)."""
    return _replace_phrases(tokens, COMPOUNDS)


def canonical_synonyms(tokens: list[str]) -> list[str]:
    """Map petition synonyms (``den bu`` → ``boi thuong``) to one canonical phrase."""
    return _replace_phrases(tokens, SYNONYMS)


def road_keys(text: str) -> list[str]:
    """Return road tokens (``dt816``, ``ql47c``) named in *text*, in order, without repeats.

    A bare "đường 816" becomes ``dt816``: voters drop the class of provincial roads, and a
    three-or-four-digit number after "đường" is nearly always a provincial road in a province.

    >>> road_keys("sửa ĐT.816 và duong tinh 823, QL 47C")
    ['dt816', 'dt823', 'ql47c']
    """
    return road_keys_of(syllables_with_dots(text))


def road_keys_of(dotted: list[str]) -> list[str]:
    """:func:`road_keys` of a text already split by :func:`syllables_with_dots`."""
    folded = " ".join(dotted)
    found: list[str] = []
    for match in _ROAD_RE.finditer(folded):
        key = _ROAD_PREFIXES[match.group(1)] + match.group(2)
        if key not in found:
            found.append(key)
    for match in _BARE_ROAD_RE.finditer(_ROAD_RE.sub(" ", folded)):
        key = "dt" + match.group(2)
        if key not in found:
            found.append(key)
    return found


def syllables_with_dots(text: str) -> list[str]:
    """Folded words with punctuation turned to spaces, except that "dt.816" keeps its parts."""
    folded = _LETTER_DOT_DIGIT_RE.sub(" ", fold(text))
    folded = _LETTER_DIGIT_RE.sub(" ", folded)  # "dt816" -> "dt 816"
    return _WORD_RE.findall(folded)


_LETTER_DOT_DIGIT_RE = re.compile(r"(?<=[a-z])\.(?=\d)")
_LETTER_DIGIT_RE = re.compile(r"(?<=[a-z])(?=\d)")


_ROAD_WORDS = {"dt": "duong tinh", "ql": "quoc lo", "dh": "duong huyen"}


def collapse_roads(tokens: list[str], *, keep_words: bool = False) -> list[str]:
    """Replace road phrases in folded *tokens* by one road token each (``dt 816`` → ``dt816``).

    With *keep_words* the class and number stay in front of the token
    (``duong tinh 816 dt816``), so an index also answers "đường tỉnh" alone.
    """

    def road(kind: str, number: str) -> str:
        token = kind + number
        return f" {_ROAD_WORDS[kind]} {number} {token} " if keep_words else f" {token} "

    joined = " ".join(tokens)
    joined = _ROAD_RE.sub(lambda m: road(_ROAD_PREFIXES[m.group(1)], m.group(2)), joined)
    joined = _BARE_ROAD_RE.sub(lambda m: road("dt", m.group(2)), joined)
    return joined.split()


def search_tokens(text: str, *, keep_road_words: bool = False) -> list[str]:
    """Folded tokens used for search: abbreviations expanded, road phrases collapsed.

    >>> search_tokens("Sửa ĐT.816, UBND xã")
    ['sua', 'dt816', 'uy', 'ban', 'nhan', 'dan', 'xa']
    """
    tokens = expand_abbreviations(collapse_roads(syllables_with_dots(text)))
    return collapse_roads(tokens, keep_words=keep_road_words)


def search_key(text: str) -> str:
    """The folded, expanded form of a document that search indexes store.

    Road references keep their words and gain a road token, so "ĐT.816" is found by
    "đường tỉnh 816", "duong tinh 816", "DT816" and by "đường tỉnh" alone.
    """
    return " ".join(search_tokens(text, keep_road_words=True))


def query_terms(query: str) -> list[str]:
    """Folded terms of a search query; a road phrase becomes one term (``dt816``)."""
    return search_tokens(query)


# Folded syllables that stand for several words. The engine's lexicons mean one of them, so
# that sense gets its own token: with diacritics the accented form decides ("chợ" is the
# market, "cho", "chờ", "chở", "chỗ" are not); without them the neighbouring words decide.
SENSES: dict[str, tuple[str, str]] = {
    # folded syllable: (accented form of the sense, token of the sense)
    "cho": ("chợ", "chox"),
    "hoi": ("hôi", "hoix"),
    "tuoi": ("tưới", "tuoix"),
    "ung": ("úng", "ungx"),
    "ban": ("bản", "banx"),
    "lang": ("làng", "langx"),
    "buon": ("buôn", "buonx"),
}
# Words next to an unaccented ambiguous syllable that show the sense (one word either side,
# or the phrase just before it).
_SENSE_CONTEXT: dict[str, frozenset[str]] = {
    "cho": frozenset(
        {"nha", "long", "tieu", "thuong", "kiot", "sap", "dau", "moi", "phien", "hop"}
    ),
    "hoi": frozenset({"mui", "thoi", "boc", "nong", "nac", "tanh", "ruoi"}),
    "tuoi": frozenset({"nuoc", "kenh", "muong", "tieu", "ruong", "lua", "vu", "cay", "bom"}),
    "ung": frozenset({"ngap", "lut", "nuoc"}),
    "ban": frozenset(),  # without diacritics "ban" is too often "bán", "bàn", "ban quản lý"
    "lang": frozenset(),
    "buon": frozenset(),
}
_SENSE_BLOCK: dict[str, frozenset[str]] = {
    # "tuổi": a number or "cao" before it; "đáp ứng", "ung thư", "ứng cử".
    "tuoi": frozenset({"cao", "do", "nguoi", "thieu", "lon"}),
    "ung": frozenset({"dap", "thu", "cu", "xu", "phan", "tam", "ho", "thich", "dung"}),
    "buon": frozenset({"ban", "lau", "chuyen", "dua"}),  # "buôn bán", "buôn lậu"
}


def mark_senses(text: str) -> str:
    """*text* with each ambiguous syllable meaning a lexicon sense written as its sense token.

    >>> mark_senses("Chợ Bà Rịa; cho tôi hỏi")
    'chox Bà Rịa; cho tôi hỏi'
    >>> mark_senses("mui hoi nong nac, nuoc tuoi khong du, dap ung")
    'mui hoix nong nac, nuoc tuoix khong du, dap ung'
    """
    text = nfc(text)
    words = re.split(r"(\W+)", text)
    accented = not text.isascii()
    out = list(words)
    plain = [w.lower() for w in words]
    for k, _word in enumerate(words):
        low = plain[k]
        folded = fold_word(low) if not low.isascii() else low
        sense = SENSES.get(folded)
        if sense is None:
            continue
        before = fold_word(plain[k - 2]) if k >= 2 else ""
        after = fold_word(plain[k + 2]) if k + 2 < len(words) else ""
        blocked = _SENSE_BLOCK.get(folded, frozenset())
        if not low.isascii():
            if low == sense[0] and not (folded == "buon" and after in blocked):
                out[k] = sense[1]
            continue
        if accented:
            continue  # an unaccented word in accented text: another word typed plainly
        if before in blocked or after in blocked or before.isdigit():
            continue
        context = _SENSE_CONTEXT[folded]
        if before in context or after in context:
            out[k] = sense[1]
        elif folded == "cho" and words[k][:1] == "C" and after[:1].isalpha():
            out[k] = sense[1]  # "Cho Lon": a capitalised market name
    return "".join(out)
