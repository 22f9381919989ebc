"""The registry of audit event codes.

How to add one: in your module's ``audit_events.py`` call
``register_event("<entity>.<verb_past>", "Nhãn tiếng Việt")`` and import that module from
``AppConfig.ready()``. Recording an unregistered code raises, so does registering one twice.
"""

import re

_EVENTS: dict[str, str] = {}
_CODE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")


class UnknownAuditEventError(LookupError):
    pass


def register_event(code: str, label: str) -> str:
    if not _CODE.match(code):
        raise ValueError(f"audit event code {code!r} is not <entity>.<verb_past>")
    if code in _EVENTS:
        raise ValueError(f"audit event {code!r} is already registered")
    _EVENTS[code] = label
    return code


def event_label(code: str) -> str:
    try:
        return _EVENTS[code]
    except KeyError:
        raise UnknownAuditEventError(code) from None


def registered_events() -> dict[str, str]:
    return dict(_EVENTS)
