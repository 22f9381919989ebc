"""Forms of the exchange area (labels and messages in Vietnamese)."""

import uuid
from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from phoihop.core.fields import VnDateField
from phoihop.documents.models import Document
from phoihop.exchange.models import Delivery, PeriodicReport, Urgency
from phoihop.security.uploads import check_upload

NUMBER = forms.TextInput(attrs={"inputmode": "numeric", "pattern": "[0-9]*"})
MAX_FILE_BYTES = 20 * 1024 * 1024
RECENT_DAYS = 60


class DispatchForm(forms.Form):
    organization = forms.ModelChoiceField(None, label=_("Cơ quan gửi"), empty_label=None)
    document = forms.ModelChoiceField(
        None,
        label=_("Văn bản đã ban hành trên phoihop (nếu có)"),
        required=False,
        help_text=_("Chọn văn bản thì số, ký hiệu, trích yếu và ngày lấy theo văn bản."),
    )
    symbol = forms.CharField(label=_("Số, ký hiệu"), max_length=60, required=False)
    doc_type = forms.CharField(label=_("Tên loại văn bản"), max_length=60, required=False)
    title = forms.CharField(label=_("Trích yếu nội dung"), max_length=300, required=False)
    signed_on = VnDateField(label=_("Ngày văn bản"), required=False)
    signer_name = forms.CharField(label=_("Người ký"), max_length=200, required=False)
    urgency = forms.ChoiceField(label=_("Độ khẩn"), choices=Urgency.choices, initial="normal")
    sent_on = VnDateField(label=_("Ngày chuyển"))
    file = forms.FileField(label=_("Tệp văn bản (PDF hoặc ảnh)"), required=False)
    idempotency_key = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        # The documents issued in the last RECENT_DAYS days by the sender's bodies.
        self.fields["document"].queryset = Document.objects.filter(
            organization__in=organizations,
            status=Document.Status.ISSUED,
            issued_on__gte=timezone.localdate() - timedelta(days=RECENT_DAYS),
        ).order_by("-issued_on", "-id")
        if not self.is_bound:
            self.initial.setdefault("sent_on", timezone.localdate())
            self.initial.setdefault("idempotency_key", uuid.uuid4().hex)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        return check_upload(upload, max_bytes=MAX_FILE_BYTES) if upload else None


PURPOSES = [("", _("— không gửi —")), *Delivery.Purpose.choices]


def recipient_rows(data, partners) -> tuple[list, list[str]]:
    """(organization, purpose, due) for each partner body ticked on the form, and errors."""
    rows, errors = [], []
    for org in partners:
        purpose = data.get(f"to-{org.pk}", "")
        if not purpose:
            continue
        if purpose not in Delivery.Purpose.values:
            errors.append(_("%(body)s: cách gửi không hợp lệ.") % {"body": org.name})
            continue
        try:
            due = VnDateField(required=False).clean(data.get(f"due-{org.pk}", ""))
        except forms.ValidationError as error:
            errors.append(
                _("%(body)s, hạn xử lý: %(error)s")
                % {"body": org.name, "error": " ".join(error.messages)}
            )
            continue
        rows.append((org, purpose, due))
    return rows, errors


def due_input(org, value: str) -> str:
    """The due-date box of one receiving body on the send form (dd/mm/yyyy, like every date)."""
    return VnDateField().widget.render(
        f"due-{org.pk}",
        value,
        attrs={
            "id": f"due-{org.pk}",
            "aria-label": _("Hạn xử lý của %(body)s") % {"body": org.name},
        },
    )


class RegisterForm(forms.Form):
    on = VnDateField(label=_("Ngày vào sổ"))


class ReturnForm(forms.Form):
    on = VnDateField(label=_("Ngày trả lại"))
    reason = forms.CharField(label=_("Lý do trả lại"), max_length=1000, widget=forms.Textarea)


class DueForm(forms.Form):
    due = VnDateField(label=_("Hạn xử lý"))


class ReportStepForm(forms.Form):
    on = VnDateField(label=_("Ngày"))
    note = forms.CharField(label=_("Nội dung"), max_length=4000, widget=forms.Textarea)
    done = forms.BooleanField(label=_("Đã xử lý xong"), required=False)


class PeriodForm(forms.Form):
    organization = forms.ModelChoiceField(None, label=_("Cơ quan báo cáo"), empty_label=None)
    kind = forms.ChoiceField(label=_("Kỳ báo cáo"), choices=PeriodicReport.Kind.choices)
    year = forms.IntegerField(label=_("Năm"), min_value=2020, max_value=2100, widget=NUMBER)
    index = forms.IntegerField(
        label=_("Kỳ thứ"),
        min_value=1,
        max_value=12,
        widget=NUMBER,
        help_text=_("Tháng 1–12, quý 1–4, 6 tháng 1–2; 9 tháng và năm: 1."),
    )

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
