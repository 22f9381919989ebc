"""What a petition says, as comparable features: content words, named things, road numbers.

Named things come from capitalisation in the writer's own text ("trại heo Hưng Thịnh Phát",
"Trường THCS Tân Phước", "KCN Phú Lâm II"); each is typed by the word in front of it
(school, project, company, hamlet…), because two petitions naming *different* things of the
same type are about different matters even when the rest of the wording is alike.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from phoihop.text import lexicons
from phoihop.text.normalize import (
    ABBREVIATIONS,
    canonical_synonyms,
    collapse_roads,
    expand_abbreviations,
    fold,
    fold_word,
    join_compounds,
    mark_senses,
    nfc,
    road_keys_of,
    syllables_with_dots,
)
from phoihop.text.spelling import deletions, listed, one_edit, respell

# Function words and petition boilerplate: frequent everywhere, evidence of nothing.
STOPWORDS = frozenset(
    """
    a ai anh ba bi bo cac cai can cho chi chua chung co con cu cua cung da dang day de den
    di do doi duoc gi gio gui ha hay he hien hoac hon hai ke khi khong la lai lam len luc ma
    mai may moi mot muon nam nao nay neu ngay nguoi nhan nhieu nhu nhung no noi nua o ong
    phai qua ra rang rat roi sang sau se so sinh ta tai tam the theo thi thuoc thuong tien
    toi tot trong tu tuy van vao ve vi voi vua xin xem xet nghi kien phan anh tri kinh
    de_nghi dong thoi chuc nang quan tam som sot khan truong tinh xa ap phuong khu pho dan
    viec ho gia dinh cung cap thoi gian hien nay nhat la
    """.split()  # noqa: SIM905
)

# The word in front of a name says what kind of thing it is.
ENTITY_TYPES: dict[str, str] = {
    "truong": "school",
    "tieu hoc": "school",
    "trung hoc co so": "school",
    "trung hoc pho thong": "school",
    "mam non": "school",
    "diem truong": "school",
    "khu cong nghiep": "project",
    "cum cong nghiep": "project",
    "du an": "project",
    "khu tai dinh cu": "project",
    "tai dinh cu": "project",
    "khu dan cu": "project",
    "vanh dai": "project",
    "ho": "project",
    "ho chua nuoc": "project",
    "cong ty": "company",
    "nha may": "company",
    "trai": "company",
    "trang trai": "company",
    "xuong": "company",
    "benh vien": "hospital",
    "trung tam y te": "hospital",
    "tram y te": "hospital",
    "cho": "market",
    "chox": "market",
    "banx": "hamlet",
    "langx": "hamlet",
    "buonx": "hamlet",
    "ap": "hamlet",
    "khu pho": "hamlet",
    "thon": "hamlet",
    "ban": "hamlet",
    "xom": "hamlet",
    "lang": "hamlet",
    "buon": "hamlet",
    "khom": "hamlet",
    "to dan pho": "hamlet",
    "song": "river",
    "kenh": "river",
    "suoi": "river",
    "rach": "river",
    "xa": "commune",
    "phuong": "commune",
}

# Capitalised words that open sentences or name offices rather than things.
_NOT_NAMES = frozenset(
    """
    de nghi cu tri toi chung kinh gui nguoi dan ba con xin nha nuoc trung uong chinh quoc bo
    so uy ban hoi dong doan dai bieu thuong truc mat tran quan ly ong mot nhieu tu khi hien
    trong tinh trang giao duc dao tao y te noi vu tai xay dung nghiep moi truong cong dien
    luc khoa hoc nghe van the thao du lich bao hiem phap luat dinh ky hop tiep xuc chu tich
    muc don thoai mua thang nam ngay chuong trinh vien thong tieu benh vien khu trai trang
    bai ngan hang hang con cac cu chau em vi neu nhung tuy tuyen duong doan
    """.split()  # noqa: SIM905
)

# Words that can start a generic type phrase, itself or through an abbreviation: a name with
# none of them in front is of kind "name" without further search.
_KIND_WORDS = frozenset(
    [word for phrase in ENTITY_TYPES for word in phrase.split()]
    + [word for phrase in ABBREVIATIONS for word in phrase.split()]
)

_TOKEN_RE = re.compile(r"[0-9A-Za-zÀ-ỹĐđ]+")
_CLAUSE_RE = re.compile(r"[.,;:!?()\[\]\n\"“”–]+")


@dataclass(frozen=True)
class Entity:
    """A named thing in a petition: its type (school, project…) and folded name."""

    kind: str
    name: str

    def __str__(self) -> str:
        return f"{self.kind}:{self.name}"


@dataclass
class PetitionFeatures:
    """Comparable features of one petition text.

    ``terms`` are those of the main issue; ``later_terms`` those after the text turns to a
    further one (:func:`main_issue_end`), whose first ``main_length`` tokens are the main
    issue's.
    """

    tokens: list[str]
    terms: list[str]
    roads: list[str]
    entities: list[Entity] = field(default_factory=list)
    later_terms: list[str] = field(default_factory=list)
    main_length: int | None = None
    problems: frozenset[str] = frozenset()  # named in the main issue as written (no repair)

    @property
    def main_tokens(self) -> list[str]:
        """Tokens of the text's main (first) issue; all of them when it raises one."""
        return self.tokens if self.main_length is None else self.tokens[: self.main_length]

    @property
    def names(self) -> set[str]:
        return {entity.name for entity in self.entities}


