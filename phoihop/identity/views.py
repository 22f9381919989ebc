"""The vault's one page, shown by the modules that hold a sealed identity (a letter's sender,
a visiting citizen): the officer states a purpose, the read is audited, nothing is cached.
The scans (which show handwriting) are listed there and downloaded one by one, each download
audited with the same purpose."""

from django.http import Http404, HttpResponse
from django.shortcuts import render

from phoihop.core.downloads import file_response
from phoihop.identity.forms import RevealForm
from phoihop.identity.models import Identity
from phoihop.identity.services import identity_reveal, identity_scan_reveal


def _scan_download(request, identity: Identity, scan_id: str, purpose: str) -> HttpResponse:
    scan = identity.scans.filter(pk=scan_id if scan_id.isdigit() else None).first()
    if scan is None:
        raise Http404
    name, content_type, content = identity_scan_reveal(
        actor=request.user, scan=scan, purpose=purpose
    )
    # Always a download, never shown inline: a file is not trusted to render in our origin.
    response = file_response(content, name, content_type or "application/octet-stream")
    response["Cache-Control"] = "no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def identity_reveal_page(request, identity: Identity, *, subject: str, back_url: str):
    """The reveal form, then (on a valid POST) the identity and its scans; a POST that names a
    scan downloads it. The caller has checked that ``request.user`` may read *identity*;
    ``identity_reveal`` and ``identity_scan_reveal`` check again and audit."""
    form = RevealForm(request.POST or None)
    revealed = None
    if request.method == "POST" and form.is_valid():
        purpose = form.cleaned_data["purpose"]
        if request.POST.get("scan"):
            return _scan_download(request, identity, request.POST["scan"], purpose)
        revealed = identity_reveal(actor=request.user, identity=identity, purpose=purpose)
    response = render(
        request,
        "identity/reveal.html",
        {
            "subject": subject,
            "back_url": back_url,
            "form": form,
            "identity": revealed,
            "scans": list(identity.scans.all()) if revealed else [],
            "purpose": form.cleaned_data.get("purpose", "") if revealed else "",
        },
    )
    response["Cache-Control"] = "no-store"
    return response
