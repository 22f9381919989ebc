"""A body's administrator manages its accounts in the app: accounts, roles, two-factor keys
(decision 0152). Every change goes through an audited service."""

import base64

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_POST

from phoihop.access.grants import has_permission_anywhere
from phoihop.access.models import Grant, Role
from phoihop.access.policy import can
from phoihop.access.services import grant_add, grant_revoke
from phoihop.accounts import services
from phoihop.accounts.models import User
from phoihop.core.actions import attempt
from phoihop.organizations.selectors import organizations_where

MANAGE = "access.change_grant"


class AccountForm(forms.Form):
    username = forms.RegexField(
        label=_("Tên đăng nhập"),
        regex=r"^[a-z0-9._-]{3,60}$",
        error_messages={"invalid": _("Chỉ dùng chữ thường không dấu, số, dấu chấm, gạch (3–60).")},
    )
    full_name = forms.CharField(label=_("Họ và tên"), max_length=200)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    organization = forms.ModelChoiceField(
        label=pgettext_lazy("body of a record", "Cơ quan"), queryset=None
    )
    role = forms.ModelChoiceField(label=_("Vai trò"), queryset=Role.objects.order_by("name"))

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations


class GrantForm(forms.Form):
    organization = forms.ModelChoiceField(
        label=pgettext_lazy("body of a record", "Cơ quan"), queryset=None
    )
    role = forms.ModelChoiceField(label=_("Vai trò"), queryset=Role.objects.order_by("name"))

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations


def _require_manager(user) -> None:
    if not has_permission_anywhere(user, MANAGE):
        raise Http404


def _account(request, pk: int) -> User:
    account = User.objects.restrict(request.user, "view").filter(pk=pk).first()
    if account is None:
        raise Http404
    return account


def _secret(device) -> str:
    """The key as an authenticator app takes it (base32, in groups of four)."""
    text = base64.b32encode(bytes.fromhex(device.key)).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def _handover(request, account, *, password: str = "", device=None):
    response = render(
        request,
        "web/staff/handover.html",
        {
            "account": account,
            "password": password,
            "secret": _secret(device) if device else "",
            "otpauth": device.config_url if device else "",
        },
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
def account_list(request):
    _require_manager(request.user)
    accounts = (
        User.objects.restrict(request.user, "view")
        .filter(kind=User.Kind.STAFF)
        .order_by("username")
        .prefetch_related("grants__role", "grants__organization")
    )
    return render(request, "web/staff/list.html", {"accounts": accounts})


@login_required
def account_create(request):
    _require_manager(request.user)
    form = AccountForm(
        request.POST or None, organizations=organizations_where(request.user, MANAGE)
    )
    if request.method == "POST" and form.is_valid():
        made = {}

        def call():
            made["result"] = services.staff_account_create(actor=request.user, **form.cleaned_data)

        if attempt(request, call):
            account, password, device = made["result"]
            messages.success(
                request, _("Đã tạo tài khoản %(username)s.") % {"username": account.username}
            )
            return _handover(request, account, password=password, device=device)
    return render(request, "web/staff/form.html", {"form": form})


@login_required
def account_detail(request, pk: int):
    _require_manager(request.user)
    account = _account(request, pk)
    grants = (
        Grant.objects.filter(user=account, revoked_at__isnull=True)
        .select_related("role", "organization")
        .order_by("organization__path", "role__name")
    )
    return render(
        request,
        "web/staff/detail.html",
        {
            "account": account,
            "grants": grants,
            "grant_form": GrantForm(organizations=organizations_where(request.user, MANAGE)),
            "can_manage": can(request.user, "disable", account) and account != request.user,
        },
    )


@login_required
@require_POST
def account_grant(request, pk: int):
    _require_manager(request.user)
    account = _account(request, pk)
    form = GrantForm(request.POST, organizations=organizations_where(request.user, MANAGE))
    if not form.is_valid():
        messages.error(request, _("Chọn cơ quan và vai trò."))
    elif attempt(request, lambda: grant_add(actor=request.user, user=account, **form.cleaned_data)):
        messages.success(request, _("Đã cấp vai trò."))
    return redirect("web:staff_detail", pk=account.pk)


@login_required
@require_POST
def account_revoke(request, pk: int, grant_id: int):
    _require_manager(request.user)
    account = _account(request, pk)
    grant = Grant.objects.filter(user=account, pk=grant_id).first()
    if grant is None:
        raise Http404
    if attempt(request, lambda: grant_revoke(actor=request.user, grant=grant)):
        messages.success(request, _("Đã thu hồi vai trò."))
    return redirect("web:staff_detail", pk=account.pk)


@login_required
@require_POST
def account_totp_reset(request, pk: int):
    _require_manager(request.user)
    account = _account(request, pk)
    made = {}
    if attempt(
        request,
        lambda: made.update(device=services.user_totp_reset(user=account, actor=request.user)),
    ):
        messages.success(request, _("Đã cấp lại mã xác thực; mã cũ không còn dùng được."))
        return _handover(request, account, device=made["device"])
    return redirect("web:staff_detail", pk=account.pk)


@login_required
@require_POST
def account_active(request, pk: int):
    _require_manager(request.user)
    account = _account(request, pk)
    enable = request.POST.get("active") == "1"
    service = services.user_enable if enable else services.user_disable
    if attempt(request, lambda: service(user=account, actor=request.user)):
        messages.success(request, _("Đã mở khóa tài khoản.") if enable else _("Đã khóa tài khoản."))
    return redirect("web:staff_detail", pk=account.pk)
