"""The page where a staff member issues and revokes their own API tokens."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from phoihop.api.forms import TokenIssueForm
from phoihop.api.models import ApiToken
from phoihop.api.services import ApiTokenError, api_token_issue, api_token_revoke


def _staff(request) -> None:
    if request.user.kind != "staff":
        raise Http404


@login_required
def token_list(request):
    _staff(request)
    form = TokenIssueForm(request.POST or None)
    issued = None
    if request.method == "POST" and form.is_valid():
        try:
            issued = api_token_issue(actor=request.user, user=request.user, **form.cleaned_data)
        except ApiTokenError as exc:
            form.add_error("otp_code" if exc.code == "otp" else None, exc.message)
        else:
            form = TokenIssueForm()
    response = render(
        request,
        "api/tokens.html",
        {
            "form": form,
            "issued": issued,
            "tokens": ApiToken.objects.filter(user=request.user).order_by("-created_at"),
        },
        status=400 if form.errors else 200,
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def token_revoke(request, pk: int):
    _staff(request)
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    try:
        api_token_revoke(actor=request.user, token=token)
    except ApiTokenError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, gettext("Đã thu hồi khóa."))
    return redirect("api_tokens:list")
