"""Input shape of the letter pages; domain rules live in the services."""

import uuid

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from phoihop.core.fields import VnDateField
from phoihop.letters import eligibility
from phoihop.letters.models import Letter
from phoihop.letters.services.resolution import PUBLICATION_METHODS, SUSPENSION_GROUNDS
from phoihop.organizations.models import Organization
from phoihop.organizations.selectors import organizations_where
from phoihop.security.uploads import check_upload
from phoihop.text.classify import LEVELS

# The competent level's stored values (the classifier's) and their labels.
LEVEL_LABELS = {"xã": _("Xã"), "tỉnh": _("Tỉnh"), "trung ương": _("Trung ương")}


def _translated(texts: dict[str, str]) -> list[tuple[str, str]]:
    """Choices from a service's Vietnamese texts (listed with gettext_noop), shown translated."""
    return [(code, _(text)) for code, text in texts.items()]


KINDS = [(k, label) for k, label in Letter.Kind.choices if k not in ("unclassified",)]
PART_KINDS = [(k, label) for k, label in KINDS if k != "mixed"]
MAX_SCAN_BYTES = 10 * 1024 * 1024


def _today():
    return timezone.localdate()


class RegisterForm(forms.Form):
    organization = forms.ModelChoiceField(Organization.objects.none(), label=_("Cơ quan vào sổ"))
    channel = forms.ChoiceField(
        choices=[c for c in Letter.Channel.choices if c[0] != "forwarded"], label=_("Nguồn đơn")
    )
    received_on = VnDateField(label=_("Ngày nhận"), initial=_today)
    content = forms.CharField(
        label=_("Nội dung đơn"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Phân loại theo nội dung, không theo tiêu đề đơn. Họ tên, địa chỉ, số điện "
            "thoại, số giấy tờ của người gửi sẽ được tự động lược bỏ khỏi nội dung."
        ),
    )
    full_name = forms.CharField(label=_("Họ và tên người gửi"), required=False)
    address = forms.CharField(label=_("Địa chỉ"), required=False)
    phone = forms.CharField(label=_("Điện thoại"), required=False)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    id_number = forms.CharField(label=_("Số CCCD/giấy tờ"), required=False)
    sender_count = forms.IntegerField(label=_("Số người đứng đơn"), min_value=1, initial=1)
    has_signature = forms.BooleanField(label=_("Đơn có chữ ký hoặc điểm chỉ"), required=False)
    scan = forms.FileField(label=_("Bản quét đơn (được mã hóa)"), required=False)
    idempotency_key = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations_where(user, "letters.add_letter")
        self.fields["idempotency_key"].initial = uuid.uuid4().hex

    def clean_scan(self):
        scan = self.cleaned_data.get("scan")
        return check_upload(scan, max_bytes=MAX_SCAN_BYTES) if scan else None


class ClassifyForm(forms.Form):
    kind = forms.ChoiceField(choices=KINDS, label=_("Loại đơn (theo nội dung)"))
    instance = forms.TypedChoiceField(
        choices=[("", "—"), (1, _("Lần đầu")), (2, _("Lần hai"))],
        coerce=int,
        empty_value=None,
        required=False,
        label=_("Khiếu nại lần"),
    )
    field = forms.CharField(label=_("Lĩnh vực"), required=False, max_length=60)
    level = forms.ChoiceField(
        choices=[("", "—"), *((level, LEVEL_LABELS[level]) for level in LEVELS)],
        required=False,
        label=_("Cấp có thẩm quyền giải quyết"),
    )
    has_signature = forms.BooleanField(label=_("Có chữ ký hoặc điểm chỉ"), required=False)
    has_name_address = forms.BooleanField(label=_("Ghi rõ họ tên, địa chỉ"), required=False)
    names_violator = forms.BooleanField(label=_("Nêu rõ người vi phạm"), required=False)
    has_evidence = forms.BooleanField(label=_("Có tài liệu, chứng cứ cụ thể"), required=False)
    is_remote = forms.BooleanField(label=_("Vùng sâu, vùng xa"), required=False)
    outside_competence = forms.BooleanField(
        label=_("Không thuộc thẩm quyền (tố cáo: chuyển trong 05 ngày làm việc)"), required=False
    )
    act_known_on = VnDateField(
        label=_(
            "Ngày nhận được, biết được quyết định, hành vi bị khiếu nại (lần hai: quyết định "
            "lần đầu)"
        ),
        required=False,
        help_text=_(
            "Để tính thời hiệu khiếu nại (90 ngày) hoặc thời hạn khiếu nại lần hai (30 "
            "ngày, vùng sâu vùng xa 45 ngày); quá hạn chỉ là gợi ý, cán bộ quyết định."
        ),
    )
    obstacle_days = forms.IntegerField(
        label=_("Số ngày có trở ngại khách quan (ốm đau, thiên tai…)"),
        min_value=0,
        initial=0,
        required=False,
    )
    grounds = forms.MultipleChoiceField(
        choices=_translated(eligibility.GROUNDS),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Căn cứ không thụ lý (Luật Khiếu nại Đ11)"),
    )

    def clean_obstacle_days(self):
        return self.cleaned_data.get("obstacle_days") or 0


