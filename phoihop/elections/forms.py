from django import forms
from django.utils.translation import gettext_lazy as _

from phoihop.core.fields import VnDateField
from phoihop.elections.models import ConsultationRound, Election, ElectionBody, VoterConference
from phoihop.organizations.models import Constituency, Organization, Person, Term


class ElectionForm(forms.Form):
    organization = forms.ModelChoiceField(Organization.objects.none(), label=_("Cơ quan tổ chức"))
    name = forms.CharField(label=_("Tên cuộc bầu cử"), max_length=300)
    kind = forms.ChoiceField(label=_("Loại"), choices=Election.Kind.choices)
    election_day = VnDateField(label=_("Ngày bầu cử (Chủ nhật)"))
    terms = forms.ModelMultipleChoiceField(Term.objects.all(), label=_("Nhiệm kỳ được bầu"))

    def __init__(self, *args, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations or Organization.objects.none()


class ContestForm(forms.Form):
    constituency = forms.ModelChoiceField(Constituency.objects.none(), label=_("Đơn vị bầu cử"))
    seats = forms.IntegerField(
        label=_("Số đại biểu được bầu"),
        min_value=1,
        required=False,
        help_text=_("Để trống: số đã ấn định."),
    )

    def __init__(self, *args, election=None, **kwargs):
        super().__init__(*args, **kwargs)
        if election is not None:
            self.fields["constituency"].queryset = Constituency.objects.filter(
                term__in=election.terms.all()
            ).select_related("term")


class PollingAreaForm(forms.Form):
    number = forms.IntegerField(label=_("Số khu vực"), min_value=1)
    name = forms.CharField(label=_("Tên khu vực"), max_length=200)
    voters_on_list = forms.IntegerField(label=_("Số cử tri trong danh sách"), min_value=0)


class NominationForm(forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=200)
    gender = forms.ChoiceField(label=_("Giới tính"), choices=Person.Gender.choices)
    birth_date = VnDateField(label=_("Ngày sinh"))
    dossier_filed_on = VnDateField(label=_("Ngày nộp hồ sơ ứng cử"))
    nominated_by = forms.CharField(
        label=_("Cơ quan, tổ chức giới thiệu"), max_length=300, required=False
    )
    self_nominated = forms.BooleanField(label=_("Tự ứng cử"), required=False)


class ConsultationForm(forms.Form):
    number = forms.TypedChoiceField(
        label=_("Hội nghị hiệp thương"),
        coerce=int,
        choices=[(1, _("Lần thứ nhất")), (2, _("Lần thứ hai")), (3, _("Lần thứ ba"))],
    )
    held_on = VnDateField(label=_("Ngày họp"))
    minutes = forms.CharField(
        label=_("Biên bản (tóm tắt)"), widget=forms.Textarea(attrs={"rows": 3})
    )
    candidates = forms.ModelMultipleChoiceField(
        ConsultationRound.objects.none(),
        label=_("Người ứng cử (lần hai: danh sách sơ bộ; lần ba: danh sách chính thức)"),
        required=False,
    )

    def __init__(self, *args, candidates=None, **kwargs):
        super().__init__(*args, **kwargs)
        if candidates is not None:
            self.fields["candidates"].queryset = candidates


class VoterConferenceForm(forms.Form):
    place = forms.ChoiceField(label=_("Nơi tổ chức"), choices=VoterConference.Place.choices)
    held_on = VnDateField(label=_("Ngày họp"))
    voters_invited = forms.IntegerField(label=_("Số cử tri được triệu tập"), min_value=0)
    attendees = forms.IntegerField(label=_("Số cử tri tham dự"), min_value=0)
    votes_for = forms.IntegerField(label=_("Số cử tri tín nhiệm"), min_value=0)
    method = forms.ChoiceField(
        label=_("Hình thức biểu quyết"), choices=VoterConference.Method.choices
    )


class ElectionBodyForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại"), choices=ElectionBody.Kind.choices)
    name = forms.CharField(label=_("Tên"), max_length=300)
    established_on = VnDateField(label=_("Ngày thành lập"))


class ProtocolForm(forms.Form):
    """The fields of the counting minutes (Đ75 k2, BC-21), one vote field per candidate."""

    voters_on_list = forms.IntegerField(label=_("Tổng số cử tri của khu vực bỏ phiếu"), min_value=0)
    voted = forms.IntegerField(label=_("Số cử tri đã tham gia bỏ phiếu"), min_value=0)
    ballots_issued = forms.IntegerField(label=_("Số phiếu phát ra"), min_value=0)
    ballots_collected = forms.IntegerField(label=_("Số phiếu thu vào"), min_value=0)
    valid = forms.IntegerField(label=_("Số phiếu hợp lệ"), min_value=0)
    invalid = forms.IntegerField(label=_("Số phiếu không hợp lệ"), min_value=0)
    complaints = forms.CharField(
        label=_("Khiếu nại, tố cáo nhận được, đã giải quyết, chuyển Ban bầu cử"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.candidates = list(candidates)
        for candidate in self.candidates:
            self.fields[f"votes_{candidate.pk}"] = forms.IntegerField(
                label=_("Số phiếu bầu cho %(name)s") % {"name": candidate.person.full_name},
                min_value=0,
            )

    def numbers(self) -> dict:
        data = self.cleaned_data
        out = {
            name: data[name]
            for name in (
                "voters_on_list",
                "voted",
                "ballots_issued",
                "ballots_collected",
                "valid",
                "invalid",
            )
        }
        out["votes"] = {str(c.pk): data[f"votes_{c.pk}"] for c in self.candidates}
        out["complaints"] = data.get("complaints", "")
        return out


class VoterListPostForm(forms.Form):
    number = forms.IntegerField(label=_("Khu vực bỏ phiếu số"), min_value=1)
    posted_on = VnDateField(label=_("Ngày niêm yết"))
    voters = forms.IntegerField(label=_("Số cử tri trong danh sách"), min_value=0)


class BallotsDeliveredForm(forms.Form):
    number = forms.IntegerField(label=_("Khu vực bỏ phiếu số"), min_value=1)
    delivered_on = VnDateField(label=_("Ngày giao phiếu bầu, tài liệu cho Tổ bầu cử"))


class VoterListChangeForm(forms.Form):
    number = forms.IntegerField(label=_("Khu vực bỏ phiếu số"), min_value=1)
    delta = forms.IntegerField(label=_("Số cử tri tăng (+) hoặc giảm (−)"))
    reason = forms.CharField(label=_("Lý do"), max_length=300)


class ComplaintForm(forms.Form):
    number = forms.IntegerField(label=_("Khu vực bỏ phiếu số"), min_value=1)
    complainant = forms.CharField(label=_("Người khiếu nại"), max_length=200)
    content = forms.CharField(label=_("Nội dung"), widget=forms.Textarea(attrs={"rows": 2}))
    received_on = VnDateField(label=_("Ngày nhận"))


class ComplaintResolveForm(forms.Form):
    upheld = forms.TypedChoiceField(
        label=_("Kết quả"),
        coerce=lambda v: v == "1",
        choices=[("1", _("Chấp nhận, sửa danh sách")), ("0", _("Không chấp nhận"))],
    )
    delta = forms.IntegerField(
        label=_("Số cử tri thêm (+) hoặc bớt (−) khi chấp nhận"), required=False, initial=0
    )
    answer = forms.CharField(
        label=_("Trả lời người khiếu nại"), widget=forms.Textarea(attrs={"rows": 2})
    )
    on = VnDateField(label=_("Ngày giải quyết"))
