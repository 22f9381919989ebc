"""Forms of the supervision pages (input parsing only; the services decide)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from phoihop.core.fields import VnDateField
from phoihop.organizations.models import Organization
from phoihop.supervision.models import (
    Plan,
    Programme,
    Question,
    Recommendation,
    Sitting,
    TeamMember,
)


def _current():
    return Organization.objects.filter(valid_to__isnull=True).order_by("path")


class ProgrammeForm(forms.Form):
    organization = forms.ModelChoiceField(Organization.objects.none(), label=_("Chủ thể giám sát"))
    kind = forms.ChoiceField(label=_("Loại chương trình"), choices=Programme.Kind.choices)
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    title = forms.CharField(label=_("Tên chương trình"), max_length=300)
    resolution = forms.CharField(label=_("Nghị quyết thông qua"), max_length=100, required=False)
    adopted_on = VnDateField(label=_("Ngày thông qua"), required=False)
    topic = forms.CharField(label=_("Chuyên đề"), max_length=300, required=False)
    topic_lead = forms.ModelChoiceField(
        _current(), label=_("Cơ quan chủ trì chuyên đề"), required=False
    )
    topic_period = forms.CharField(label=_("Thời gian"), max_length=100, required=False)

    def __init__(self, *args, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        self.fields["topic_lead"].queryset = _current()


class PlanForm(forms.Form):
    organization = forms.ModelChoiceField(Organization.objects.none(), label=_("Chủ thể giám sát"))
    kind = forms.ChoiceField(
        label=_("Hình thức giám sát"),
        choices=Plan.Kind.choices,
        initial=Plan.Kind.THEMATIC,
        required=False,
    )
    title = forms.CharField(label=_("Tên kế hoạch"), max_length=300)
    scope = forms.CharField(
        label=_("Phạm vi, nội dung giám sát"), widget=forms.Textarea(attrs={"rows": 3})
    )
    bodies = forms.ModelMultipleChoiceField(_current(), label=_("Cơ quan chịu sự giám sát"))
    starts_on = VnDateField(label=_("Bắt đầu"))
    ends_on = VnDateField(label=_("Kết thúc dự kiến"))
    idempotency_key = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        self.fields["bodies"].queryset = _current()


class MemberForm(forms.Form):
    name = forms.CharField(label=_("Họ và tên"), max_length=200)
    position = forms.CharField(label=_("Chức vụ"), max_length=200, required=False)
    organization = forms.ModelChoiceField(
        _current(), label=pgettext_lazy("body of a record", "Cơ quan")
    )
    role = forms.ChoiceField(label=_("Vai trò"), choices=TeamMember.Role.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = _current()


class ReportRequestForm(forms.Form):
    organization = forms.ModelChoiceField(Organization.objects.none(), label=_("Cơ quan báo cáo"))
    requested_on = VnDateField(label=_("Ngày đề nghị"))
    due_by = VnDateField(label=_("Hạn gửi báo cáo"))

    def __init__(self, *args, bodies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = bodies


class ReportReceiveForm(forms.Form):
    received_on = VnDateField(label=_("Ngày nhận báo cáo"))
    summary = forms.CharField(label=_("Tóm tắt"), widget=forms.Textarea(attrs={"rows": 2}))


class VisitForm(forms.Form):
    organization = forms.ModelChoiceField(Organization.objects.none(), label=_("Làm việc với"))
    held_on = VnDateField(label=_("Ngày làm việc"))
    location = forms.CharField(label=_("Địa điểm"), max_length=300, required=False)
    attendees = forms.CharField(
        label=_("Thành phần tham dự"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    findings = forms.CharField(
        label=_("Biên bản: nội dung ghi nhận"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    documents_received = forms.CharField(
        label=_("Tài liệu nhận được"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, bodies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = bodies


class ConcludeForm(forms.Form):
    issued_on = VnDateField(label=_("Ngày ban hành"))
    findings = forms.CharField(
        label=_("Kết quả giám sát"), widget=forms.Textarea(attrs={"rows": 3})
    )
    conclusions = forms.CharField(label=_("Kết luận"), widget=forms.Textarea(attrs={"rows": 3}))
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=200, required=False)
    signer_name = forms.CharField(label=_("Người ký"), max_length=200, required=False)


class RecommendationRowForm(forms.Form):
    organization = forms.ModelChoiceField(
        Organization.objects.none(), label=_("Cơ quan thực hiện"), required=False
    )
    content = forms.CharField(
        label=_("Nội dung kiến nghị"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    topic = forms.CharField(label=_("Lĩnh vực"), max_length=200, required=False)
    due_by = VnDateField(label=_("Hạn thực hiện"), required=False)

    def __init__(self, *args, bodies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = bodies if bodies is not None else _current()


RecommendationFormSet = forms.formset_factory(RecommendationRowForm, extra=3, max_num=20)


class RecommendationStepForm(forms.Form):
    STEPS = [
        ("reply", _("Trả lời kiến nghị của Ủy ban MTTQ")),
        ("accept", _("Tiếp thu kiến nghị")),
        ("progress", _("Báo cáo tiến độ")),
        ("report_done", _("Báo cáo đã hoàn thành")),
        ("verify", _("Xác minh, đánh giá")),
        ("close", _("Kết thúc theo dõi")),
    ]
    step = forms.ChoiceField(choices=STEPS, widget=forms.HiddenInput)
    on = VnDateField(label=_("Ngày"))
    note = forms.CharField(
        label=_("Nội dung"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    evidence = forms.CharField(label=_("Minh chứng hoàn thành"), required=False, max_length=1000)
    result = forms.ChoiceField(
        label=_("Kết quả"), choices=[("", "—"), *Recommendation.Result.choices], required=False
    )
    new_due_by = VnDateField(label=_("Hạn mới (nếu chưa hoàn thành)"), required=False)
    replied_by = forms.CharField(
        label=_("Người trả lời (họ tên, chức vụ)"), max_length=200, required=False
    )
    taken_up = forms.ChoiceField(
        label=_("Tiếp thu"), choices=[("", "—"), *Recommendation.TakenUp.choices], required=False
    )


class SittingForm(forms.Form):
    organization = forms.ModelChoiceField(Organization.objects.none(), label=_("Cơ quan tổ chức"))
    kind = forms.ChoiceField(label=_("Loại phiên"), choices=Sitting.Kind.choices)
    title = forms.CharField(label=_("Tên phiên"), max_length=300)
    held_on = VnDateField(label=_("Ngày chất vấn"))

    def __init__(self, *args, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations


class QuestionForm(forms.Form):
    deputy = forms.CharField(label=_("Đại biểu chất vấn"), max_length=200)
    official = forms.CharField(label=_("Người bị chất vấn"), max_length=200)
    organization = forms.ModelChoiceField(_current(), label=_("Cơ quan của người bị chất vấn"))
    content = forms.CharField(
        label=_("Nội dung chất vấn"), widget=forms.Textarea(attrs={"rows": 2})
    )
    registered_on = VnDateField(label=_("Ngày đăng ký"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = _current()


class AnswerForm(forms.Form):
    mode = forms.ChoiceField(label=_("Hình thức"), choices=Question.Mode.choices)
    answer = forms.CharField(label=_("Nội dung trả lời"), widget=forms.Textarea(attrs={"rows": 3}))
    on = VnDateField(label=_("Ngày trả lời"))
    pledge = forms.CharField(label=_("Lời hứa (nếu có)"), required=False, max_length=1000)
    pledge_due_by = VnDateField(label=_("Hạn thực hiện lời hứa"), required=False)
    pledge2 = forms.CharField(label=_("Lời hứa thứ hai (nếu có)"), required=False, max_length=1000)
    pledge2_due_by = VnDateField(label=_("Hạn thực hiện lời hứa thứ hai"), required=False)


class AssessForm(forms.Form):
    agrees = forms.TypedChoiceField(
        label=_("Ý kiến của đại biểu"),
        choices=[
            ("1", _("Đồng ý với câu trả lời")),
            ("0", _("Chưa đồng ý — đưa vào chất vấn lại")),
        ],
        coerce=lambda v: v == "1",
    )
    on = VnDateField(label=_("Ngày"))
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=1000)


class PledgeStepForm(forms.Form):
    step = forms.ChoiceField(
        choices=[
            ("progress", _("Báo cáo tiến độ")),
            ("done", _("Báo cáo đã thực hiện")),
            ("assess_done", _("Đánh giá: đã thực hiện")),
            ("assess_not_done", _("Đánh giá: chưa thực hiện")),
        ],
        widget=forms.HiddenInput,
    )
    on = VnDateField(label=_("Ngày"))
    note = forms.CharField(
        label=_("Nội dung"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