def content_tokens(text: str, dotted: list[str] | None = None) -> list[str]:
    """Folded tokens with abbreviations expanded, synonyms mapped and roads collapsed.

    *dotted* is :func:`~phoihop.text.normalize.syllables_with_dots` of *text*, when the caller
    has it already.
    """
    if dotted is None:
        dotted = syllables_with_dots(mark_senses(text))
    tokens = expand_abbreviations(collapse_roads(dotted))
    return canonical_synonyms(collapse_roads(tokens))


def terms_of(tokens: list[str]) -> list[str]:
    """Unigrams and adjacent bigrams of content tokens (a bigram is roughly one Vietnamese word)."""
    kept = [token for token in tokens if token not in STOPWORDS and len(token) > 1]
    bigrams = [
        f"{a}_{b}"
        for a, b in itertools.pairwise(tokens)
        if a not in STOPWORDS or b not in STOPWORDS
    ]
    return kept + bigrams


_NAME_SUFFIXES = frozenset({"II", "III", "IV", "A", "B", "C"})
_UNITS = frozenset(
    ["nam", "thang", "ngay", "gio", "km", "m", "ha", "ho", "nguoi", "lan", "tuoi", "con", "trieu"]
)


def _starts_name(word: str, folded: str) -> bool:
    is_abbreviation = word.isupper() and len(word) > 1
    return word[:1].isupper() and not is_abbreviation and folded not in _NOT_NAMES


def _continues_name(word: str) -> bool:
    return word[:1].isupper() and not (word.isupper() and len(word) > 1)


def extract_entities(text: str) -> list[Entity]:
    """Named things in *text*: capitalised runs, typed by the generic word in front of them.

    >>> [str(e) for e in extract_entities("Trường THCS Tân Phước thiếu phòng học")]
    ['school:tan phuoc']
    """
    entities: list[Entity] = []
    for clause in _CLAUSE_RE.split(nfc(text)):
        words = _TOKEN_RE.findall(clause)
        folded = [fold_word(word) for word in words]
        typed = [_type_word(word) for word in words]
        i = 0
        while i < len(words):
            if not _starts_name(words[i], folded[i]):
                i += 1
                continue
            j = i + 1
            while j < len(words) and (
                words[j] in _NAME_SUFFIXES
                or _continues_name(words[j])
                or (words[j].isdigit() and (j + 1 == len(words) or folded[j + 1] not in _UNITS))
            ):
                j += 1
            run = folded[i:j]
            if len(run) >= 2 or (i > 0 and len(run[0]) > 3):
                name = " ".join(canonical_synonyms(run))
                entities.append(Entity(_entity_kind(typed[max(0, i - 6) : i], adjacent=True), name))
            i = j
    return entities


