"""Forms of the law-making pages (input parsing only; the services decide)."""

import csv
import io
import uuid

from django import forms

from phoihop.lawmaking.conf import setting
from phoihop.lawmaking.models import (
    AgencyRequest,
    CommenterKind,
    Conference,
    Consultation,
    ContactVerification,
    Draft,
    Opinion,
    Position,
    Provision,
)
from phoihop.lawmaking.services import CommentInput
from phoihop.organizations.models import Organization
from phoihop.text.normalize import fold

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DOCX_MAGIC = b"PK\x03\x04"


class _DraftSource(forms.Form):
    docx = forms.FileField(label="Tệp dự thảo (DOCX)", required=False)
    text = forms.CharField(
        label="Hoặc dán nội dung dự thảo",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Mỗi dòng một đoạn: «Chương I», «Điều 1. Tên điều», «1. …», «a) …».",
    )

    def clean_docx(self):
        upload = self.cleaned_data.get("docx")
        if not upload:
            return None
        if upload.size > setting("MAX_DOCX_BYTES"):
            raise forms.ValidationError("Tệp quá lớn.")
        content = upload.read(setting("MAX_DOCX_BYTES") + 1)
        if not content.startswith(DOCX_MAGIC):
            raise forms.ValidationError("Cần tệp Word dạng DOCX.")
        return content

    def clean(self):
        data = super().clean()
        if bool(data.get("docx")) == bool((data.get("text") or "").strip()):
            raise forms.ValidationError("Chọn một tệp DOCX hoặc dán nội dung (một trong hai).")
        return data


class DraftImportForm(_DraftSource):
    organization = forms.ModelChoiceField(Organization.objects.none(), label="Cơ quan lấy ý kiến")
    kind = forms.ChoiceField(label="Loại dự thảo", choices=Draft.Kind.choices)
    title = forms.CharField(label="Tên dự thảo", max_length=300)
    drafting_agency = forms.CharField(
        label="Cơ quan chủ trì soạn thảo", max_length=200, required=False
    )
    submitted_on = forms.DateField(label="Ngày trình (nếu đã biết)", required=False, widget=DATE)

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
    organization = forms.ModelChoiceField(Organization.objects.none(), label="Cơ quan lấy ý kiến")
    kind = forms.ChoiceField(label="Hình thức", choices=Consultation.Kind.choices)
    title = forms.CharField(label="Tên đợt lấy ý kiến", max_length=300)
    requested_by = forms.CharField(label="Theo yêu cầu của", max_length=200, required=False)
    opens_on = forms.DateField(label="Bắt đầu", widget=DATE)
    closes_on = forms.DateField(label="Kết thúc", widget=DATE)
    is_public = forms.BooleanField(label="Lấy ý kiến Nhân dân trên cổng công dân", required=False)
    idempotency_key = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        if not self.is_bound:
            self.initial.setdefault("idempotency_key", uuid.uuid4().hex)


