"""A sender's address put into a text that may already name its place after it."""

import re
import unicodedata

# The clause after an address: ", phường Mộc" up to the next comma or stop.
_NEXT_PLACE = re.compile(r"\s*,\s*([^,.;:()]+?)(?=\s*[,.;:()]|\s*$)")


def _key(words: str) -> str:
    return " ".join(unicodedata.normalize("NFC", words).casefold().split())


def put_address(text: str, placeholder: str, address: str) -> str:
    """*text* with each *placeholder* replaced by *address*; the places written right after
    it that the address already names are left out, so that "trú tại «…», phường Mộc" with an
    address ending in "phường Mộc" does not name the ward twice.

    >>> put_address("trú tại [A], phường Mộc, tỉnh Hà. Xin", "[A]", "Số 9 ngõ 4, phường Mộc")
    'trú tại Số 9 ngõ 4, phường Mộc, tỉnh Hà. Xin'
    """
    named = {_key(part) for part in address.split(",") if part.strip()}
    out: list[str] = []
    last = 0
    for match in re.finditer(re.escape(placeholder), text):
        out += [text[last : match.start()], address]
        last = match.end()
        while (place := _NEXT_PLACE.match(text, last)) and _key(place.group(1)) in named:
            last = place.end()
    out.append(text[last:])
    return "".join(out)