class SplitForm(forms.Form):
    kind_1 = forms.ChoiceField(choices=PART_KINDS, label=_("Loại nội dung 1"))
    content_1 = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label=_("Nội dung 1"))
    kind_2 = forms.ChoiceField(choices=PART_KINDS, label=_("Loại nội dung 2"))
    content_2 = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), label=_("Nội dung 2"))
    kind_3 = forms.ChoiceField(choices=PART_KINDS, label=_("Loại nội dung 3"), required=False)
    content_3 = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), label=_("Nội dung 3"), required=False
    )

    def parts(self) -> list[tuple[str, str]]:
        data = self.cleaned_data
        return [
            (data[f"kind_{i}"], data[f"content_{i}"]) for i in (1, 2, 3) if data.get(f"content_{i}")
        ]


class OutcomeForm(forms.Form):
    OUTCOMES = [
        ("forward", _("Chuyển đơn đến cơ quan có thẩm quyền")),
        ("guide", _("Hướng dẫn người gửi đơn")),
        ("return", _("Trả lại đơn")),
        ("file_away", _("Lưu đơn")),
        ("use_for_inspection", _("Tố cáo nặc danh: dùng làm căn cứ thanh tra, kiểm tra")),
        ("refuse", _("Khiếu nại: thông báo không thụ lý (nêu lý do)")),
    ]
    outcome = forms.ChoiceField(choices=OUTCOMES, label=_("Kết quả xử lý đơn"))
    to_organization = forms.ModelChoiceField(
        Organization.objects.filter(valid_to__isnull=True),
        required=False,
        label=_("Cơ quan có thẩm quyền"),
    )
    on = VnDateField(label=_("Ngày"), initial=_today)
    note = forms.CharField(
        label=_("Ghi chú, lý do"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self):
        data = super().clean()
        if data.get("outcome") == "forward" and not data.get("to_organization"):
            self.add_error("to_organization", _("Chọn cơ quan nhận đơn chuyển."))
        return data


class AcceptForm(forms.Form):
    on = VnDateField(
        label=_("Ngày thụ lý (khiếu nại, tố cáo) hoặc tiếp nhận, xem xét (kiến nghị, phản ánh)"),
        initial=_today,
    )
    is_complex = forms.BooleanField(label=_("Vụ việc phức tạp"), required=False)
    is_especially_complex = forms.BooleanField(label=_("Đặc biệt phức tạp"), required=False)


class ReclassifyForm(forms.Form):
    """A new classification, with the reason, until the letter is accepted."""

    kind = forms.ChoiceField(choices=PART_KINDS, label=_("Loại đơn đúng (theo nội dung)"))
    instance = forms.TypedChoiceField(
        choices=[("", "—"), (1, _("Lần đầu")), (2, _("Lần hai"))],
        coerce=int,
        empty_value=None,
        required=False,
        label=_("Khiếu nại lần"),
    )
    reason = forms.CharField(
        label=_("Lý do phân loại lại"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Ví dụ: đọc kỹ nội dung, người viết yêu cầu xem xét lại quyết định, không "
            "phải tố cáo hành vi."
        ),
    )


COMPLEXITY_CHOICES = [
    ("", _("Không thay đổi")),
    ("none", _("Không phức tạp")),
    ("complex", _("Phức tạp")),
    ("especially_complex", _("Đặc biệt phức tạp")),
]


# The steps that are the deciding officer's (``decide`` on the letter; the services refuse
# them to an officer who only handles it): extending, suspending, resuming, concluding.
DECIDING_STEPS = frozenset({"extend", "suspend", "resume", "conclude"})


def step_choices(
    letter: Letter, *, suspended: bool, may_decide: bool = True
) -> list[tuple[str, str]]:
    """The steps valid for *letter*'s state and kind: those its item kind offers for the
    status, less those the law does not give this kind or the clocks rule out, and less the
    deciding officer's steps when the viewer may not decide."""
    from phoihop.casework.registry import item_kinds

    offered = set(item_kinds.for_model(Letter).actions_for(letter.status))
    kind = letter.kind
    ruled_out = set()
    if kind != Letter.Kind.DENUNCIATION:
        ruled_out.add("notify")
    if kind not in (Letter.Kind.DENUNCIATION, Letter.Kind.COMPLAINT):
        ruled_out.add("extend")
    if kind == Letter.Kind.DENUNCIATION and letter.is_especially_complex:
        pass  # two extensions; the service counts them
    if not may_decide:
        ruled_out |= DECIDING_STEPS
    if suspended:
        ruled_out |= {"suspend", "conclude", "extend"}
    else:
        ruled_out.add("resume")
    if letter.status == Letter.Status.RESOLVED and (
        kind != Letter.Kind.COMPLAINT or letter.published_on
    ):
        ruled_out.add("publish")
    labels = dict(StepForm.ACTIONS)
    if kind == Letter.Kind.COMPLAINT:
        labels["extend"] = _("Xác định vụ việc phức tạp (thời hạn dài hơn)")
    return [
        (code, labels[code]) for code, _label in StepForm.ACTIONS if code in offered - ruled_out
    ]


class StepForm(forms.Form):
    ACTIONS = [
        ("verify", _("Ghi nhận xác minh")),
        ("dialogue", _("Đối thoại (khiếu nại), kèm biên bản")),
        ("notify", _("Đã gửi thông báo, quyết định cho các bên (tố cáo)")),
        ("extend", _("Gia hạn giải quyết (tố cáo)")),
        ("suspend", _("Tạm đình chỉ")),
        ("resume", _("Tiếp tục giải quyết")),
        ("withdraw_partial", _("Rút một phần nội dung")),
        ("withdraw", _("Rút toàn bộ đơn")),
        ("conclude", _("Ban hành quyết định, kết luận, trả lời")),
        ("publish", _("Công khai quyết định giải quyết khiếu nại")),
    ]
    action = forms.ChoiceField(choices=ACTIONS, label=_("Bước"))
    on = VnDateField(label=_("Ngày"), initial=_today)
    note = forms.CharField(
        label=_("Nội dung, lý do"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    days = forms.IntegerField(label=_("Số ngày gia hạn"), required=False, min_value=1, max_value=30)
    method = forms.ChoiceField(
        choices=[("", "—"), *_translated(PUBLICATION_METHODS)],
        required=False,
        label=_("Hình thức công khai"),
    )
    ground = forms.ChoiceField(
        choices=[("", "—"), *_translated(SUSPENSION_GROUNDS)],
        required=False,
        label=_("Căn cứ tạm đình chỉ"),
    )
    coerced = forms.BooleanField(
        label=_("Rút đơn do bị ép buộc, đe dọa, mua chuộc"), required=False
    )
    signs_of_violation = forms.BooleanField(
        label=_("Hành vi bị tố cáo có dấu hiệu vi phạm pháp luật"), required=False
    )
    withdrawing_count = forms.IntegerField(
        label=_("Số người rút đơn (để trống: tất cả)"), min_value=1, required=False
    )
    verification_result = forms.CharField(
        label=_("Kết quả xác minh (quyết định giải quyết khiếu nại)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    legal_basis = forms.CharField(
        label=_("Căn cứ pháp luật"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    conclusion = forms.CharField(
        label=_("Kết luận nội dung khiếu nại đúng, sai"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    complexity = forms.ChoiceField(
        choices=COMPLEXITY_CHOICES,
        required=False,
        label=_("Mức độ phức tạp của vụ việc (khi gia hạn)"),
        help_text=_(
            "Đánh dấu hoặc sửa khi gia hạn; ghi lý do ở ô “Nội dung, lý do”. Khiếu nại "
            "phức tạp được tính thời hạn dài hơn; tố cáo phức tạp được gia hạn một lần, đặc biệt "
            "phức tạp hai lần."
        ),
    )

    def __init__(
        self,
        *args,
        letter: Letter | None = None,
        suspended: bool = False,
        may_decide: bool = True,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.letter = letter
        if letter is not None:
            self.fields["action"].choices = step_choices(
                letter, suspended=suspended, may_decide=may_decide
            )
            if letter.kind != Letter.Kind.DENUNCIATION:
                del self.fields["days"]
            if letter.kind != Letter.Kind.COMPLAINT or letter.status != Letter.Status.RESOLVED:
                del self.fields["method"]
            if "extend" not in dict(self.fields["action"].choices):
                del self.fields["complexity"]

    def clean(self):
        data = super().clean()
        action = data.get("action")
        kind = self.letter.kind if self.letter is not None else None
        if action == "extend" and kind == Letter.Kind.COMPLAINT:
            if not data.get("complexity"):
                self.add_error("complexity", _("Chọn mức độ phức tạp của vụ việc."))
            if not (data.get("note") or "").strip():
                self.add_error("note", _("Ghi lý do xác định vụ việc phức tạp."))
        elif action == "extend" and not data.get("days"):
            self.add_error("days", _("Nhập số ngày gia hạn (1–30)."))
        if action == "suspend" and not data.get("ground"):
            self.add_error("ground", _("Chọn căn cứ tạm đình chỉ theo luật."))
        if action == "extend" and data.get("complexity") and not (data.get("note") or "").strip():
            self.add_error("note", _("Ghi lý do gia hạn và xác định vụ việc phức tạp."))
        if (
            action in ("conclude", "withdraw", "withdraw_partial", "suspend", "verify", "dialogue")
            and not (data.get("note") or "").strip()
        ):
            self.add_error("note", _("Nhập nội dung cho bước này."))
        if action == "publish" and not data.get("method"):
            self.add_error("method", _("Chọn hình thức công khai."))
        return data


class PeriodForm(forms.Form):
    start = VnDateField(label=_("Từ ngày"))
    end = VnDateField(label=_("Đến ngày"))

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(_("Ngày bắt đầu phải trước ngày kết thúc."))
        return data


class SenderSearchForm(forms.Form):
    """ "Has this person written before?": a full name and why it is looked up (audited)."""

    full_name = forms.CharField(label=_("Họ và tên người gửi"), max_length=200)
    purpose = forms.CharField(
        label=_("Mục đích tra cứu"),
        max_length=300,
        help_text=_(
            "Ghi vào nhật ký, ví dụ: “Công dân đến trụ sở, kiểm tra đơn đã gửi trước đây”."
        ),
    )


class ReportPeriodForm(PeriodForm):
    """A period and, optionally, the one body reported on (the unit of the tables)."""

    organization = forms.ModelChoiceField(
        label=_("Đơn vị báo cáo"),
        queryset=None,
        required=False,
        to_field_name="public_id",
        empty_label=_("Mọi cơ quan được xem"),
    )

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm theo nội dung"), required=False)
    status = forms.ChoiceField(
        choices=[("", _("Tất cả")), *Letter.Status.choices], required=False, label=_("Trạng thái")
    )
    kind = forms.ChoiceField(
        choices=[("", _("Tất cả")), *Letter.Kind.choices], required=False, label=_("Loại đơn")
    )
    overdue = forms.BooleanField(required=False, label=_("Chỉ đơn quá hạn"))
    received_from = VnDateField(label=_("Nhận từ ngày"), required=False)
    received_to = VnDateField(label=_("Nhận đến ngày"), required=False)
    due_from = VnDateField(label=_("Hạn từ ngày"), required=False)
    due_to = VnDateField(label=_("Hạn đến ngày"), required=False)

    def clean(self):
        data = super().clean()
        for start, end in (("received_from", "received_to"), ("due_from", "due_to")):
            if data.get(start) and data.get(end) and data[start] > data[end]:
                self.add_error(end, _("Ngày kết thúc phải sau ngày bắt đầu."))
        return data


class IdentityMarkForm(forms.Form):
    """Spans of the letter that identify its sender, one per line (sealed, then removed)."""

    keep_input = False  # identity: never kept in the session when refused (core.actions.keep)

    spans = forms.CharField(label=_("Đoạn cần lược bỏ"), max_length=2000, widget=forms.Textarea)
