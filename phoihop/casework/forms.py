"""Input shape of the casework pages; the rules live in the services."""

import uuid
from typing import cast

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from phoihop.casework.registry import item_kinds
from phoihop.core.fields import VnDateField


class AssigneeField(forms.ModelChoiceField):
    """Officers by name and account (two officers may share a name)."""

    def label_from_instance(self, obj) -> str:
        name = obj.get_full_name()
        return f"{name} ({obj.username})" if name else obj.username


class AssignForm(forms.Form):
    assignee = AssigneeField(get_user_model().objects.none(), label=_("Giao cho"))
    note = forms.CharField(label=_("Ghi chú cho người được giao"), required=False, max_length=500)

    def __init__(self, *args, choices=None, **kwargs):
        # Its own ids: the panel shares the page with the area's forms (``id_note``…).
        kwargs.setdefault("auto_id", "assign-%s")
        super().__init__(*args, **kwargs)
        assignee = cast(forms.ModelChoiceField, self.fields["assignee"])
        if choices is not None:
            assignee.queryset = choices


class FollowUpForm(forms.Form):
    content = forms.CharField(
        label=_("Nội dung đề nghị xem xét, giải quyết"), widget=forms.Textarea(attrs={"rows": 3})
    )
    idempotency_key = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "follow-up-%s")
        super().__init__(*args, **kwargs)
        self.fields["idempotency_key"].initial = uuid.uuid4().hex


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Trả lời"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "follow-up-answer-%s")
        super().__init__(*args, **kwargs)


class SupervisionAssignmentForm(forms.Form):
    supervisor: forms.ModelChoiceField = forms.ModelChoiceField(None, label=_("Cơ quan giám sát"))
    organization: forms.ModelChoiceField = forms.ModelChoiceField(
        None, label=_("Cơ quan được giám sát")
    )
    include_subtree = forms.BooleanField(
        label=_("Gồm các đơn vị trực thuộc"), required=False, initial=True
    )
    item_kinds_codes = forms.MultipleChoiceField(
        label=_("Loại việc"), widget=forms.CheckboxSelectMultiple
    )
    scope_fields = forms.CharField(
        label=_("Lĩnh vực (mỗi dòng một lĩnh vực; để trống: mọi lĩnh vực)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    starts_on = VnDateField(label=_("Từ ngày"), required=False)
    ends_on = VnDateField(label=_("Đến ngày"), required=False)
    basis = forms.CharField(label=_("Căn cứ (văn bản, điều khoản)"), max_length=300)

    def __init__(self, *args, supervisors=None, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["supervisor"]).queryset = supervisors
        cast(forms.ModelChoiceField, self.fields["organization"]).queryset = organizations
        cast(forms.ChoiceField, self.fields["item_kinds_codes"]).choices = [
            (kind.code, kind.label) for kind in item_kinds.values() if kind.supervise_permission
        ]

    def clean_scope_fields(self) -> list[str]:
        text = self.cleaned_data["scope_fields"]
        return [line.strip() for line in text.splitlines() if line.strip()]
