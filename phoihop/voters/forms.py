"""Input shapes of the voters' pages; the rules live in the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from phoihop.core.fields import VnDateField
from phoihop.organizations.models import AdminUnit, Organization
from phoihop.voters.models import (
    ConsolidatedPetition,
    Feedback,
    Level,
    Meeting,
    Petition,
    Session,
    Speaker,
)

WIDE = {"style": "width:100%;max-width:28rem;padding:.55rem .6rem"}


def communes():
    return AdminUnit.objects.filter(level="commune", valid_to__isnull=True).order_by("name")


class SessionForm(forms.Form):
    organization = forms.ModelChoiceField(Organization.objects.none(), label=_("Cơ quan tổng hợp"))
    assembly = forms.ChoiceField(choices=Session.Assembly.choices, label=_("Cơ quan dân cử"))
    name = forms.CharField(max_length=200, label=_("Kỳ họp"))
    opens_on = VnDateField(label=_("Ngày khai mạc"))
    closes_on = VnDateField(label=_("Ngày bế mạc"))

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations


class MeetingForm(forms.Form):
    organization = forms.ModelChoiceField(Organization.objects.none(), label=_("Cơ quan tổ chức"))
    co_organizer = forms.ModelChoiceField(
        Organization.objects.filter(kind__in=("front", "front_standing")),
        required=False,
        label=_("Phối hợp tổ chức (UBMTTQ)"),
    )
    kind = forms.ChoiceField(choices=Meeting.Kind.choices, label=_("Loại hội nghị"))
    title = forms.CharField(max_length=300, label=_("Tên hội nghị"))
    held_on = VnDateField(label=_("Ngày tiếp xúc"))
    starts_at = forms.TimeField(
        required=False,
        label=_("Giờ bắt đầu"),
        widget=forms.TimeInput(attrs={"type": "time", **WIDE}),
    )
    mode = forms.ChoiceField(choices=Meeting.Mode.choices, label=_("Hình thức"))
    online_link = forms.URLField(
        required=False,
        label=_("Đường dẫn trực tuyến"),
        widget=forms.URLInput(attrs=WIDE),
        assume_scheme="https",
    )
    deputy_names = forms.CharField(max_length=500, required=False, label=_("Đại biểu dự"))
    participants = forms.CharField(
        required=False, label=_("Thành phần tham dự"), widget=forms.Textarea(attrs={"rows": 2})
    )
    outside_constituency = forms.BooleanField(
        required=False,
        label=_(
            "Tiếp xúc ngoài địa phương, đơn vị bầu cử (báo trước theo Điều 31, 32 NQLT 72/2025)"
        ),
    )
    point_1 = forms.ModelChoiceField(
        AdminUnit.objects.none(), label=_("Điểm tiếp xúc 1: xã, phường")
    )
    location_1 = forms.CharField(max_length=300, label=_("Địa điểm 1"))
    point_2 = forms.ModelChoiceField(
        AdminUnit.objects.none(), required=False, label=_("Điểm tiếp xúc 2: xã, phường")
    )
    location_2 = forms.CharField(max_length=300, required=False, label=_("Địa điểm 2"))
    point_3 = forms.ModelChoiceField(
        AdminUnit.objects.none(), required=False, label=_("Điểm tiếp xúc 3: xã, phường")
    )
    location_3 = forms.CharField(max_length=300, required=False, label=_("Địa điểm 3"))
    idempotency_key = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        for n in (1, 2, 3):
            self.fields[f"point_{n}"].queryset = communes()

    def clean(self):
        cleaned = super().clean()
        for n in (2, 3):
            if cleaned.get(f"point_{n}") and not cleaned.get(f"location_{n}"):
                self.add_error(f"location_{n}", _("Cần địa điểm cho điểm tiếp xúc này."))
        return cleaned


class PetitionForm(forms.Form):
    text = forms.CharField(
        label=_("Nội dung kiến nghị"),
        widget=forms.Textarea(attrs={"rows": 2, "autofocus": True}),
        max_length=4000,
    )
    commune = forms.ModelChoiceField(AdminUnit.objects.none(), label=_("Xã, phường của cử tri"))
    received_by = forms.CharField(max_length=300, required=False, label=_("Đại biểu tiếp nhận"))
    voter = forms.CharField(max_length=200, required=False, label=_("Cử tri nêu"))
    kind = forms.ChoiceField(
        choices=Petition.Kind.choices,
        initial=Petition.Kind.PETITION,
        required=False,
        label=_("Ý kiến hay kiến nghị"),
        help_text=_(
            "Kiến nghị: đề nghị cơ quan có thẩm quyền giải quyết (được tổng hợp, chuyển, "
            "trả lời). Ý kiến: nhận xét, đánh giá, góp ý chính sách (được ghi nhận, báo cáo)."
        ),
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = choices
        if choices.count() == 1:
            self.fields["commune"].initial = choices.first()


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp biên bản (.xlsx hoặc .docx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.docx"}),
    )


class PasteForm(forms.Form):
    text = forms.CharField(
        label=_(
            "Danh sách (mỗi dòng một kiến nghị: nội dung | xã, phường | đại biểu tiếp nhận; "
            "dòng bắt đầu bằng «Ý kiến:» là ý kiến)"
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class ChannelForm(PasteForm):
    channel = forms.ChoiceField(
        choices=[c for c in Petition.Channel.choices if c[0] != "meeting"],
        label=_("Kênh"),
    )


class LetterPetitionForm(forms.Form):
    reference = forms.CharField(max_length=60, label=_("Số đơn (số vào sổ, ví dụ 03/2026/Đ-UBND)"))
    commune = forms.ModelChoiceField(AdminUnit.objects.none(), label=_("Xã, phường của cử tri"))
    received_by = forms.CharField(max_length=300, required=False, label=_("Đại biểu nhận đơn"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = communes()


class FeedbackForm(forms.Form):
    item = forms.UUIDField(widget=forms.HiddenInput)
    commune = forms.ModelChoiceField(AdminUnit.objects.none(), widget=forms.HiddenInput)
    outcome = forms.ChoiceField(choices=Feedback.Outcome.choices, label=_("Thực tế tại địa phương"))
    reaction = forms.ChoiceField(choices=Feedback.Reaction.choices, label=_("Ý kiến của cử tri"))
    note = forms.CharField(max_length=2000, required=False, label=_("Ghi chú"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = communes()


class MinutesForm(forms.Form):
    minutes = forms.CharField(label=_("Biên bản"), widget=forms.Textarea(attrs={"rows": 5}))
    speakers = forms.CharField(
        required=False,
        label=_("Người phát biểu (mỗi dòng: họ tên | cử tri/đại biểu/cơ quan | tóm tắt)"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    ROLES = {
        "cu tri": Speaker.Role.VOTER,
        "dai bieu": Speaker.Role.DEPUTY,
        "co quan": Speaker.Role.OFFICIAL,
    }


class RenameForm(forms.Form):
    title = forms.CharField(
        label=_("Nội dung kiến nghị tổng hợp"), widget=forms.Textarea(attrs={"rows": 2})
    )


class ClassifyForm(forms.Form):
    field = forms.CharField(max_length=60, label=_("Lĩnh vực"))
    level = forms.ChoiceField(choices=Level.choices, label=_("Cấp thẩm quyền"))
    agency = forms.CharField(max_length=200, label=_("Cơ quan có thẩm quyền"))


class RouteForm(forms.Form):
    on = VnDateField(label=_("Ngày chuyển"))
    note = forms.CharField(max_length=300, required=False, label=_("Ghi chú"))


class AnswerForm(forms.Form):
    grade = forms.ChoiceField(choices=ConsolidatedPetition.Grade.choices, label=_("Kết quả"))
    answer = forms.CharField(label=_("Nội dung trả lời"), widget=forms.Textarea(attrs={"rows": 4}))
    answered_on = VnDateField(label=_("Ngày trả lời"))
    answer_document = forms.CharField(
        max_length=120, required=False, label=_("Văn bản trả lời (số, ký hiệu)")
    )
    roadmap_until = VnDateField(
        required=False, label=_("Lộ trình giải quyết đến (nếu đang giải quyết)")
    )
    publish = forms.BooleanField(
        required=False, initial=True, label=_("Công bố trên trang công khai")
    )


class ReportForm(forms.Form):
    kind = forms.ChoiceField(
        choices=[
            ("front", _("Báo cáo tổng hợp của UBMTTQ")),
            ("delegation", _("Báo cáo của Đoàn ĐBQH")),
            ("results", _("Báo cáo kết quả giải quyết kiến nghị")),
        ],
        label=_("Báo cáo"),
    )
    organization = forms.ModelChoiceField(Organization.objects.none(), label=_("Cơ quan ban hành"))
    issued_on = VnDateField(label=_("Ngày ban hành"))
    signer_title = forms.CharField(max_length=100, required=False, label=_("Chức vụ người ký"))
    signer_name = forms.CharField(max_length=100, required=False, label=_("Người ký"))

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
