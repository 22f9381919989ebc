"""Input shapes of the voters' pages; the rules live in the services."""

from django import forms

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
    organization = forms.ModelChoiceField(Organization.objects.none(), label="Cơ quan tổng hợp")
    assembly = forms.ChoiceField(choices=Session.Assembly.choices, label="Cơ quan dân cử")
    name = forms.CharField(max_length=200, label="Kỳ họp")
    opens_on = VnDateField(label="Ngày khai mạc")
    closes_on = VnDateField(label="Ngày bế mạc")

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations


class MeetingForm(forms.Form):
    organization = forms.ModelChoiceField(Organization.objects.none(), label="Cơ quan tổ chức")
    co_organizer = forms.ModelChoiceField(
        Organization.objects.filter(kind__in=("front", "front_standing")),
        required=False,
        label="Phối hợp tổ chức (UBMTTQ)",
    )
    kind = forms.ChoiceField(choices=Meeting.Kind.choices, label="Loại hội nghị")
    title = forms.CharField(max_length=300, label="Tên hội nghị")
    held_on = VnDateField(label="Ngày tiếp xúc")
    starts_at = forms.TimeField(
        required=False,
        label="Giờ bắt đầu",
        widget=forms.TimeInput(attrs={"type": "time", **WIDE}),
    )
    mode = forms.ChoiceField(choices=Meeting.Mode.choices, label="Hình thức")
    online_link = forms.URLField(
        required=False,
        label="Đường dẫn trực tuyến",
        widget=forms.URLInput(attrs=WIDE),
        assume_scheme="https",
    )
    deputy_names = forms.CharField(max_length=500, required=False, label="Đại biểu dự")
    participants = forms.CharField(
        required=False, label="Thành phần tham dự", widget=forms.Textarea(attrs={"rows": 2})
    )
    outside_constituency = forms.BooleanField(
        required=False,
        label="Tiếp xúc ngoài địa phương, đơn vị bầu cử (báo trước theo Điều 31, 32 NQLT 72/2025)",
    )
    point_1 = forms.ModelChoiceField(AdminUnit.objects.none(), label="Điểm tiếp xúc 1: xã, phường")
    location_1 = forms.CharField(max_length=300, label="Địa điểm 1")
    point_2 = forms.ModelChoiceField(
        AdminUnit.objects.none(), required=False, label="Điểm tiếp xúc 2: xã, phường"
    )
    location_2 = forms.CharField(max_length=300, required=False, label="Địa điểm 2")
    point_3 = forms.ModelChoiceField(
        AdminUnit.objects.none(), required=False, label="Điểm tiếp xúc 3: xã, phường"
    )
    location_3 = forms.CharField(max_length=300, required=False, label="Địa điểm 3")
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
                self.add_error(f"location_{n}", "Cần địa điểm cho điểm tiếp xúc này.")
        return cleaned


