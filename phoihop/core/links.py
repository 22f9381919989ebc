"""Links that leave the site: e-mails carry absolute addresses built from PHOIHOP_SITE_URL."""

from urllib.parse import urlsplit

from django.conf import settings


def absolute_url(path: str) -> str:
    """*path* as an address a reader can open from an e-mail; absolute URLs pass unchanged.

    >>> absolute_url("/don/1/")  # with PHOIHOP_SITE_URL = "https://phoihop.example.gov.vn"
    'https://phoihop.example.gov.vn/don/1/'
    """
    if not path or urlsplit(path).scheme:
        return path
    return f"{settings.PHOIHOP_SITE_URL}/{path.lstrip('/')}"


def site_url_is_local() -> bool:
    """True while the site address still names this machine (the development default)."""
    host = urlsplit(settings.PHOIHOP_SITE_URL).hostname or ""
    return host in {"127.0.0.1", "localhost", "::1", ""}
