from django.conf import settings
from django.contrib.auth import login, logout
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from phoihop.accounts.forms import SignInForm
from phoihop.accounts.models import User
from phoihop.accounts.two_factor import totp_current_code, totp_device
from phoihop.audit.services import audit_record


def demo_accounts() -> list[dict]:
    """Demo accounts with their current code, shown only in demo mode."""
    if not settings.PHOIHOP_DEMO:
        return []
    rows = []
    for user in User.objects.filter(is_demo=True, is_active=True).order_by("username")[:40]:
        device = totp_device(user)
        rows.append(
            {
                "username": user.username,
                "name": user.full_name,
                "code": totp_current_code(device) if device else "",
            }
        )
    return rows


def sign_in(request):
    if request.user.is_authenticated and request.user.is_verified():
        return redirect(settings.LOGIN_REDIRECT_URL)
    form = SignInForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            login(request, form.user)
            if form.device is not None:
                otp_login(request, form.device)
            audit_record(actor=form.user, event="user.signed_in", target=form.user, data={})
        target = request.POST.get("next") or request.GET.get("next") or ""
        if not url_has_allowed_host_and_scheme(target, {request.get_host()}):
            target = settings.LOGIN_REDIRECT_URL
        return redirect(target or settings.LOGIN_REDIRECT_URL)
    return render(
        request,
        "accounts/sign_in.html",
        {"form": form, "demo_accounts": demo_accounts(), "next": request.GET.get("next", "")},
        status=400 if form.errors else 200,
    )


def demo_codes(request):
    return render(request, "accounts/_demo_codes.html", {"demo_accounts": demo_accounts()})


@require_POST
def sign_out(request):
    if request.user.is_authenticated:
        with transaction.atomic():
            audit_record(actor=request.user, event="user.signed_out", target=request.user)
    logout(request)
    return redirect(settings.LOGIN_URL)
