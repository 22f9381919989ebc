"""What every page that runs a service on a POST shares (letters, casework, areas to come): the
form's errors as one Vietnamese sentence, a service call whose broken rule becomes an error
message and changes nothing, and a refused form kept across the redirect back to its page (what
the user typed comes back, with the Vietnamese error beside it: ``keep`` / ``kept``). In
``core`` so that shared modules with pages (``casework``) need not import ``web``."""

import time
from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, QueryDict
from django.utils import translation
from django.utils.translation import gettext as _

from phoihop.core.errors import ApplicationError


def form_errors(form: forms.BaseForm) -> str:
    return " ".join(
        f"{form.fields[f].label if f in form.fields else ''}: {' '.join(map(str, e))}".strip(": ")
        for f, e in form.errors.items()
    )


def refusal(call: Callable[[], Any]) -> str:
    """Run a service call; the broken rule's Vietnamese message, or "" when it went through.

    The call runs in Vietnamese whatever the language of the page: what it records (a step's
    note naming a choice, a document, a register entry) is the official record, kept in
    Vietnamese; only the page around it is translated."""
    try:
        with translation.override("vi"):
            call()
    except ApplicationError as exc:
        return exc.message
    except ValidationError as exc:
        return " ".join(exc.messages)
    return ""


def attempt(request: HttpRequest, call: Callable[[], Any]) -> bool:
    """Run a service call; a broken rule becomes a message in Vietnamese and changes nothing."""
    message = refusal(call)
    if message:
        messages.error(request, message)
        return False
    return True


def submit(
    request: HttpRequest,
    form: forms.BaseForm,
    call: Callable[[dict[str, Any]], Any],
    success: str | Callable[[Any], str],
) -> bool:
    """Validate *form*, then run ``call(cleaned_data)``; tell the user how it went (*success*,
    or ``success(result)`` to word it from what the call returned). A refused form is kept for
    the page the view sends the user back to (``kept``)."""
    if not form.is_valid():
        messages.error(request, "Dữ liệu chưa hợp lệ: " + form_errors(form))
        keep(request, form)
        return False
    result: list[Any] = []
    message = refusal(lambda: result.append(call(form.cleaned_data)))
    if message:
        messages.error(request, message)
        keep(request, form, message)
        return False
    messages.success(request, success(result[0]) if callable(success) else success)
    return True


# A refused form travels in the session to the page the user is sent back to, for a short while
# only (a page opened much later starts empty), never with a password or a file. The session is
# stored in clear: a form whose input identifies a person (a sender's name, spans marked as
# identity) says ``keep_input = False`` and comes back empty, the vault being the only place
# such data is kept (Luật Tố cáo Đ47–Đ48).
_KEPT = "phoihop.kept_forms"
_KEPT_SECONDS = 600
_NOT_KEPT = ("csrfmiddlewaretoken",)

F = TypeVar("F", forms.BaseForm, forms.BaseFormSet)


def _kept_key(form_class: type) -> str:
    return f"{form_class.__module__}.{form_class.__qualname__}"


def keep(request: HttpRequest, form: forms.BaseForm | forms.BaseFormSet, message: str = "") -> None:
    """Keep the refused *form*'s (or formset's) input, and the service's *message*, for its
    page."""
    if not hasattr(request, "session") or not getattr(form, "keep_input", True):
        return
    data = {
        name: values
        for name, values in form.data.lists()  # type: ignore[attr-defined]
        if name not in _NOT_KEPT and "password" not in name
    }
    files = _chosen_files(form)
    # Without its file the form cannot find again what was wrong with the whole of it.
    whole = [str(e) for e in form.non_field_errors()] if files else []  # type: ignore[union-attr]
    stash = dict(request.session.get(_KEPT, {}))
    stash[_kept_key(type(form))] = {
        "data": data,
        "error": message,
        "files": files,
        "whole": whole,
        "at": time.time(),
    }
    request.session[_KEPT] = stash


def kept(
    request: HttpRequest,
    form_class: type[F],
    *,
    match: dict[str, str] | None = None,
    **kwargs: Any,
) -> F:
    """The page's *form_class* form: bound again to what the user typed when the form was just
    refused (its errors, and the service's refusal, shown beside it), else a fresh one. *match*
    picks, among several forms of one class on a page, the one whose data carries those values
    (``{"step": "verify"}``). The kept input is used by the first page that shows it."""
    if not hasattr(request, "session"):
        return form_class(**kwargs)
    if not hasattr(request, "_kept_forms"):
        stash = request.session.pop(_KEPT, {}) if _KEPT in request.session else {}
        request._kept_forms = {  # type: ignore[attr-defined]
            key: stashed
            for key, stashed in stash.items()
            if time.time() - stashed.get("at", 0) <= _KEPT_SECONDS
        }
    entry: dict[str, Any] = request._kept_forms.get(  # type: ignore[attr-defined]
        _kept_key(form_class), {}
    )
    if not entry or any(entry["data"].get(k, [""])[-1] != v for k, v in (match or {}).items()):
        return form_class(**kwargs)
    data = QueryDict(mutable=True)
    for name, values in entry["data"].items():
        data.setlist(name, values)
    kwargs.pop("initial", None)
    form = form_class(data, **kwargs)
    if isinstance(form, forms.BaseForm):
        _ask_for_files_again(form, entry.get("files", {}))
        for error in [*entry.get("whole", []), entry["error"]]:
            if error and error not in form.non_field_errors():
                form.add_error(None, error)
    return form


def _chosen_files(form: forms.BaseForm | forms.BaseFormSet) -> dict[str, list[str]]:
    """The file fields a file was chosen for, each with what was wrong with it (if anything)."""
    if not isinstance(form, forms.BaseForm):
        return {}
    return {
        name: [str(e) for e in form.errors.get(name, [])]
        for name, field in form.fields.items()
        if isinstance(field, forms.FileField) and form.files.get(form.add_prefix(name))
    }


def _ask_for_files_again(form: forms.BaseForm, chosen: dict[str, list[str]]) -> None:
    """A file is never kept: where one was chosen, the form says what was wrong with it, or
    to choose it again, instead of reporting it missing."""
    for name, errors in chosen.items():
        if name in form.errors:
            again = errors or [_("Tệp đã chọn không được giữ lại; hãy chọn lại tệp.")]
            form.errors[name] = form.error_class(again)
