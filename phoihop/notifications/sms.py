"""Text messages (SMS) through a pluggable backend, named like Django's e-mail backends.

Settings: ``PHOIHOP_SMS = {"BACKEND": "<dotted path of a class>", ...options}``; the options
are passed to the class. Backends:

- ``LogBackend`` (the default, for development and tests): writes a line to the log with the
  number masked, and keeps the message in ``LogBackend.outbox`` (as ``mail.outbox``) so a test
  can read it;
- ``HttpBackend``: posts JSON to a gateway (``URL``; ``TOKEN`` sent as a bearer token;
  ``SENDER`` the brand name the operator registered; ``TIMEOUT`` in seconds). The number is
  sent in international form (+84…). A gateway that answers other than 2xx raises
  ``SmsError``, so the task layer retries.

Callers queue the message through their task (payloads carry ids only) and call ``sms_send``
from the job.
"""

import json
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import ClassVar

from django.conf import settings
from django.utils.module_loading import import_string

log = logging.getLogger(__name__)

DEFAULT_BACKEND = "phoihop.notifications.sms.LogBackend"


class SmsError(Exception):
    """The gateway refused or could not be reached."""


def masked(phone: str) -> str:
    """``090****567``: enough to tell numbers apart in a log, not to call one."""
    return f"{phone[:3]}{'*' * max(0, len(phone) - 6)}{phone[-3:]}" if len(phone) > 6 else "***"


def international(phone: str) -> str:
    """A Vietnamese number written 0xxxxxxxxx as +84xxxxxxxxx (others unchanged)."""
    return f"+84{phone[1:]}" if phone.startswith("0") else phone


@dataclass(frozen=True)
class Sent:
    phone: str
    message: str


class BaseBackend:
    def __init__(self, **options) -> None:
        self.options = options

    def send(self, phone: str, message: str) -> None:
        raise NotImplementedError


class LogBackend(BaseBackend):
    outbox: ClassVar[list[Sent]] = []

    def send(self, phone: str, message: str) -> None:
        LogBackend.outbox.append(Sent(phone, message))
        log.info("sms to %s (%d characters) not sent: log backend", masked(phone), len(message))


class HttpBackend(BaseBackend):
    def send(self, phone: str, message: str) -> None:
        url = self.options.get("URL", "")
        if not url.startswith(("https://", "http://")):
            raise SmsError("PHOIHOP_SMS['URL'] chưa được cấu hình.")
        body = json.dumps(
            {"to": international(phone), "from": self.options.get("SENDER", ""), "text": message}
        ).encode()
        request = urllib.request.Request(  # noqa: S310 — the scheme is checked above
            url,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json",
                **(
                    {"Authorization": f"Bearer {self.options['TOKEN']}"}
                    if self.options.get("TOKEN")
                    else {}
                ),
            },
        )
        try:
            with urllib.request.urlopen(  # noqa: S310
                request, timeout=float(self.options.get("TIMEOUT", 10))
            ) as response:
                status = response.status
        except urllib.error.HTTPError as exc:
            status = exc.code
        except (urllib.error.URLError, TimeoutError) as exc:
            raise SmsError(f"Không gửi được tin nhắn: {exc}") from exc
        if not 200 <= status < 300:
            raise SmsError(f"Cổng tin nhắn trả lời {status}.")
        log.info("sms to %s sent through the gateway", masked(phone))


def sms_backend() -> BaseBackend:
    options = dict(getattr(settings, "PHOIHOP_SMS", {}) or {})
    backend = options.pop("BACKEND", DEFAULT_BACKEND) or DEFAULT_BACKEND
    return import_string(backend)(**options)


def sms_send(phone: str, message: str) -> None:
    """Send one text message now (call it from a job)."""
    sms_backend().send(phone, message)
