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
