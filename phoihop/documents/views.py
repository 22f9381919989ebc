"""A document's page: the preview of a draft in the Decree 30 layout, its editing and its
issue (the number is taken only then), and the download."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render

from phoihop.access.policy import can
from phoihop.core.actions import attempt, form_errors
from phoihop.core.downloads import DOCX, file_response
from phoihop.documents import forms, services
from phoihop.documents.registry import addressee_resolver
from phoihop.documents.selectors import document_get
from phoihop.documents.state_format import (
    ADDRESSED,
    addressee_lines,
    document_recipient_lines,
    letter_summary,
    signature_lines,
)


def _target(document):
    if not document.target_type_id:
        return None
    model = document.target_type.model_class()
    return model._default_manager.filter(pk=document.target_id).first() if model else None


def addressee_for(document, viewer):
    """The sender's name for *viewer*, if the document is addressed to them and the module
    that owns the case lets *viewer* print it (audited there); None otherwise."""
    if not services.document_mentions_addressee(document):
        return None
    target = _target(document)
    resolver = addressee_resolver(type(target)) if target is not None else None
    return resolver(document, target, viewer) if resolver else None


def docx_response(document, viewer) -> HttpResponse:
    """The DOCX download with its UTF-8 file name (RFC 6266)."""
    data = services.document_docx(document, addressee=addressee_for(document, viewer))
    return file_response(data, services.document_file_name(document), DOCX)


@login_required
def document_detail(request, public_id):
    document = document_get(viewer=request.user, public_id=public_id)
    may_change = document.is_draft and can(request.user, "change", document)
    draft_form = forms.DraftForm(
        initial={
            "title": document.title,
            "bases": document.body.get("bases", []),
            "paragraphs": document.body.get("paragraphs", []),
            "articles": document.body.get("articles", []),
            "recipients": document.recipients,
            "signer_lines": document.body.get("signer_lines", []),
            "signer_name": document.signer_name,
        }
    )
    if request.method == "POST" and may_change:
        action = request.POST.get("action")
        if action == "save":
            draft_form = forms.DraftForm(request.POST)
            if not draft_form.is_valid():
                messages.error(request, "Dữ liệu chưa hợp lệ: " + form_errors(draft_form))
            elif attempt(
                request,
                lambda: services.document_draft_update(
                    actor=request.user, document=document, **draft_form.cleaned_data
                ),
            ):
                messages.success(request, "Đã lưu dự thảo. Văn bản chưa được cấp số.")
                return redirect("documents:detail", public_id=document.public_id)
        elif action == "issue":
            issue_form = forms.IssueForm(request.POST)
            result = {}
            if not issue_form.is_valid():
                messages.error(request, "Dữ liệu chưa hợp lệ: " + form_errors(issue_form))
            elif attempt(
                request,
                lambda: result.update(
                    document=services.document_number(
                        actor=request.user,
                        document=document,
                        on=issue_form.cleaned_data["on"],
                        paper_number=issue_form.cleaned_data["paper_number"],
                    )
                ),
            ):
                messages.success(request, f"Đã cấp số {result['document'].symbol}.")
                return redirect("documents:detail", public_id=document.public_id)
    # The preview keeps the placeholders visible: the name is filled only in the download.
    spec = services.document_spec(
        document,
        addressee=services.Addressee(services.ADDRESSEE, services.ADDRESSEE_ADDRESS),
    )
    target = _target(document)
    return render(
        request,
        "documents/detail.html",
        {
            "document": document,
            "spec": spec,
            # Each paragraph with the heading printed above it, if any, and a "Kính gửi:"
            # paragraph's addressees one to a line when there are several (as in the DOCX).
            "body_rows": [
                (
                    spec.headings.get(i, ""),
                    p,
                    lines
                    if p.startswith(ADDRESSED) and len(lines := addressee_lines(p)) > 1
                    else [],
                )
                for i, p in enumerate(spec.paragraphs)
            ],
            "recipient_lines": document_recipient_lines(spec),
            "letter_summary": letter_summary(spec.title),
            "signature_lines": signature_lines(spec),
            "draft_form": draft_form,
            "issue_form": forms.IssueForm(),
            "may_change": may_change,
            "target_url": target.get_absolute_url()
            if target is not None and hasattr(target, "get_absolute_url")
            else "",
            "target_label": str(target) if target is not None else "",
            "placeholders": (services.ADDRESSEE, services.ADDRESSEE_ADDRESS),
        },
    )


@login_required
def document_download(request, public_id):
    document = document_get(viewer=request.user, public_id=public_id)
    return docx_response(document, request.user)
