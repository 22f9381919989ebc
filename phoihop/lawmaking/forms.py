"""Forms of the law-making pages (input parsing only; the services decide)."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from phoihop.core.fields import VnDateField
from phoihop.lawmaking import imports
from phoihop.lawmaking.conf import setting
from phoihop.lawmaking.models import (
    AgencyRequest,
    CommenterKind,
    Conference,
    Consultation,
    ContactVerification,
    Draft,
    LegislativeProposal,
    Opinion,
    Position,
    Provision,
)
from phoihop.lawmaking.services import CommentInput
from phoihop.organizations.models import Organization

DOCX_MAGIC = b"PK\x03\x04"


class _DraftSource(forms.Form):
    docx = forms.FileField(label=_("Tệp dự thảo (DOCX)"), required=False)
    text = forms.CharField(
        label=_("Hoặc dán nội dung dự thảo"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Mỗi dòng một đoạn: «Chương I», «Điều 1. Tên điều», «1. …», «a) …»."),
    )

    def clean_docx(self):
        upload = self.cleaned_data.get("docx")
        if not upload:
            return None
        if upload.size > setting("MAX_DOCX_BYTES"):
            raise forms.ValidationError(_("Tệp quá lớn."))
        content = upload.read(setting("MAX_DOCX_BYTES") + 1)
        if not content.startswith(DOCX_MAGIC):
            raise forms.ValidationError(_("Cần tệp Word dạng DOCX."))
        return content

    def clean(self):
        data = super().clean()
        if bool(data.get("docx")) == bool((data.get("text") or "").strip()):
            raise forms.ValidationError(_("Chọn một tệp DOCX hoặc dán nội dung (một trong hai)."))
        return data


class DraftImportForm(_DraftSource):
    organization = forms.ModelChoiceField(
        Organization.objects.none(), label=_("Cơ quan lấy ý kiến")
    )
    kind = forms.ChoiceField(label=_("Loại dự thảo"), choices=Draft.Kind.choices)
    title = forms.CharField(label=_("Tên dự thảo"), max_length=300)
    drafting_agency = forms.CharField(
        label=_("Cơ quan chủ trì soạn thảo"), max_length=200, required=False
    )
    submitted_on = VnDateField(label=_("Ngày trình (nếu đã biết)"), required=False)

    field_order = [
        "organization",
        "kind",
        "title",
        "drafting_agency",
        "submitted_on",
        "docx",
        "text",
    ]

    def __init__(self, *args, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations


class VersionImportForm(_DraftSource):
    pass


class ConsultationForm(forms.Form):
    organization = forms.ModelChoiceField(
        Organization.objects.none(), label=_("Cơ quan lấy ý kiến")
    )
    kind = forms.ChoiceField(label=_("Hình thức"), choices=Consultation.Kind.choices)
    title = forms.CharField(label=_("Tên đợt lấy ý kiến"), max_length=300)
    requested_by = forms.CharField(label=_("Theo yêu cầu của"), max_length=200, required=False)
    opens_on = VnDateField(label=_("Bắt đầu"))
    closes_on = VnDateField(label=_("Kết thúc"))
    is_public = forms.BooleanField(
        label=_("Lấy ý kiến Nhân dân trên cổng công dân"), required=False
    )
    idempotency_key = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        if not self.is_bound:
            self.initial.setdefault("idempotency_key", uuid.uuid4().hex)


class RequestForm(forms.Form):
    addressee = forms.CharField(
        label=_("Cơ quan, tổ chức, chuyên gia được lấy ý kiến"), max_length=200
    )
    addressee_kind = forms.ChoiceField(
        label=_("Loại"), choices=AgencyRequest._meta.get_field("addressee_kind").choices
    )
    requested_on = VnDateField(label=_("Ngày gửi"))
    note = forms.CharField(
        label=_("Nội dung đề nghị thêm"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=200, required=False)
    signer_name = forms.CharField(label=_("Người ký"), max_length=200, required=False)


class ConferenceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Hình thức"), choices=Conference.Kind.choices)
    title = forms.CharField(label=_("Tên hội nghị"), max_length=300)
    held_on = VnDateField(label=_("Ngày tổ chức"))
    location = forms.CharField(label=_("Địa điểm"), max_length=200, required=False)


class CommentForm(forms.Form):
    """One comment entered by staff (a letter, a conference speaker, an agency's answer)."""

    provision = forms.ModelChoiceField(
        Provision.objects.none(),
        label=_("Điều, khoản, điểm"),
        required=False,
        empty_label=_("Dự thảo nói chung"),
    )
    position = forms.ChoiceField(label=_("Ý kiến"), choices=Position.choices)
    text = forms.CharField(label=_("Nội dung góp ý"), widget=forms.Textarea(attrs={"rows": 3}))
    proposed_wording = forms.CharField(
        label=_("Đề xuất sửa thành"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    commenter_kind = forms.ChoiceField(label=_("Đối tượng góp ý"), choices=CommenterKind.choices)
    commenter_name = forms.CharField(label=_("Người góp ý"), max_length=200, required=False)
    organisation = forms.CharField(label=_("Cơ quan, đơn vị"), max_length=200, required=False)

    def __init__(self, *args, version=None, citations=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["provision"]
        field.queryset = version.provisions.all() if version else Provision.objects.none()
        if citations:
            field.label_from_instance = lambda p: citations.get(p.pk, p.label)

    def as_input(self) -> CommentInput:
        d = self.cleaned_data
        return CommentInput(
            text=d["text"],
            position=d["position"],
            provision=d["provision"],
            commenter_kind=d["commenter_kind"],
            commenter_name=d["commenter_name"],
            organisation=d["organisation"],
            proposed_wording=d["proposed_wording"],
        )


class ImportForm(forms.Form):
    """A campaign file: XLSX (the template, columns in ``imports``), CSV with the same column
    titles, or plain text, one comment a line. A file with any row in error is refused whole,
    each such row named."""

    campaign = forms.CharField(label=_("Tên đợt nhập"), max_length=100)
    provision = forms.ModelChoiceField(
        Provision.objects.none(),
        label=_("Góp ý vào (khi tệp không ghi điều, khoản)"),
        required=False,
        empty_label=_("Dự thảo nói chung"),
    )
    position = forms.ChoiceField(label=_("Ý kiến (khi tệp không ghi)"), choices=Position.choices)
    file = forms.FileField(label=_("Tệp XLSX, CSV hoặc TXT (UTF-8)"))

    MAX_BYTES = 50 * 1024 * 1024

    def __init__(self, *args, version=None, citations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.version = version
        self.citations = citations or {}
        field = self.fields["provision"]
        field.queryset = version.provisions.all() if version else Provision.objects.none()
        if citations:
            field.label_from_instance = lambda p: citations.get(p.pk, p.label)

    def clean(self):
        data = super().clean()
        upload = data.get("file")
        if not upload or "position" not in data:
            return data
        raw = upload.read(self.MAX_BYTES + 1)
        if len(raw) > self.MAX_BYTES:
            raise forms.ValidationError(_("Tệp quá lớn (tối đa 50 MB)."))
        reader = imports.Reader(
            citations=self.citations,
            provisions={p.pk: p for p in self.version.provisions.all()} if self.version else {},
            provision=data.get("provision"),
            position=data["position"],
        )
        limit = setting("MAX_IMPORT_ROWS")
        if raw.startswith(DOCX_MAGIC):
            try:
                result = reader.read_table(imports.xlsx_table(raw), limit)
            except ValueError as exc:
                raise forms.ValidationError(str(exc)) from exc
        else:
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise forms.ValidationError(
                    _("Tệp cần là XLSX, hoặc CSV, TXT mã hóa UTF-8.")
                ) from exc
            first = text.split("\n", 1)[0]
            result = (
                reader.read_table(imports.csv_table(text), limit)
                if imports.is_table(first)
                else reader.read_lines(text)
            )
        if result.errors:
            more = result.error_rows - len(result.errors)
            raise forms.ValidationError(
                [
                    _("Tệp không được nhập, chưa ghi ý kiến nào:"),
                    *result.errors,
                    *(
                        [_("… và %(count)s dòng có lỗi khác.") % {"count": more}]
                        if more > 0
                        else []
                    ),
                ]
            )
        data["rows"] = result.rows
        return data


# ---------------------------------------------------------------- the Front's critique


class CritiqueForm(forms.Form):
    organization = forms.ModelChoiceField(
        Organization.objects.none(), label=_("Ủy ban MTTQ phản biện"), empty_label=None
    )
    drafting_organization = forms.ModelChoiceField(
        Organization.objects.none(), label=_("Cơ quan chủ trì soạn thảo (tiếp thu, giải trình)")
    )
    title = forms.CharField(label=_("Tên văn bản phản biện"), max_length=300, required=False)
    summary = forms.CharField(
        label=_("Nhận xét, đánh giá chung"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    idempotency_key = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, organizations=None, drafting=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        self.fields["drafting_organization"].queryset = drafting
        if not self.is_bound:
            self.initial.setdefault("idempotency_key", uuid.uuid4().hex)


class CritiquePointForm(forms.Form):
    provision = forms.ModelChoiceField(
        Provision.objects.none(),
        label=_("Điều, khoản, điểm"),
        required=False,
        empty_label=_("Dự thảo nói chung"),
    )
    text = forms.CharField(
        label=_("Nhận xét, đánh giá"), max_length=10000, widget=forms.Textarea(attrs={"rows": 3})
    )
    proposal = forms.CharField(
        label=_("Kiến nghị"),
        max_length=10000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, version=None, citations=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["provision"]
        field.queryset = version.provisions.all() if version else Provision.objects.none()
        if citations:
            field.label_from_instance = lambda p: citations.get(p.pk, p.label)


class RequestAnsweredForm(forms.Form):
    answered_on = VnDateField(label=_("Ngày nhận văn bản trả lời"))


class CritiqueSendForm(forms.Form):
    sent_on = VnDateField(label=_("Ngày gửi"))
    answer_by = VnDateField(
        label=_("Đề nghị tiếp thu, giải trình trước ngày"),
        help_text=_(
            "Luật chưa định số ngày: ghi hạn trong văn bản phản biện, trước ngày trình dự thảo."
        ),
    )
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=200, required=False)
    signer_name = forms.CharField(label=_("Người ký"), max_length=200, required=False)


class CritiqueAnswerForm(forms.Form):
    answered_on = VnDateField(label=_("Ngày ban hành văn bản tiếp thu, giải trình"))
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=200, required=False)
    signer_name = forms.CharField(label=_("Người ký"), max_length=200, required=False)


# ---------------------------------------------------------------- the term's legislative tasks


class RoundForm(forms.Form):
    organization = forms.ModelChoiceField(
        Organization.objects.none(), label=_("Đoàn đại biểu Quốc hội"), empty_label=None
    )
    term = forms.CharField(label=_("Quốc hội khóa"), max_length=10)
    first_year = forms.IntegerField(label=_("Năm đầu nhiệm kỳ"), min_value=2000, max_value=2099)
    idempotency_key = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        if not self.is_bound:
            term, year = setting("NA_TERM")
            self.initial.setdefault("term", term)
            self.initial.setdefault("first_year", year)
            self.initial.setdefault("idempotency_key", uuid.uuid4().hex)


class ProposalForm(forms.Form):
    deputy = forms.CharField(label=_("Đại biểu đề xuất"), max_length=200)
    kind = forms.ChoiceField(label=_("Hình thức"), choices=LegislativeProposal.Kind.choices)
    title = forms.CharField(label=_("Tên luật, nghị quyết đề xuất"), max_length=300)
    reasons = forms.CharField(label=_("Sự cần thiết"), widget=forms.Textarea(attrs={"rows": 3}))
    content = forms.CharField(
        label=_("Nội dung chủ yếu"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    received_on = VnDateField(label=_("Ngày nhận"))
    idempotency_key = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("idempotency_key", uuid.uuid4().hex)


class SendForm(forms.Form):
    sent_on = VnDateField(label=_("Ngày gửi"))
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=200, required=False)
    signer_name = forms.CharField(label=_("Người ký"), max_length=200, required=False)


class RespondForm(forms.Form):
    response = forms.ChoiceField(
        label=_("Tiếp thu, giải trình"),
        choices=[c for c in Opinion.Response.choices if c[0] != "pending"],
    )
    text = forms.CharField(
        label=_("Nội dung tiếp thu, giải trình"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReportForm(forms.Form):
    issued_on = VnDateField(label=_("Ngày ban hành"))
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=200, required=False)
    signer_name = forms.CharField(label=_("Người ký"), max_length=200, required=False)


# ---------------------------------------------------------------- the public site


class CodeRequestForm(forms.Form):
    channel = forms.ChoiceField(
        label=_("Nhận mã qua"),
        choices=ContactVerification.Channel.choices,
        widget=forms.RadioSelect,
    )
    contact = forms.CharField(label=_("Thư điện tử hoặc số điện thoại"), max_length=254)


class CodeConfirmForm(forms.Form):
    code = forms.CharField(
        label=_("Mã xác minh (6 số)"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )


class PublicCommentForm(forms.Form):
    position = forms.ChoiceField(
        label=_("Ý kiến của bạn"), choices=Position.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label=_("Nội dung góp ý"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    proposed_wording = forms.CharField(
        label=_("Đề xuất sửa thành (nếu có)"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    commenter_name = forms.CharField(
        label=_("Họ và tên (không bắt buộc)"), max_length=200, required=False
    )
    idempotency_key = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("idempotency_key", uuid.uuid4().hex)
