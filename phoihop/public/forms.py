"""Forms of the public site: every error names the field in plain Vietnamese."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from phoihop.public.models import Subscription
from phoihop.public.selectors import recipient_list

CONSENT_TEXT = _(
    "Tôi đồng ý để cơ quan nhận đơn lưu giữ và sử dụng họ tên, địa chỉ và thông tin liên hệ "
    "ghi ở trên chỉ để xem xét, giải quyết và trả lời đơn này. Thông tin được bảo mật; với đơn "
    "tố cáo, danh tính người tố cáo được giữ bí mật theo Luật Tố cáo."
)


def _required(message: str) -> dict:
    return {"required": message}


class PublicLetterForm(forms.Form):
    """A letter from a citizen. Nothing is pre-ticked; consent is asked in plain words."""

    organization = forms.ModelChoiceField(
        label=_("Gửi đến cơ quan"),
        queryset=None,
        empty_label=_("— Chọn cơ quan —"),
        error_messages={
            **_required(_("Vui lòng chọn cơ quan nhận đơn.")),
            "invalid_choice": _("Cơ quan đã chọn không hợp lệ. Vui lòng chọn lại."),
        },
    )
    full_name = forms.CharField(
        label=_("Họ và tên"),
        max_length=200,
        error_messages={
            **_required(_("Vui lòng nhập họ và tên của bạn.")),
            "max_length": _("Họ và tên dài quá 200 ký tự."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    address = forms.CharField(
        label=_("Địa chỉ"),
        max_length=300,
        help_text=_("Số nhà, thôn/ấp, xã/phường — để cơ quan gửi thông báo cho bạn."),
        error_messages={
            **_required(_("Vui lòng nhập địa chỉ của bạn.")),
            "max_length": _("Địa chỉ dài quá 300 ký tự."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    phone = forms.RegexField(
        label=_("Số điện thoại (không bắt buộc)"),
        regex=r"^[0-9 +.\-]{8,20}$",
        required=False,
        error_messages={"invalid": _("Số điện thoại chỉ gồm chữ số, từ 8 đến 20 ký tự.")},
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    email = forms.EmailField(
        label=_("Thư điện tử (không bắt buộc)"),
        required=False,
        error_messages={
            "invalid": _("Địa chỉ thư điện tử không đúng dạng, ví dụ: ten@example.vn.")
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    content = forms.CharField(
        label=_("Nội dung đơn"),
        min_length=20,
        max_length=10000,
        help_text=_("Trình bày sự việc, người hoặc cơ quan liên quan, và yêu cầu của bạn."),
        error_messages={
            **_required(_("Vui lòng nhập nội dung đơn.")),
            "min_length": _("Nội dung đơn quá ngắn: cần ít nhất %(limit_value)d ký tự."),
            "max_length": _("Nội dung đơn dài quá %(limit_value)d ký tự."),
        },
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages=_required(_("Bạn cần đánh dấu đồng ý ở trên thì mới gửi được đơn.")),
    )
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = recipient_list()
        if not self.is_bound:
            self.initial["idempotency_key"] = uuid.uuid4()
        self.fields["idempotency_key"].error_messages = {
            "required": _("Biểu mẫu đã cũ. Vui lòng tải lại trang và gửi lại."),
            "invalid": _("Biểu mẫu đã cũ. Vui lòng tải lại trang và gửi lại."),
        }


class StatusLookupForm(forms.Form):
    tracking_code = forms.CharField(
        label=_("Mã tra cứu"),
        max_length=20,
        error_messages=_required(_("Vui lòng nhập mã tra cứu, ví dụ: 2026-K7M3QX.")),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    token = forms.CharField(
        label=_("Mã truy cập bí mật"),
        max_length=40,
        error_messages=_required(_("Vui lòng nhập mã truy cập bí mật đã nhận khi gửi đơn.")),
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
    )


class SubscribeForm(forms.Form):
    """An address and the topics to receive; nothing is ticked for the citizen."""

    email = forms.EmailField(
        label=_("Thư điện tử"),
        max_length=254,
        error_messages={
            **_required(_("Vui lòng nhập địa chỉ thư điện tử.")),
            "invalid": _("Địa chỉ thư điện tử không hợp lệ."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    topics = forms.MultipleChoiceField(
        label=_("Nhận tin khi"),
        choices=Subscription.Topic.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            **_required(_("Vui lòng chọn ít nhất một chủ đề.")),
            "invalid_choice": _("Chủ đề đã chọn không hợp lệ."),
        },
    )
