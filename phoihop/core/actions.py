"""What every page that runs a service on a POST shares (letters, casework, areas to come): the
form's errors as one Vietnamese sentence, and a service call whose broken rule becomes an error
message and changes nothing. In ``core`` so that shared modules with pages (``casework``) need
not import ``web``."""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import translation

from phoihop.core.errors import ApplicationError


def form_errors(form: forms.BaseForm) -> str:
    return " ".join(
        f"{form.fields[f].label if f in form.fields else ''}: {' '.join(map(str, e))}".strip(": ")
        for f, e in form.errors.items()
    )


def attempt(request: HttpRequest, call: Callable[[], Any]) -> bool:
    """Run a service call; a broken rule becomes a message in Vietnamese and changes nothing.

    The call runs in Vietnamese whatever the language of the page: what it records (a step's
    note naming a choice, a document, a register entry) is the official record, kept in
    Vietnamese; only the page around it is translated."""
    try:
        with translation.override("vi"):
            call()
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return False
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return False
    return True


def submit(
    request: HttpRequest,
    form: forms.BaseForm,
    call: Callable[[dict[str, Any]], Any],
    success: str,
) -> bool:
    """Validate *form*, then run ``call(cleaned_data)``; tell the user how it went."""
    if not form.is_valid():
        messages.error(request, "Dữ liệu chưa hợp lệ: " + form_errors(form))
        return False
    if attempt(request, lambda: call(form.cleaned_data)):
        messages.success(request, success)
        return True
    return False
