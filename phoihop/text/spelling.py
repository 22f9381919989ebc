"""Spelling: the shape of a Vietnamese syllable, and typos repaired against a general lexicon.

A petition is often typed in a hurry: "ngưi dân", "bảo hiẻm", "nươc sạch", "câp thẻ". Folded,
these no longer match "người", "bảo hiểm", "nước", "cấp", and two petitions about one issue
lose the words they share. :func:`respell` repairs such a word before anything else reads
the text. It looks the word up in a general Vietnamese word list (`wordfreq`, built from
Wikipedia, subtitles, news and the web: decision 0046), not in any petitions, so its
repairs are the same in every province.

A lower-case word is repaired only when it is neither in the list nor a well-formed
syllable (:func:`well_formed`: a syllable's shape, at most one tone mark, "iê", "uô" or
"ươ" marked before a final, and a syllable ending in p, t, c or ch carries the sắc or nặng
tone). Rare real words ("nồm", "ươn") are
left alone; so are capitalised words (names), numbers, and abbreviations ("cty", "bhxh").
The repair is the most frequent listed word spelled with the same letters but other marks
("nhât" → "nhất"), or else the most frequent one edit away ("nônng" → "nông"). A text
typed without diacritics is repaired against the list folded ("nguuoi" → "nguoi").
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from functools import cache, lru_cache

from phoihop.text.normalize import ABBREVIATIONS, fold_word, nfc

# The shape of a folded Vietnamese syllable: onset, vowels, coda; a trailing "x" marks a
# sense resolved from diacritics ("chox" for chợ). A token of another shape is a typo or a
# foreign word.
_SYLLABLE = re.compile(
    r"(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdghklmnprstvx])?"
    r"(?:ieu|yeu|oai|oay|oeo|uay|uoi|uou|uya|uye|uyu"
    r"|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uy|ya|ye|[aeiouy])"
    r"(?:ch|ng|nh|[cmnpt])?x?"
)
# Combining tone marks (NFD): sắc, huyền, hỏi, ngã, nặng.
_TONES = {"\u0301": "sắc", "\u0300": "huyền", "\u0309": "hỏi", "\u0303": "ngã", "\u0323": "nặng"}
_STOP_CODAS = ("p", "t", "c", "ch")
_VOWEL = re.compile("[aeiouy]")
_UNMARKED_DIPHTHONG = re.compile(r"[iy]e[a-zđ]|(?<!q)uo[a-zđ]|ưo")
_WORD = re.compile(r"\w+")
# A repair must be at least this common in the list (Zipf scale: 3 is once per million words).
MIN_ZIPF = 2.5


def is_syllable(token: str) -> bool:
    """Whether *token* has the shape of a folded Vietnamese syllable."""
    return _SYLLABLE.fullmatch(token) is not None


def well_formed(word: str) -> bool:
    """Whether the lower-case *word* can be a Vietnamese syllable as written.

    >>> [well_formed(w) for w in ("nhất", "nhât", "hiểm", "hiẻm", "ngừoi", "hộii", "nồm")]
    [True, False, True, False, False, False, True]
    """
    if not is_syllable(fold_word(word)):
        return False
    decomposed = unicodedata.normalize("NFD", word)
    tones = [_TONES[c] for c in decomposed if c in _TONES]
    if len(tones) > 1:
        return False
    if not word.isascii():  # typed with marks: "iê", "uô", "ươ" before a final need them
        vowels = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
        if _UNMARKED_DIPHTHONG.search(vowels):
            return False
    return not fold_word(word).endswith(_STOP_CODAS) or (
        bool(tones) and tones[0] in ("sắc", "nặng")
    )


@lru_cache(maxsize=262144)
def deletions(token: str) -> frozenset[str]:
    """*token* and each one-letter deletion of it (cached: syllables repeat across texts)."""
    return frozenset({token} | {token[:k] + token[k + 1 :] for k in range(len(token))})


def one_edit(a: str, b: str) -> bool:
    """Whether *a* and *b* are equal or one edit apart (the longer of three letters or more)."""
    if a == b:
        return True
    if max(len(a), len(b)) < 3 or a.isdigit() or b.isdigit() or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    if len(a) > len(b):
        a, b = b, a
    return any(b[:k] + b[k + 1 :] == a for k in range(len(b)))


class _Lexicon:
    """One spelling (accented, or folded) of the word list: frequency and deletion index."""

    def __init__(self, zipf: dict[str, float]) -> None:
        self.zipf = zipf
        self.by_deletion: dict[str, list[str]] = defaultdict(list)
        for word, z in zipf.items():
            if z >= MIN_ZIPF and len(word) >= 2:
                for key in deletions(word):
                    self.by_deletion[key].append(word)

    def nearest(self, word: str) -> str | None:
        """The most frequent listed word one edit from *word* (ties by spelling)."""
        options = {
            other
            for key in deletions(word)
            for other in self.by_deletion.get(key, ())
            if one_edit(word, other)
        }
        return max(options, key=lambda o: (self.zipf[o], o)) if options else None


@cache
def _lexicons() -> tuple[_Lexicon, _Lexicon, dict[str, str]]:
    """The accented list, the folded list, and the most frequent accented word per fold."""
    from wordfreq import get_frequency_dict

    accented = {
        word: math.log10(frequency) + 9
        for word, frequency in get_frequency_dict("vi", wordlist="small").items()
        if word.isalpha()
    }
    folded: dict[str, float] = {}
    by_fold: dict[str, str] = {}
    for word, z in accented.items():
        key = fold_word(word)
        folded[key] = max(folded.get(key, z), z)
        if z > accented.get(by_fold.get(key, ""), -1.0):
            by_fold[key] = word
    return _Lexicon(accented), _Lexicon(folded), by_fold


@lru_cache(maxsize=262144)
def respell_word(word: str) -> str:
    """*word* (lower case, NFC) repaired when it is a typo, else itself.

    >>> [respell_word(w) for w in ("hộii", "nhât", "nônng", "nguuoi", "nồm", "cty")]
    ['hội', 'nhất', 'nông', 'nguoi', 'nồm', 'cty']
    """
    folded = fold_word(word)
    if len(word) < 2 or not word.isalpha() or folded in ABBREVIATIONS or abbreviation(word):
        return word
    accented, plain, by_fold = _lexicons()
    lexicon = plain if word.isascii() else accented
    if word in lexicon.zipf or well_formed(word):
        return word
    if not word.isascii() and accented.zipf.get(by_fold.get(folded, ""), 0.0) >= MIN_ZIPF:
        return by_fold[folded]
    return lexicon.nearest(word) or word


def listed(folded: str) -> bool:
    """Whether a folded word is the fold of a word of the general word list."""
    return folded in _lexicons()[1].zipf


def abbreviation(word: str) -> bool:
    """A word with no vowel, or of three plain letters and no syllable's shape: "cty", "tdp"."""
    return not _VOWEL.search(fold_word(word)) or (
        len(word) <= 3 and word.isascii() and not is_syllable(word)
    )


def respell(text: str) -> str:
    """*text* (NFC) with its lower-case typos repaired (:func:`respell_word`).

    >>> respell("Thẻ bảo hiẻm của ngừoi dân ở xã Ea Ruh")
    'Thẻ bảo hiểm của người dân ở xã Ea Ruh'
    """
    text = nfc(text)
    if _KEPT.issuperset(_WORD.findall(text)):  # most texts: every word known to stay
        return text
    return _WORD.sub(_respell_match, text)


# Words seen to stay as they are (names, listed words, well-formed syllables): a text made of
# them only is returned at once. Bounded, so that a large corpus cannot grow it without end.
_KEPT: set[str] = set()
_KEPT_MAX = 400_000


def _respell_match(match: re.Match[str]) -> str:
    word = match.group(0)
    repaired = respell_word(word) if word.islower() else word
    if repaired == word and len(_KEPT) < _KEPT_MAX:
        _KEPT.add(word)
    return repaired
