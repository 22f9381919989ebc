"""A canary identity and the ways people write it, for the redaction fuzz tests.

Each *variant kind* is one way a sender's value reaches free text: without diacritics, in NFD,
upper case, split by a line break or double space, the given name alone (capitalised, or after
"ông"/"tên là"), the household part of the address, the phone as ``+84 912…``, ``84912…``,
``(091) 288-8002``, ``0912.888.002``, the ID as ``079/900/…``, the e-mail as ``a [at] b [dot]
vn``… ``render(kind, choices)`` draws one concrete string of a kind; the choices come from
hypothesis in the property test and from a seeded ``random.Random`` in the end-to-end walk.

``survivors(text)`` lists what of the canary can still be read in *text*: it folds the text
(accents, case, Unicode form) and drops every space and punctuation, then looks for the
canary's distinctive tokens, so a survivor is found however it was disguised.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable

from phoihop.identity.redaction import fold
from phoihop.identity.services import IdentityData

CANARY = IdentityData(
    full_name="Quách Thị Plúgh",
    address="Số 47 ngõ 219 đường Kẽm Nhung, thôn Vực Sâu, xã Mộc, tỉnh Hòa Lĩnh",
    phone="0912 888 002",
    email="plugh.quach@thuvien.vn",
    id_number="079900123456",
)

# What must never be readable, on folded text with spaces and punctuation removed.
DISTINCTIVE = {
    "name": "plugh",
    "full name": "quachthiplugh",
    "phone": "912888002",
    "id": "079900123456",
    "house": "47ngo219",
    "house number": "so47",
    "household": "kemnhungthonvucsau",
}

Choose = Callable[[list], object]


def _case(text: str, choose: Choose) -> str:
    style = choose(["as is", "lower", "upper", "title"])
    return {
        "as is": text,
        "lower": text.lower(),
        "upper": text.upper(),
        "title": text.title(),
    }[style]


def _accents(text: str, choose: Choose) -> str:
    form = choose(["NFC", "NFD", "folded"])
    if form == "folded":
        decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
        return "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize(form, text)


def _spacing(words: list[str], choose: Choose) -> str:
    out = words[0]
    for word in words[1:]:
        out += choose([" ", "  ", "\n", " \n ", "\t", " - ", "-", ". ", ", ", "_", "\r\n"]) + word
    return out


def _name(choose: Choose) -> str:
    words = choose(
        [
            ["Quách", "Thị", "Plúgh"],
            ["Thị", "Plúgh"],
            ["Quách", "Plúgh"],
            ["QuáchThịPlúgh"],
        ]
    )
    return _accents(_case(_spacing(list(words), choose), choose), choose)


def _given_name(choose: Choose) -> str:
    given = _accents(choose(["Plúgh", "PLÚGH"]), choose)
    return choose(["", "bà ", "chị ", "tên là ", "Tôi là ", "em "]) + given


def _address(choose: Choose) -> str:
    words = choose(
        [
            ["Số", "47", "ngõ", "219", "đường", "Kẽm", "Nhung,", "thôn", "Vực", "Sâu"],
            ["số", "nhà", "47,", "ngõ", "219"],
            ["ngõ", "219", "Kẽm", "Nhung"],
            ["47", "ngõ", "219"],
            ["số", "47"],
        ]
    )
    return _accents(_case(_spacing(list(words), choose), choose), choose)


def _phone(choose: Choose) -> str:
    return choose(
        [
            "0912 888 002",
            "0912888002",
            "+84 912 888 002",
            "+84912888002",
            "84912888002",
            "(+84) 912-888-002",
            "(091) 288-8002",
            "0912.888.002",
            "091 2888 002",
            "0912-888-002",
            "84 91 28 88 00 2",
            "0912\n888 002",
        ]
    )


def _id_number(choose: Choose) -> str:
    sep = choose(["", " ", ".", "-", "/", " / ", "\n"])
    groups = choose([["079", "900", "123", "456"], ["0799", "0012", "3456"], ["079900", "123456"]])
    return sep.join(groups)


def _email(choose: Choose) -> str:
    return choose(
        [
            "plugh.quach@thuvien.vn",
            "PLUGH.QUACH@THUVIEN.VN",
            "plugh.quach [at] thuvien [dot] vn",
            "plugh.quach at thuvien dot vn",
            "plugh.quach(at)thuvien(dot)vn",
            "plugh . quach @ thuvien . vn",
            "plugh.quach a còng thuvien chấm vn",
            "plugh.quach[@]thuvien[.]vn",
        ]
    )


KINDS: dict[str, Callable[[Choose], str]] = {
    "name": _name,
    "given name": _given_name,
    "address": _address,
    "phone": _phone,
    "id number": _id_number,
    "e-mail": _email,
}

FILLERS = [
    "Tôi xin trình bày sự việc như sau:",
    "Liên hệ:",
    "Kính gửi Ủy ban nhân dân xã Mộc.",
    "Ông Trần Văn B, cán bộ địa chính xã Mộc, nhận tiền khi cấp giấy chứng nhận.",
    "Đề nghị xem xét, giải quyết.",
]


def render(choose: Choose, count: int = 3) -> str:
    """A letter text with *count* canary values of random kinds among ordinary sentences."""
    parts = [choose(FILLERS)]
    for _ in range(count):
        kind = choose(sorted(KINDS))
        parts.append(KINDS[kind](choose))
        parts.append(choose(FILLERS))
    return " ".join(parts)


def every_kind_text() -> str:
    """One text with every variant of every kind (the exhaustive list above)."""
    parts: list[str] = []
    for kind, draw in KINDS.items():
        for seed in range(24):
            rng = random.Random(f"{kind}-{seed}")
            parts.append(draw(rng.choice))
            parts.append("Đề nghị xem xét.")
    return " ".join(parts)


def random_texts(count: int, seed: str = "canary") -> list[str]:
    rng = random.Random(seed)
    return [render(rng.choice, count=4) for _ in range(count)]


def survivors(text: str) -> list[str]:
    """The canary's distinctive tokens still readable in *text*."""
    collapsed = re.sub(r"[^0-9a-z]", "", fold(text))
    return [label for label, token in DISTINCTIVE.items() if token in collapsed]