# Type words whose folded form is also another word: with diacritics only the type counts.
_AMBIGUOUS_TYPES = {
    "truong": "trường",
    "ho": "hồ",
    "cho": "chợ",
    "trai": "trại",
    "song": "sông",
    "ban": "bản",
    "lang": "làng",
    "buon": "buôn",
    "xa": "xã",
    "ap": "ấp",
}
# Legal forms between a type word and the name ("Công ty TNHH Hưng Phát").
_LEGAL_FORM = frozenset(["trach", "nhiem", "huu", "han", "co", "phan", "mot", "thanh", "vien"])


def _type_word(word: str) -> str:
    """Folded *word*, or a non-word when it is an accented homograph of a type word."""
    folded = fold_word(word)
    sense = _AMBIGUOUS_TYPES.get(folded)
    if sense is not None and not word.isascii() and word.lower() != sense:
        return folded + "z"
    return folded


def _entity_kind(before: list[str], *, adjacent: bool = False) -> str:
    """Type of a name from the generic words before it.

    With *adjacent*, only a type phrase that ends right before the name counts (legal forms
    such as "TNHH" skipped): "Trường THCS Tân Phước" is a school, "chờ Bộ Tài chính" is not
    a market.
    """
    if _KIND_WORDS.isdisjoint(before):
        return "name"
    return _kind_from_words(tuple(before), adjacent)


@lru_cache(maxsize=65536)
def _kind_from_words(before: tuple[str, ...], adjacent: bool = False) -> str:
    expanded = expand_abbreviations(list(before))
    if adjacent:
        while expanded and expanded[-1] in _LEGAL_FORM:
            expanded.pop()
        for size in (4, 3, 2, 1):
            phrase = " ".join(expanded[-size:]) if len(expanded) >= size else ""
            if phrase in ENTITY_TYPES:
                return ENTITY_TYPES[phrase]
        return "name"
    for end in range(len(expanded), 0, -1):
        for size in (4, 3, 2, 1):
            if end - size >= 0:
                phrase = " ".join(expanded[end - size : end])
                if phrase in ENTITY_TYPES:
                    return ENTITY_TYPES[phrase]
    return "name"


class Gazetteer(dict[str, str]):
    """Folded name → kind, with the name lengths that start at each first word."""

    @property
    def starts(self) -> dict[str, tuple[int, ...]]:
        """First word → lengths (in words, longest first) of the names it starts."""
        cached = self.__dict__.get("_starts")
        if cached is None or self.__dict__.get("_starts_size") != len(self):
            index: dict[str, set[int]] = defaultdict(set)
            for name in self:
                words = name.split()
                index[words[0]].add(len(words))
            cached = {first: tuple(sorted(sizes, reverse=True)) for first, sizes in index.items()}
            self.__dict__["_starts"], self.__dict__["_starts_size"] = cached, len(self)
        return cached


def build_gazetteer(
    entity_lists: Sequence[Sequence[Entity]], places: Sequence[str] = ()
) -> Gazetteer:
    """Names of two or more syllables found capitalised anywhere in the corpus, with their kind.

    *entity_lists* holds :func:`extract_entities` of each text. A name written once with
    capitals ("ấp Bàu Tre") is then recognised where another writer typed it in lower case or
    without diacritics ("ap bau tre"). *places* (commune names from
    the petitions' metadata, e.g. "xã Bàu Sen") are added as kind ``commune``.
    """
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    for entities in entity_lists:
        for entity in entities:
            if " " in entity.name:
                kinds[entity.name][entity.kind] += 1
    for place in places:
        words = fold(place).split()
        if words and words[0] in {"xa", "phuong", "thi", "tran"}:
            words = words[2:] if words[:2] == ["thi", "tran"] else words[1:]
        if len(words) >= 2:
            kinds[" ".join(words)]["commune"] += 1
    gazetteer = Gazetteer()
    for name, counter in kinds.items():
        typed = [(count, kind) for kind, count in counter.items() if kind != "name"]
        gazetteer[name] = max(typed)[1] if typed else "name"
    return gazetteer


