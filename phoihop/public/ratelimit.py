"""Fixed-window rate limits on the public site, kept in Django's cache.

Each limit is a counter per window; ``cache.add`` starts it with the window as its time-out and
``cache.incr`` counts, so every process sharing the cache (Redis, Memcached, the database cache)
shares the limit. The local-memory cache limits per process only.
"""

import time

from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.crypto import salted_hmac


class RateLimited(Exception):
    """The limit *name* is spent; ``retry_after`` seconds until the window ends."""

    def __init__(self, name: str, retry_after: int) -> None:
        super().__init__(name)
        self.name = name
        self.retry_after = retry_after


def client_address(request) -> str:
    """The client's address as the web server saw it.

    Behind a reverse proxy, set the proxy to overwrite REMOTE_ADDR (e.g. nginx real_ip) rather
    than trusting a client-supplied X-Forwarded-For here. Empty when the request carries none
    (a sign-in made without an HTTP request): sign-in records then store no address, which an
    address column accepts on every database.
    """
    return request.META.get("REMOTE_ADDR", "") if request is not None else ""


def mailbox(email: str) -> str:
    """The mailbox an address delivers to, as far as the address tells: trimmed, in lower
    case, without a ``+tag`` sub-address, and without the dots Gmail ignores. Limits count
    per mailbox, so ``an+1@…`` and ``an+2@…`` share one allowance."""
    local, _, domain = (email or "").strip().lower().rpartition("@")
    local = local.split("+", 1)[0]
    if domain in ("gmail.com", "googlemail.com"):
        local, domain = local.replace(".", ""), "gmail.com"
    return f"{local}@{domain}"


def too_many(request, exc: RateLimited) -> HttpResponse:
    """The 429 page: how long to wait, and (for a mailbox's limit) that the mails already
    sent still work."""
    minutes = max(1, round(exc.retry_after / 60))
    response = render(
        request,
        "public/too_many.html",
        {
            "minutes": minutes,
            "hours": round(minutes / 60) if minutes > 90 else None,
            "mailbox": exc.name.endswith("_email"),
        },
        status=429,
    )
    response["Retry-After"] = str(exc.retry_after)
    return response


def _key(name: str, subject: str, window: int) -> tuple[str, int]:
    now = int(time.time())
    bucket = now // window
    # No raw (or dictionary-reversible) client or e-mail addresses in the cache: a keyed hash.
    digest = salted_hmac("phoihop.public.ratelimit", subject, algorithm="sha256").hexdigest()[:24]
    return f"phoihop:rl:{name}:{digest}:{bucket}", window - now % window


def hit(name: str, subject: str, *, limit: int, window: int) -> None:
    """Count one request of *subject* against *limit* per *window* seconds.

    Raises:
        RateLimited: the request is over the limit (it is still counted).
    """
    key, remaining = _key(name, subject, window)
    cache.add(key, 0, timeout=remaining + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=remaining + 1)
        count = 1
    if count > limit:
        raise RateLimited(name, remaining)
