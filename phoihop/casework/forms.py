"""Input shape of the casework pages; the rules live in the services."""

import uuid

from django import forms
from django.contrib.auth import get_user_model

from phoihop.casework.registry import item_kinds

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(get_user_model().objects.none(), label="Giao cho")
    note = forms.CharField(label="Ghi chú cho người được giao", required=False, max_length=500)

    def __init__(self, *args, choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if choices is not None:
            self.fields["assignee"].queryset = choices
        self.fields["assignee"].label_from_instance = lambda u: (
            f"{u.get_full_name()} ({u.username})" if u.get_full_name() else u.username
        )


class FollowUpForm(forms.Form):
    content = forms.CharField(
        label="Nội dung đề nghị xem xét, giải quyết", widget=forms.Textarea(attrs={"rows": 3})
    )
    idempotency_key = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["idempotency_key"].initial = uuid.uuid4().hex


class AnswerForm(forms.Form):
    answer = forms.CharField(label="Trả lời", widget=forms.Textarea(attrs={"rows": 3}))


class SupervisionAssignmentForm(forms.Form):
    supervisor = forms.ModelChoiceField(None, label="Cơ quan giám sát")
    organization = forms.ModelChoiceField(None, label="Cơ quan được giám sát")
    include_subtree = forms.BooleanField(
        label="Gồm các đơn vị trực thuộc", required=False, initial=True
    )
    item_kinds_codes = forms.MultipleChoiceField(
        label="Loại việc", widget=forms.CheckboxSelectMultiple
    )
    fields = forms.CharField(
        label="Lĩnh vực (mỗi dòng một lĩnh vực; để trống: mọi lĩnh vực)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    starts_on = forms.DateField(label="Từ ngày", required=False, widget=DATE)
    ends_on = forms.DateField(label="Đến ngày", required=False, widget=DATE)
    basis = forms.CharField(label="Căn cứ (văn bản, điều khoản)", max_length=300)

    def __init__(self, *args, supervisors=None, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supervisor"].queryset = supervisors
        self.fields["organization"].queryset = organizations
        self.fields["item_kinds_codes"].choices = [
            (kind.code, kind.label) for kind in item_kinds.values() if kind.supervise_permission
        ]

    def clean_fields(self):
        return [line.strip() for line in self.cleaned_data["fields"].splitlines() if line.strip()]
