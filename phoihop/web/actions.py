"""What every page that runs a service on a POST shares: the form's errors as one Vietnamese
sentence, and a service call whose broken rule becomes an error message and changes nothing."""

from django.contrib import messages
from django.core.exceptions import ValidationError

from phoihop.core.errors import ApplicationError


def form_errors(form) -> str:
    return " ".join(
        f"{form.fields[f].label if f in form.fields else ''}: {' '.join(e)}".strip(": ")
        for f, e in form.errors.items()
    )


def attempt(request, call) -> bool:
    """Run a service call; a broken rule becomes a message in Vietnamese and changes nothing."""
    try:
        call()
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return False
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return False
    return True


def submit(request, form, call, success: str) -> bool:
    """Validate *form*, then run ``call(cleaned_data)``; tell the user how it went."""
    if not form.is_valid():
        messages.error(request, "Dữ liệu chưa hợp lệ: " + form_errors(form))
        return False
    if attempt(request, lambda: call(form.cleaned_data)):
        messages.success(request, success)
        return True
    return False
