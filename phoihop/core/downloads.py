"""Files sent to the browser: one ``Content-Disposition`` for every download.

A file name is sent twice (RFC 6266 §4.3): an ASCII ``filename`` for old clients, with the
Vietnamese letters folded (``Quyet dinh 01-QD-UBND.docx``), and the UTF-8 ``filename*`` of
RFC 5987 (``filename*=utf-8''Quy%E1%BA%BFt…``) that browsers prefer, so that a Vietnamese
name arrives intact. A name that is plain ASCII already is sent once, as ``filename``.
"""

import unicodedata
from urllib.parse import quote

from django.http import HttpResponse

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def ascii_name(name: str) -> str:
    """*name* with its Vietnamese letters folded to ASCII (``Đơn thư`` → ``Don thu``), and
    without quotes, backslashes or control characters, for the plain ``filename`` parameter."""
    folded = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in folded if 32 <= ord(c) < 127 and c not in '"\\')


def download_disposition(name: str, *, inline: bool = False) -> str:
    """``Content-Disposition`` for a file named *name*: a download (``attachment``), or shown
    by the browser where it can (``inline``, e.g. a calendar feed)."""
    disposition = "inline" if inline else "attachment"
    plain = ascii_name(name)
    if plain == name:
        return f'{disposition}; filename="{name}"'
    return f"{disposition}; filename=\"{plain}\"; filename*=utf-8''{quote(name, safe='')}"


def file_response(
    content: bytes | str, name: str, content_type: str, *, inline: bool = False
) -> HttpResponse:
    """*content* as a file named *name*. The browser is told not to guess another type."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = download_disposition(name, inline=inline)
    response["X-Content-Type-Options"] = "nosniff"
    return response