def _find_names(tokens: list[str], gazetteer: Gazetteer) -> tuple[list[Entity], dict[int, str]]:
    """Gazetteer names in *tokens* (longest first), and what replaces them in content terms.

    A name's words are replaced by ``|`` (no term), the generic phrase in front of it
    ("truong tieu hoc", "khu cong nghiep") by one joined token: that phrase says what kind
    of place it is, which should count once, not as several words.
    """
    found: list[Entity] = []
    covered: dict[int, str] = {}
    starts = gazetteer.starts if isinstance(gazetteer, Gazetteer) else Gazetteer(gazetteer).starts
    end = 0  # tokens before this position belong to a name already
    for i in [k for k, token in enumerate(tokens) if token in starts]:
        if i < end:
            continue
        for size in starts[tokens[i]]:
            if not 2 <= size <= 4 or i + size > len(tokens):
                continue
            name = " ".join(tokens[i : i + size])
            if name in gazetteer:
                kind = gazetteer[name]
                local = _entity_kind(tokens[max(0, i - 6) : i], adjacent=True)
                found.append(Entity(local if local != "name" else kind, name))
                start = i - _type_phrase_before(tokens, i)
                covered.update(dict.fromkeys(range(start, i + size), "|"))
                if start < i:
                    covered[start] = "".join(tokens[start:i])
                end = i + size
                break
    return found, covered


_TYPE_PHRASES = frozenset(tuple(phrase.split()) for phrase in ENTITY_TYPES)


def _type_phrase_before(tokens: list[str], i: int) -> int:
    """Length of the generic phrase ("truong tieu hoc", "khu cong nghiep") just before *i*.

    Such words say what kind of place a name is, not what the petition is about, so they
    count as one joined term (:func:`_find_names`).
    """
    end = i
    while end > 0:
        for size in (4, 3, 2, 1):
            if end - size >= 0 and tuple(tokens[end - size : end]) in _TYPE_PHRASES:
                end -= size
                break
        else:
            break
    return i - end


# Where a petition turns to a further issue: "đồng thời", "ngoài ra", "mặt khác", "(2)", "; ".
_ISSUE_BREAK_RE = re.compile(
    r"\b(?:dong thoi|ngoai ra|mat khac|ben canh do|thu hai)\b|\(2\)|(?<![\w(])2\)|;"
)
_VUA_RE = re.compile(r"\bvua\b")


def main_issue_end(folded: str) -> int:
    """Length of the first issue of a *folded* text: up to its first turn to another issue.

    Writers who raise two issues put the main one first and join the next with "đồng thời",
    "ngoài ra", "mặt khác", a numbered "(2)", a semicolon or a second "vừa"; the whole
    text's length when there is no such turn.

    >>> text = fold("Sửa ĐT.816, đồng thời xử lý đua xe")
    >>> text[: main_issue_end(text)]
    'sua dt.816, '
    """
    ends = [len(folded)]
    found = _ISSUE_BREAK_RE.search(folded)
    if found:
        ends.append(found.start())
    vua = [m.start() for m in _VUA_RE.finditer(folded)]
    if len(vua) >= 2:
        ends.append(vua[1])
    return min(ends)


def _problem_index() -> dict[str, list[tuple[list[str], str]]]:
    index: dict[str, list[tuple[list[str], str]]] = defaultdict(list)
    for kind, phrases in lexicons.PROBLEM_KINDS.items():
        for phrase in phrases:
            words = phrase.split()
            index[words[0]].append((words, kind))
    return dict(index)


