from django import forms
from django.utils.translation import gettext_lazy as _

from phoihop.api.models import ApiToken
from phoihop.api.services import MAX_DAYS


class TokenIssueForm(forms.Form):
    """A new token: what it is for, what it may do, for how long; and the TOTP step-up."""

    purpose = forms.CharField(
        label=_("Mục đích (ví dụ: đồng bộ với phần mềm văn thư)"), max_length=200
    )
    scope = forms.ChoiceField(label=_("Phạm vi"), choices=ApiToken.Scope.choices)
    days = forms.IntegerField(
        label=_("Thời hạn (ngày)"), min_value=1, max_value=MAX_DAYS, initial=30
    )
    otp_code = forms.CharField(
        label=_("Mã xác thực (6 số) từ ứng dụng xác thực"),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
