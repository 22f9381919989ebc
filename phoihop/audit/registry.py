"""The registry of audit event codes.

How to add one: in your module's ``audit_events.py`` call
``register_event("<entity>.<verb_past>", pgettext_lazy("audit event", "Nhãn tiếng Việt"))`` (the log
is read in the interface's language; the context keeps an event's English label apart from the
same Vietnamese words on a page or button) and import that module from ``AppConfig.ready()``.
Recording an unregistered code raises, so does registering one twice.

A code that is no longer recorded stays readable: ``register_renamed(old, new)`` shows rows
written under *old* with *new*'s label and finds them when the log is filtered by *new*. The
log is append-only, so old rows keep the code they were written with.
"""

import re
import unicodedata

from django.utils.functional import Promise

Label = str | Promise

_EVENTS: dict[str, Label] = {}
# old code -> the code it was renamed to (decision 0037)
_RENAMED: dict[str, str] = {}
_CODE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")


class UnknownAuditEventError(LookupError):
    pass


def register_event(code: str, label: Label) -> str:
    if not _CODE.match(code):
        raise ValueError(f"audit event code {code!r} is not <entity>.<verb_past>")
    if code in _EVENTS or code in _RENAMED:
        raise ValueError(f"audit event {code!r} is already registered")
    if not str(label).strip() or _CODE.match(str(label).strip()):
        # The label is what officials read in the log (the code is shown beside it, smaller).
        raise ValueError(f"audit event {code!r} needs a Vietnamese label, not {label!r}")
    _EVENTS[code] = label
    return code


def register_renamed(old: str, new: str) -> str:
    """*old* is no longer recorded; rows that carry it read and filter as *new*."""
    if new not in _EVENTS:
        raise UnknownAuditEventError(new)
    if old in _EVENTS or old in _RENAMED:
        raise ValueError(f"audit event {old!r} is already registered")
    _RENAMED[old] = new
    return old


def event_label(code: str) -> str:
    """The label of an event that may be recorded now, in the active language."""
    try:
        return str(_EVENTS[code])
    except KeyError:
        raise UnknownAuditEventError(code) from None


def row_label(code: str) -> str:
    """The label of a recorded row's code (a renamed code reads as its new name; an unknown
    one as itself)."""
    label = _EVENTS.get(_RENAMED.get(code, code))
    return code if label is None else str(label)


def event_codes(code: str) -> list[str]:
    """The codes a filter by *code* finds: *code* and the names it was recorded under before."""
    return [code, *sorted(old for old, new in _RENAMED.items() if new == code)]


def registered_events() -> dict[str, str]:
    """Each code that may be recorded, with its label in the active language."""
    return {code: str(label) for code, label in _EVENTS.items()}


def event_choices() -> list[tuple[str, str]]:
    """``(code, label)`` for a filter, by label in the active language; a label shared by two
    codes names its code."""
    labels = registered_events()
    counts: dict[str, int] = {}
    for label in labels.values():
        counts[label] = counts.get(label, 0) + 1
    return sorted(
        (
            (code, label if counts[label] == 1 else f"{label} ({code})")
            for code, label in labels.items()
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
