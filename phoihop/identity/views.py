"""The vault's one page, shown by the modules that hold a sealed identity (a letter's sender,
a visiting citizen): the officer states a purpose, the read is audited, nothing is cached."""

from django.shortcuts import render

from phoihop.identity.forms import RevealForm
from phoihop.identity.models import Identity
from phoihop.identity.services import identity_reveal


def identity_reveal_page(request, identity: Identity, *, subject: str, back_url: str):
    """The reveal form, then (on a valid POST) the identity. The caller has checked that
    ``request.user`` may read *identity*; ``identity_reveal`` checks again and audits."""
    form = RevealForm(request.POST or None)
    revealed = None
    if request.method == "POST" and form.is_valid():
        revealed = identity_reveal(
            actor=request.user, identity=identity, purpose=form.cleaned_data["purpose"]
        )
    response = render(
        request,
        "identity/reveal.html",
        {"subject": subject, "back_url": back_url, "form": form, "identity": revealed},
    )
    response["Cache-Control"] = "no-store"
    return response
