"""The registry of audit event codes.

How to add one: in your module's ``audit_events.py`` call
``register_event("<entity>.<verb_past>", "Nhãn tiếng Việt")`` and import that module from
``AppConfig.ready()``. Recording an unregistered code raises, so does registering one twice.
"""

import re
import unicodedata

_EVENTS: dict[str, str] = {}
_CODE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")


class UnknownAuditEventError(LookupError):
    pass


def register_event(code: str, label: str) -> str:
    if not _CODE.match(code):
        raise ValueError(f"audit event code {code!r} is not <entity>.<verb_past>")
    if code in _EVENTS:
        raise ValueError(f"audit event {code!r} is already registered")
    if not label.strip() or _CODE.match(label.strip()):
        # The label is what officials read in the log (the code is shown beside it, smaller).
        raise ValueError(f"audit event {code!r} needs a Vietnamese label, not {label!r}")
    _EVENTS[code] = label
    return code


def event_label(code: str) -> str:
    try:
        return _EVENTS[code]
    except KeyError:
        raise UnknownAuditEventError(code) from None


def registered_events() -> dict[str, str]:
    return dict(_EVENTS)


def event_choices() -> list[tuple[str, str]]:
    """``(code, label)`` for a filter, by label; a label shared by two codes names its code."""
    counts: dict[str, int] = {}
    for label in _EVENTS.values():
        counts[label] = counts.get(label, 0) + 1
    return sorted(
        (
            (code, label if counts[label] == 1 else f"{label} ({code})")
            for code, label in _EVENTS.items()
        ),
        key=lambda choice: (_alphabetical(choice[1]), choice[0]),
    )


def _alphabetical(text: str) -> str:
    """A sort key close to Vietnamese order: tone marks ignored, "đ" after "d"."""
    bare = unicodedata.normalize("NFD", text.casefold())
    return "".join(ch for ch in bare if not unicodedata.combining(ch)).replace("đ", "d\uffff")


# Sealed models: each audit event whose target (or related object) is a row of one of these
# models stores a digest of the row's audited fields, and ``phoihop audit verify`` recomputes it
# for every row, so a change made behind the services' back (a direct SQL UPDATE) is found.
#
# How to add one: in your module's ``audit_events.py`` call
# ``register_sealed("<app_label>.<model>", ("field", "fk_id", ...))`` with the fields that only
# change through audited services (leave out derived or cached columns such as ``due_on``).
_SEALED: dict[str, tuple[str, ...]] = {}


def register_sealed(label: str, fields: tuple[str, ...]) -> str:
    label = label.lower()
    if label in _SEALED:
        raise ValueError(f"sealed model {label!r} is already registered")
    if not fields:
        raise ValueError("a sealed model needs at least one field")
    _SEALED[label] = tuple(fields)
    return label


def sealed_fields(label: str) -> tuple[str, ...] | None:
    return _SEALED.get(label.lower())


def sealed_models() -> dict[str, tuple[str, ...]]:
    return dict(_SEALED)
