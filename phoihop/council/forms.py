"""Forms of the council pages (input parsing only; the services decide)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from phoihop.core.fields import VnDateField
from phoihop.council.models import (
    AgendaItem,
    Ballot,
    Briefing,
    Paper,
    Session,
    Submission,
    Vote,
)
from phoihop.organizations.models import Organization
from phoihop.security.uploads import check_upload

TEXT = forms.Textarea(attrs={"rows": 3})
MAX_PAPER_BYTES = 20 * 1024 * 1024


def _current():
    return Organization.objects.filter(valid_to__isnull=True).order_by("path")


class _WithBodies(forms.Form):
    """A form whose ``organization`` choices are the bodies where the user may act."""

    def __init__(self, *args, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if "organization" in self.fields:
            self.fields["organization"].queryset = (
                organizations if organizations is not None else _current()
            )


class SessionForm(_WithBodies):
    organization = forms.ModelChoiceField(Organization.objects.none(), label=_("Hội đồng nhân dân"))
    number = forms.IntegerField(label=_("Kỳ họp thứ"), min_value=1, max_value=99)
    kind = forms.ChoiceField(label=_("Loại kỳ họp"), choices=Session.Kind.choices)
    requested_by = forms.ChoiceField(label=_("Đề nghị của"), choices=Session.RequestedBy.choices)
    requesting_deputies = forms.IntegerField(
        label=_("Số đại biểu yêu cầu (nếu đại biểu yêu cầu)"), min_value=0, required=False
    )
    title = forms.CharField(label=_("Tên kỳ họp"), max_length=300)
    opens_on = VnDateField(label=_("Ngày khai mạc"))
    closes_on = VnDateField(label=_("Ngày bế mạc dự kiến"))
    location = forms.CharField(label=_("Địa điểm"), max_length=200, required=False)
    idempotency_key = forms.CharField(required=False, widget=forms.HiddenInput)


class AgendaForm(forms.Form):
    organization = forms.ModelChoiceField(_current(), label=_("Cơ quan trình"))
    title = forms.CharField(label=_("Nội dung"), max_length=300)
    kind = forms.ChoiceField(label=_("Loại nội dung"), choices=AgendaItem.Kind.choices)
    examined_by = forms.ModelChoiceField(
        Organization.objects.none(), label=_("Ban thẩm tra"), required=False
    )
    owner_name = forms.CharField(label=_("Người chịu trách nhiệm"), max_length=200, required=False)
    normative = forms.BooleanField(label=_("Nghị quyết quy phạm pháp luật"), required=False)
    idempotency_key = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = _current()
        self.fields["examined_by"].queryset = _current().filter(
            kind=Organization.Kind.COUNCIL_COMMITTEE
        )


class ConveneForm(forms.Form):
    on = VnDateField(label=_("Ngày quyết định triệu tập"))
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=200, required=False)
    signer_name = forms.CharField(label=_("Người ký"), max_length=200, required=False)


class CloseForm(forms.Form):
    on = VnDateField(label=_("Ngày bế mạc"))
    summary = forms.CharField(label=_("Diễn biến, kết quả kỳ họp"), widget=TEXT)
    signer_title = forms.CharField(
        label=_("Chức vụ người ký"),
        max_length=200,
        required=False,
        help_text=_("Để trống: biên bản ký với chức danh CHỦ TỌA KỲ HỌP."),
    )
    signer_name = forms.CharField(label=_("Chủ tọa (người ký)"), max_length=200, required=False)
    secretary_name = forms.CharField(
        label=_("Thư ký kỳ họp (cùng ký biên bản)"), max_length=200, required=False
    )


class PaperForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại tài liệu"), choices=Paper.Kind.choices)
    title = forms.CharField(label=_("Tên tài liệu"), max_length=300)
    symbol = forms.CharField(label=_("Số, ký hiệu"), max_length=60, required=False)
    received_on = VnDateField(label=_("Ngày gửi"))
    file = forms.FileField(label=_("Tệp (PDF hoặc ảnh)"), required=False)
    public = forms.BooleanField(label=_("Công khai trên cổng thông tin"), required=False)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        return check_upload(upload, max_bytes=MAX_PAPER_BYTES) if upload else None


class VoteForm(forms.Form):
    held_on = VnDateField(label=_("Ngày biểu quyết"))
    method = forms.ChoiceField(label=_("Hình thức"), choices=Vote.Method.choices)
    yes = forms.IntegerField(label=_("Tán thành"), min_value=0)
    no = forms.IntegerField(label=_("Không tán thành"), min_value=0)
    abstain = forms.IntegerField(label=_("Không biểu quyết"), min_value=0)
    title = forms.CharField(
        label=_("Trích yếu nghị quyết (nếu khác)"), max_length=300, required=False
    )
    summary = forms.CharField(label=_("Nội dung chính"), widget=TEXT, required=False)


class SignForm(forms.Form):
    on = VnDateField(label=_("Ngày ký chứng thực"))
    signer_name = forms.CharField(label=_("Người ký chứng thực"), max_length=200)


class PublishForm(forms.Form):
    on = VnDateField(label=_("Ngày gửi đăng công báo, công bố"))
    sent_higher = forms.BooleanField(
        label=_("Đồng thời gửi Ủy ban Thường vụ Quốc hội, Chính phủ"), required=False, initial=True
    )


class TaskForm(forms.Form):
    organization = forms.ModelChoiceField(_current(), label=_("Cơ quan thực hiện"))
    title = forms.CharField(label=_("Nhiệm vụ"), max_length=300)
    due_by = VnDateField(label=_("Hạn hoàn thành"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = _current()
        for field in self.fields.values():
            field.required = False


TaskFormSet = forms.formset_factory(TaskForm, extra=3)


def task_rows(formset) -> list:
    """The filled rows of a task formset as service inputs."""
    from phoihop.council.services import TaskInput

    return [
        TaskInput(row["organization"], row["title"], row["due_by"])
        for row in formset.cleaned_data
        if row and row.get("organization") and row.get("title") and row.get("due_by")
    ]


class TaskStepForm(forms.Form):
    STEPS = [
        ("progress", _("Báo cáo tiến độ")),
        ("done", _("Báo cáo hoàn thành")),
        ("accept", _("Xác nhận hoàn thành")),
        ("reopen", _("Yêu cầu tiếp tục thực hiện")),
    ]
    step = forms.ChoiceField(label=_("Bước"), choices=STEPS)
    on = VnDateField(label=_("Ngày"))
    note = forms.CharField(label=_("Nội dung"), widget=TEXT, required=False)
    new_due_by = VnDateField(label=_("Hạn mới (khi yêu cầu tiếp tục)"), required=False)


class SubmissionForm(_WithBodies):
    organization = forms.ModelChoiceField(Organization.objects.none(), label=_("Cơ quan trình"))
    council = forms.ModelChoiceField(_current(), label=_("Trình Thường trực HĐND"))
    matter = forms.ChoiceField(label=_("Loại vấn đề"), choices=Submission.Matter.choices)
    title = forms.CharField(label=_("Trích yếu tờ trình"), max_length=300)
    summary = forms.CharField(label=_("Nội dung chính"), widget=TEXT, required=False)
    received_on = VnDateField(label=_("Ngày gửi"))
    idempotency_key = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = _current().filter(
            kind__in=(Organization.Kind.COUNCIL_STANDING, Organization.Kind.COUNCIL)
        )


class DecideForm(forms.Form):
    OUTCOMES = [
        ("approve", _("Thông qua (ban hành nghị quyết của Thường trực)")),
        ("reject", _("Không thông qua")),
        ("return", _("Trả lại, đề nghị bổ sung hồ sơ")),
    ]
    outcome = forms.ChoiceField(label=_("Quyết định"), choices=OUTCOMES)
    on = VnDateField(label=_("Ngày"))
    title = forms.CharField(
        label=_("Trích yếu nghị quyết (nếu khác)"), max_length=300, required=False
    )
    note = forms.CharField(label=_("Nội dung, lý do"), widget=TEXT, required=False)


class ConsultationForm(forms.Form):
    opened_on = VnDateField(label=_("Ngày gửi phiếu"))
    closes_on = VnDateField(label=_("Hạn trả lời"))
    question = forms.CharField(label=_("Nội dung xin ý kiến"), widget=TEXT)


class BallotForm(forms.Form):
    ballot = forms.IntegerField(required=False, widget=forms.HiddenInput)
    answer = forms.ChoiceField(label=_("Ý kiến"), choices=Ballot.Answer.choices)
    on = VnDateField(label=_("Ngày trả lời"))
    comment = forms.CharField(label=_("Ý kiến thêm"), max_length=500, required=False)


class CountForm(forms.Form):
    on = VnDateField(label=_("Ngày kiểm phiếu"))
    title = forms.CharField(
        label=_("Trích yếu nghị quyết (nếu đạt)"), max_length=300, required=False
    )


class BriefingForm(_WithBodies):
    organization = forms.ModelChoiceField(Organization.objects.none(), label=_("Cơ quan chủ trì"))
    kind = forms.ChoiceField(label=_("Loại"), choices=Briefing.Kind.choices)
    title = forms.CharField(label=_("Tên cuộc họp"), max_length=300)
    held_on = VnDateField(label=_("Ngày họp"))
    location = forms.CharField(label=_("Địa điểm"), max_length=200, required=False)
    agenda = forms.CharField(label=_("Nội dung"), widget=TEXT, required=False)


class BriefingConcludeForm(forms.Form):
    issued_on = VnDateField(label=_("Ngày thông báo kết luận"))
    conclusions = forms.CharField(label=_("Kết luận"), widget=TEXT)
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=200, required=False)
    signer_name = forms.CharField(label=_("Người ký"), max_length=200, required=False)


class PublicSearchForm(forms.Form):
    q = forms.CharField(label=_("Tìm nghị quyết"), max_length=200, required=False)
    kind = forms.ChoiceField(
        label=_("Loại"),
        required=False,
        choices=[
            ("", _("Tất cả")),
            ("council", _("Nghị quyết của HĐND")),
            ("standing", _("Quyết định giữa hai kỳ họp")),
        ],
    )
    year = forms.IntegerField(
        label=_("Năm"),
        min_value=2000,
        max_value=2100,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )


class ResolutionFileForm(forms.Form):
    title = forms.CharField(label=_("Tên hiển thị"), max_length=200, initial="Bản ký chứng thực")
    file = forms.FileField(label=_("Tệp (PDF, ảnh hoặc Word DOCX)"))
    public = forms.BooleanField(label=_("Công khai trên cổng thông tin"), required=False)

    def clean_file(self):
        return check_upload(self.cleaned_data["file"], max_bytes=MAX_PAPER_BYTES, docx=True)