class RequestForm(forms.Form):
    addressee = forms.CharField(
        label="Cơ quan, tổ chức, chuyên gia được lấy ý kiến", max_length=200
    )
    addressee_kind = forms.ChoiceField(
        label="Loại", choices=AgencyRequest._meta.get_field("addressee_kind").choices
    )
    requested_on = forms.DateField(label="Ngày gửi", widget=DATE)
    note = forms.CharField(
        label="Nội dung đề nghị thêm", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    signer_title = forms.CharField(label="Chức vụ người ký", max_length=200, required=False)
    signer_name = forms.CharField(label="Người ký", max_length=200, required=False)


class ConferenceForm(forms.Form):
    kind = forms.ChoiceField(label="Hình thức", choices=Conference.Kind.choices)
    title = forms.CharField(label="Tên hội nghị", max_length=300)
    held_on = forms.DateField(label="Ngày tổ chức", widget=DATE)
    location = forms.CharField(label="Địa điểm", max_length=200, required=False)


class CommentForm(forms.Form):
    """One comment entered by staff (a letter, a conference speaker, an agency's answer)."""

    provision = forms.ModelChoiceField(
        Provision.objects.none(),
        label="Điều, khoản, điểm",
        required=False,
        empty_label="Dự thảo nói chung",
    )
    position = forms.ChoiceField(label="Ý kiến", choices=Position.choices)
    text = forms.CharField(label="Nội dung góp ý", widget=forms.Textarea(attrs={"rows": 3}))
    proposed_wording = forms.CharField(
        label="Đề xuất sửa thành", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    commenter_kind = forms.ChoiceField(label="Đối tượng góp ý", choices=CommenterKind.choices)
    commenter_name = forms.CharField(label="Người góp ý", max_length=200, required=False)
    organisation = forms.CharField(label="Cơ quan, đơn vị", max_length=200, required=False)

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
    """A campaign file: CSV (``noi_dung`` and optionally ``dieu_khoan``, ``ho_ten``,
    ``y_kien``) or plain text, one comment a line."""

    campaign = forms.CharField(label="Tên đợt nhập", max_length=100)
    provision = forms.ModelChoiceField(
        Provision.objects.none(),
        label="Góp ý vào (khi tệp không ghi điều, khoản)",
        required=False,
        empty_label="Dự thảo nói chung",
    )
    position = forms.ChoiceField(label="Ý kiến (khi tệp không ghi)", choices=Position.choices)
    file = forms.FileField(label="Tệp CSV hoặc TXT (UTF-8)")

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
        if not upload:
            return data
        raw = upload.read(50 * 1024 * 1024 + 1)
        if len(raw) > 50 * 1024 * 1024:
            raise forms.ValidationError("Tệp quá lớn (tối đa 50 MB).")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise forms.ValidationError("Tệp cần mã hóa UTF-8.") from exc
        data["rows"] = self._rows(text, data.get("provision"), data.get("position"))
        if not data["rows"]:
            raise forms.ValidationError("Tệp không có ý kiến nào.")
        return data

    def _rows(self, text: str, provision, position) -> list[CommentInput]:
        by_citation = {fold(c): pk for pk, c in self.citations.items()}
        provisions = {p.pk: p for p in self.version.provisions.all()} if self.version else {}
        positions = {fold(str(label)): value for value, label in Position.choices}
        positions.update({v: v for v in Position.values})
        first = text.split("\n", 1)[0]
        if "noi_dung" not in fold(first).replace(" ", "_"):
            return [
                CommentInput(text=line.strip(), position=position, provision=provision)
                for line in text.splitlines()
                if line.strip()
            ]
        rows = []
        reader = csv.DictReader(io.StringIO(text))
        reader.fieldnames = [
            fold(h or "").strip().replace(" ", "_") for h in reader.fieldnames or []
        ]
        for number, row in enumerate(reader, 2):
            body = (row.get("noi_dung") or "").strip()
            if not body:
                continue
            where = (row.get("dieu_khoan") or "").strip()
            target = provision
            if where:
                pk = by_citation.get(fold(where))
                if pk is None:
                    raise forms.ValidationError(
                        f"Dòng {number}: không thấy «{where}» trong dự thảo."
                    )
                target = provisions[pk]
            stated = fold((row.get("y_kien") or "").strip())
            if stated and stated not in positions:
                raise forms.ValidationError(
                    f"Dòng {number}: ý kiến «{row.get('y_kien')}» không hợp lệ."
                )
            rows.append(
                CommentInput(
                    text=body,
                    position=positions.get(stated, position),
                    provision=target,
                    commenter_name=(row.get("ho_ten") or "").strip(),
                )
            )
        return rows


class RespondForm(forms.Form):
    response = forms.ChoiceField(
        label="Tiếp thu, giải trình",
        choices=[c for c in Opinion.Response.choices if c[0] != "pending"],
    )
    text = forms.CharField(
        label="Nội dung tiếp thu, giải trình",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReportForm(forms.Form):
    issued_on = forms.DateField(label="Ngày ban hành", widget=DATE)
    signer_title = forms.CharField(label="Chức vụ người ký", max_length=200, required=False)
    signer_name = forms.CharField(label="Người ký", max_length=200, required=False)


# ---------------------------------------------------------------- the public site


class CodeRequestForm(forms.Form):
    channel = forms.ChoiceField(
        label="Nhận mã qua", choices=ContactVerification.Channel.choices, widget=forms.RadioSelect
    )
    contact = forms.CharField(label="Thư điện tử hoặc số điện thoại", max_length=254)


class CodeConfirmForm(forms.Form):
    code = forms.CharField(
        label="Mã xác minh (6 số)",
        max_length=6,
        min_length=6,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )


class PublicCommentForm(forms.Form):
    position = forms.ChoiceField(
        label="Ý kiến của bạn", choices=Position.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label="Nội dung góp ý", max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )
    proposed_wording = forms.CharField(
        label="Đề xuất sửa thành (nếu có)",
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    commenter_name = forms.CharField(
        label="Họ và tên (không bắt buộc)", max_length=200, required=False
    )
    idempotency_key = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("idempotency_key", uuid.uuid4().hex)
