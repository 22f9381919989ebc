"""Input shapes of the reception pages; domain rules live in the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from phoihop.core.fields import VnDateField
from phoihop.letters.forms import ReportPeriodForm
from phoihop.reception.models import Schedule, Visit
from phoihop.reception.services import SCHEDULE_FIELDS


class ScheduleForm(forms.ModelForm):
    """A reception schedule of one official of one of the actor's bodies."""

    class Meta:
        model = Schedule
        fields = ["organization", *SCHEDULE_FIELDS]
        # Dates typed and shown as dd/mm/yyyy whatever the browser's locale.
        field_classes = {"valid_from": VnDateField, "valid_to": VnDateField}
        widgets = {
            "weekday": forms.Select(
                choices=[
                    ("", "—"),
                    (0, _("Thứ Hai")),
                    (1, _("Thứ Ba")),
                    (2, _("Thứ Tư")),
                    (3, _("Thứ Năm")),
                    (4, _("Thứ Sáu")),
                    (5, _("Thứ Bảy")),
                    (6, _("Chủ nhật")),
                ]
            ),
            "week_of_month": forms.Select(
                choices=[
                    ("", "—"),
                    (1, _("Tuần thứ nhất")),
                    (2, _("Tuần thứ hai")),
                    (3, _("Tuần thứ ba")),
                    (4, _("Tuần thứ tư")),
                    (5, _("Tuần thứ năm")),
                    (-1, _("Tuần cuối")),
                ]
            ),
            "starts_at": forms.TimeInput(attrs={"type": "time"}),
            "ends_at": forms.TimeInput(attrs={"type": "time"}),
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("recurrence")
        needs = {
            Schedule.Recurrence.MONTHLY_DAY: ["day_of_month"],
            Schedule.Recurrence.MONTHLY_WEEKDAY: ["weekday", "week_of_month"],
            Schedule.Recurrence.WEEKLY: ["weekday"],
        }.get(kind, [])
        for name in needs:
            if cleaned.get(name) in (None, ""):
                self.add_error(name, _("Cần chọn cho kiểu lặp lại này."))
        for name in {"day_of_month", "weekday", "week_of_month"} - set(needs):
            cleaned[name] = None
        return cleaned


class VisitForm(forms.Form):
    """The visit itself: where, when, who received it, how it ended."""

    # One key per filled-in form: a second submission (a double click, a reload of the saved
    # page) finds the visit already registered instead of registering it again.
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    organization = forms.ModelChoiceField(label=_("Cơ quan tiếp"), queryset=None)
    visited_on = VnDateField(label=_("Ngày tiếp"))
    kind = forms.ChoiceField(label=_("Hình thức"), choices=Visit.Kind.choices)
    headcount = forms.IntegerField(
        label=_("Số người đến"),
        min_value=1,
        required=False,
        help_text=(
            _("Để trống nếu bằng số công dân ghi dưới đây. Từ 5 người trở lên phải cử đại diện.")
        ),
    )
    outcome = forms.ChoiceField(label=_("Kết quả tiếp"), choices=Visit.Outcome.choices)
    outcome_note = forms.CharField(
        label=_("Ghi chú kết quả"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations


class CitizenForm(forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=200, required=False)
    address = forms.CharField(label=_("Địa chỉ"), max_length=300, required=False)
    phone = forms.CharField(label=_("Điện thoại"), max_length=30, required=False)
    id_number = forms.CharField(label=_("Số CCCD"), max_length=20, required=False)
    is_representative = forms.BooleanField(label=_("Người đại diện"), required=False)


class ItemForm(forms.Form):
    content = forms.CharField(
        label=_("Nội dung trình bày"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    documents = forms.CharField(
        label=_("Tài liệu cung cấp (mỗi dòng một tài liệu)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


# One empty row each; "Thêm công dân" / "Thêm nội dung" add rows as needed (no fixed number).
CitizenFormSet = forms.formset_factory(CitizenForm, extra=1, max_num=50, validate_max=True)
ItemFormSet = forms.formset_factory(ItemForm, extra=1, max_num=20, validate_max=True)
ROW_PREFIXES = {"cong_dan": 50, "noi_dung": 20}


class VisitAnswerForm(forms.Form):
    answered_on = VnDateField(label=_("Ngày trả lời"))
    answer = forms.CharField(
        label=_("Nội dung trả lời"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Thụ lý; cần thêm thời gian xác minh; không thụ lý (nêu lý do); hoặc đã chuyển "
            "cơ quan có thẩm quyền (Luật Tiếp công dân Đ28 k1)."
        ),
    )


# The period (and, optionally, the body) of the register to export: the same choice as the
# letters' reports.
RegisterPeriodForm = ReportPeriodForm
