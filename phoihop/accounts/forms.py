from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth.signals import user_login_failed
from django.utils.translation import gettext_lazy as _

from phoihop.accounts.two_factor import totp_device


class SignInForm(forms.Form):
    """User name, password and — for staff — the 6-digit code of the authenticator app."""

    username = forms.CharField(
        label=_("Tên đăng nhập"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Mật khẩu"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    otp_token = forms.CharField(
        label=_("Mã xác thực (6 số)"),
        required=False,
        max_length=8,
        help_text=_("Cán bộ nhập mã từ ứng dụng xác thực (TOTP)."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]*"}
        ),
    )

    error_messages = {
        "invalid": _("Tên đăng nhập, mật khẩu hoặc mã xác thực không đúng."),
        "otp_required": _("Tài khoản cán bộ phải nhập mã xác thực 6 số."),
        "no_device": _("Tài khoản chưa đăng ký xác thực hai lớp. Liên hệ quản trị."),
    }

    def __init__(self, request, *args, **kwargs):
        self.request = request
        self.user = None
        self.device = None
        super().__init__(*args, **kwargs)

    def _fail(self, key: str):
        user_login_failed.send(
            sender=type(self),
            request=self.request,
            credentials={"username": self.cleaned_data.get("username", "")},
        )
        raise forms.ValidationError(self.error_messages[key], code=key)

    def clean(self):
        cleaned = super().clean()
        username, password = cleaned.get("username"), cleaned.get("password")
        if not username or not password:
            return cleaned
        user = authenticate(self.request, username=username, password=password)
        if user is None:
            # authenticate() has already signalled the failure (and axes counted it).
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        if user.kind == user.Kind.STAFF:
            device = totp_device(user)
            token = (cleaned.get("otp_token") or "").strip()
            if device is None:
                self._fail("no_device")
            if not token:
                self._fail("otp_required")
            if not device.verify_token(token):
                self._fail("invalid")
            self.device = device
        self.user = user
        return cleaned
