"""A citizen's browser against a served phoihop, with the standard library only.

Used by ``deploy/smoke.py``, ``bench/load.py`` and ``bench/crash.py``: one :class:`Citizen` is
one browser (its own cookies), which opens the portal's form, sends a letter with the form's
idempotency key, reads the receipt and looks the letter up on the status page.
"""

import html
import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass

_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_ORG = re.compile(r'<option value="(\d+)"')
_CODE = re.compile(r'<code class="big">([^<]+)</code>')
_RECEIPT_URL = re.compile(r"/cong-dan/gui-don/da-nhan/([^/]+)/")
CONTENT = (
    "Kiến nghị về việc sửa chữa đoạn đường liên xã bị sạt lở sau mưa lũ, "
    "đề nghị cơ quan xem xét và trả lời."
)


@dataclass
class Response:
    status: int
    url: str
    body: str


@dataclass
class Receipt:
    tracking_code: str
    token: str | None


class Citizen:
    """One browser session. Every call is bounded by *timeout* seconds."""

    def __init__(self, base: str, timeout: float = 30) -> None:
        self.base = base.rstrip("/")
        self.timeout = timeout
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def request(self, path: str, data: dict | None = None) -> Response:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        req = urllib.request.Request(self.base + path, data=body)  # noqa: S310 (loopback only)
        if data is not None:
            req.add_header("Referer", self.base + path)
        try:
            with self.opener.open(req, timeout=self.timeout) as resp:
                return Response(resp.status, resp.url, resp.read().decode())
        except urllib.error.HTTPError as exc:
            return Response(exc.code, exc.url or "", exc.read().decode(errors="replace"))

    def get(self, path: str) -> Response:
        return self.request(path)

    def letter_form(self) -> tuple[str, list[str]]:
        """The form's CSRF token and the recipients' ids."""
        page = self.get("/cong-dan/gui-don/")
        if page.status != 200:
            raise RuntimeError(f"form: HTTP {page.status}")
        return _CSRF.search(page.body).group(1), _ORG.findall(page.body)

    def submit(self, csrf: str, organization: str, key: uuid.UUID, name: str) -> Receipt | None:
        """Send the letter; the receipt, or None when the answer is not a receipt."""
        page = self.request(
            "/cong-dan/gui-don/",
            {
                "csrfmiddlewaretoken": csrf,
                "organization": organization,
                "full_name": name,
                "address": "Thôn 3, xã Hòa Bình",
                "phone": "0912 000 111",
                "email": "",
                "content": CONTENT,
                "consent": "on",
                "idempotency_key": str(key),
            },
        )
        if page.status != 200:
            return None
        return parse_receipt(page)

    def status(self, tracking_code: str, token: str) -> bool:
        """True when the status page shows this letter."""
        page = self.get("/cong-dan/tra-cuu/")
        csrf = _CSRF.search(page.body).group(1)
        page = self.request(
            "/cong-dan/tra-cuu/",
            {"csrfmiddlewaretoken": csrf, "tracking_code": tracking_code, "token": token},
        )
        return page.status == 200 and f"Đơn {tracking_code}" in page.body


def parse_receipt(page: Response) -> Receipt | None:
    """The tracking code and (when shown) the token of a receipt page."""
    if "Đã nhận đơn của bạn" not in page.body:
        return None
    codes = [html.unescape(c) for c in _CODE.findall(page.body)]
    match = _RECEIPT_URL.search(page.url)
    code = match.group(1) if match else codes[0]
    token = codes[1] if len(codes) > 1 else None
    return Receipt(code, token)