class PetitionForm(forms.Form):
    text = forms.CharField(
        label="Nội dung kiến nghị",
        widget=forms.Textarea(attrs={"rows": 2, "autofocus": True}),
        max_length=4000,
    )
    commune = forms.ModelChoiceField(AdminUnit.objects.none(), label="Xã, phường của cử tri")
    received_by = forms.CharField(max_length=300, required=False, label="Đại biểu tiếp nhận")
    voter = forms.CharField(max_length=200, required=False, label="Cử tri nêu")
    kind = forms.ChoiceField(
        choices=Petition.Kind.choices,
        initial=Petition.Kind.PETITION,
        required=False,
        label="Ý kiến hay kiến nghị",
        help_text="Kiến nghị: đề nghị cơ quan có thẩm quyền giải quyết (được tổng hợp, chuyển, "
        "trả lời). Ý kiến: nhận xét, đánh giá, góp ý chính sách (được ghi nhận, báo cáo).",
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = choices
        if choices.count() == 1:
            self.fields["commune"].initial = choices.first()


class ImportForm(forms.Form):
    file = forms.FileField(
        label="Tệp biên bản (.xlsx hoặc .docx)",
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.docx"}),
    )


class PasteForm(forms.Form):
    text = forms.CharField(
        label="Danh sách (mỗi dòng một kiến nghị: nội dung | xã, phường | đại biểu tiếp nhận; "
        "dòng bắt đầu bằng «Ý kiến:» là ý kiến)",
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class ChannelForm(PasteForm):
    channel = forms.ChoiceField(
        choices=[c for c in Petition.Channel.choices if c[0] != "meeting"],
        label="Kênh",
    )


class LetterPetitionForm(forms.Form):
    reference = forms.CharField(max_length=60, label="Số đơn (số vào sổ, ví dụ 03/2026/Đ-UBND)")
    commune = forms.ModelChoiceField(AdminUnit.objects.none(), label="Xã, phường của cử tri")
    received_by = forms.CharField(max_length=300, required=False, label="Đại biểu nhận đơn")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = communes()


class FeedbackForm(forms.Form):
    item = forms.UUIDField(widget=forms.HiddenInput)
    commune = forms.ModelChoiceField(AdminUnit.objects.none(), widget=forms.HiddenInput)
    outcome = forms.ChoiceField(choices=Feedback.Outcome.choices, label="Thực tế tại địa phương")
    reaction = forms.ChoiceField(choices=Feedback.Reaction.choices, label="Ý kiến của cử tri")
    note = forms.CharField(max_length=2000, required=False, label="Ghi chú")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune"].queryset = communes()


class MinutesForm(forms.Form):
    minutes = forms.CharField(label="Biên bản", widget=forms.Textarea(attrs={"rows": 5}))
    speakers = forms.CharField(
        required=False,
        label="Người phát biểu (mỗi dòng: họ tên | cử tri/đại biểu/cơ quan | tóm tắt)",
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    ROLES = {
        "cu tri": Speaker.Role.VOTER,
        "dai bieu": Speaker.Role.DEPUTY,
        "co quan": Speaker.Role.OFFICIAL,
    }


class RenameForm(forms.Form):
    title = forms.CharField(
        label="Nội dung kiến nghị tổng hợp", widget=forms.Textarea(attrs={"rows": 2})
    )


class ClassifyForm(forms.Form):
    field = forms.CharField(max_length=60, label="Lĩnh vực")
    level = forms.ChoiceField(choices=Level.choices, label="Cấp thẩm quyền")
    agency = forms.CharField(max_length=200, label="Cơ quan có thẩm quyền")


class RouteForm(forms.Form):
    on = VnDateField(label="Ngày chuyển")
    note = forms.CharField(max_length=300, required=False, label="Ghi chú")


class AnswerForm(forms.Form):
    grade = forms.ChoiceField(choices=ConsolidatedPetition.Grade.choices, label="Kết quả")
    answer = forms.CharField(label="Nội dung trả lời", widget=forms.Textarea(attrs={"rows": 4}))
    answered_on = VnDateField(label="Ngày trả lời")
    answer_document = forms.CharField(
        max_length=120, required=False, label="Văn bản trả lời (số, ký hiệu)"
    )
    roadmap_until = VnDateField(
        required=False, label="Lộ trình giải quyết đến (nếu đang giải quyết)"
    )
    publish = forms.BooleanField(required=False, initial=True, label="Công bố trên trang công khai")


class ReportForm(forms.Form):
    kind = forms.ChoiceField(
        choices=[
            ("front", "Báo cáo tổng hợp của UBMTTQ"),
            ("delegation", "Báo cáo của Đoàn ĐBQH"),
            ("results", "Báo cáo kết quả giải quyết kiến nghị"),
        ],
        label="Báo cáo",
    )
    organization = forms.ModelChoiceField(Organization.objects.none(), label="Cơ quan ban hành")
    issued_on = VnDateField(label="Ngày ban hành")
    signer_title = forms.CharField(max_length=100, required=False, label="Chức vụ người ký")
    signer_name = forms.CharField(max_length=100, required=False, label="Người ký")

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