_PROBLEM_INDEX = _problem_index()
# Words of the problem phrases by their one-deletion keys: a token one edit from one of them
# shares a key with it.
_PROBLEM_WORDS = frozenset(
    word for phrases in lexicons.PROBLEM_KINDS.values() for p in phrases for word in p.split()
)
_PROBLEM_KEYS: dict[str, set[str]] = defaultdict(set)
for _word in _PROBLEM_WORDS:
    for _key in deletions(_word):
        _PROBLEM_KEYS[_key].add(_word)


@lru_cache(maxsize=65536)
def _near_problem_words(token: str) -> frozenset[str]:
    """Words of problem phrases equal to *token*, or one edit away when *token* is no word of
    the general list (a real word one edit away is another word: "duong" is not "luong")."""
    if listed(token):
        return frozenset([token]) if token in _PROBLEM_WORDS else frozenset()
    near = {w for key in deletions(token) for w in _PROBLEM_KEYS.get(key, ())}
    return frozenset(w for w in near if one_edit(token, w))


def problem_kinds(tokens: list[str], *, loose: bool = False) -> frozenset[str]:
    """Kinds of problem (:data:`~phoihop.text.lexicons.PROBLEM_KINDS`) named in *tokens*.

    With *loose*, a word of a phrase also matches a token one edit from it ("ngapp",
    "nhiemm"): the kinds a text may mean, for deciding that two texts name *no* kind in
    common, where a typo must not turn into a different problem.
    """
    found = set()
    if loose:
        near = [_near_problem_words(token) for token in tokens]
        for i in range(len(tokens)):
            for first in near[i] & _PROBLEM_INDEX.keys():
                for words, kind in _PROBLEM_INDEX[first]:
                    if i + len(words) <= len(tokens) and all(
                        w in near[i + k] for k, w in enumerate(words)
                    ):
                        found.add(kind)
        return frozenset(found)
    for i in [k for k, token in enumerate(tokens) if token in _PROBLEM_INDEX]:
        for words, kind in _PROBLEM_INDEX[tokens[i]]:
            if tokens[i : i + len(words)] == words:
                found.add(kind)
    return frozenset(found)


def petition_features(
    text: str, gazetteer: Gazetteer | None = None, entities: list[Entity] | None = None
) -> PetitionFeatures:
    """All comparable features of one petition text.

    With a *gazetteer*, names are also recognised in lower-case text, and name syllables are
    left out of the content terms: the place says *where*, the other words say *what*.
    Terms after the text's turn to a further issue (:func:`main_issue_end`) are kept apart
    in ``later_terms``, so that the main issue weighs most.
    """
    written = nfc(text)
    text = respell(written)
    folded = fold(mark_senses(text))
    dotted = syllables_with_dots(folded)
    tokens = content_tokens(folded, dotted)
    entities = list(extract_entities(text) if entities is None else entities)
    topic_tokens = tokens
    if gazetteer:
        named, covered = _find_names(tokens, gazetteer)
        known = {(e.kind, e.name) for e in entities}
        entities += [e for e in named if (e.kind, e.name) not in known]
        topic_tokens = [covered.get(k, t) for k, t in enumerate(tokens)]
    roads = road_keys_of(dotted)
    topic_tokens = ["|" if t in roads else t for t in topic_tokens]
    end = main_issue_end(folded)
    head = len(topic_tokens) if end == len(folded) else len(content_tokens(folded[:end]))
    return PetitionFeatures(
        tokens=tokens,
        terms=[t for t in terms_of(join_compounds(topic_tokens[:head])) if "|" not in t],
        roads=roads,
        entities=entities,
        later_terms=[t for t in terms_of(join_compounds(topic_tokens[head:])) if "|" not in t],
        main_length=head,
        problems=problem_kinds(tokens[:head]) if text == written else _written_problems(written),
    )


def _written_problems(text: str) -> frozenset[str]:
    """Kinds of problem named in the main issue of *text* as its writer typed it: a word the
    spelling repair made ("khoei" → "khoi", smoke) is not a problem the writer named."""
    folded = fold(mark_senses(text))
    return problem_kinds(content_tokens(folded[: main_issue_end(folded)]))
