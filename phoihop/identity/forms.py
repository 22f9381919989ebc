"""The one form of the vault: the purpose an officer states before reading an identity."""

from django import forms
from django.utils.translation import gettext_lazy as _


class RevealForm(forms.Form):
    purpose = forms.CharField(label=_("Mục đích xem danh tính (ghi vào nhật ký)"), max_length=300)
