"""The English interface shows English form labels and page text, not the Vietnamese source.

Every form's field labels, help texts and choices go through the catalogue; the pages named here
(the API keys, staff accounts, the public resolutions and the audit log's admin filter) were
once left in Vietnamese under the English switch.
"""

import importlib
import inspect
import re
from datetime import date
from pathlib import Path

from django import forms
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from phoihop.testing import grant, make_user, signed_in_client

# Letters only Vietnamese writes (đ, and the vowels with tone or hat marks).
VIETNAMESE = re.compile(
    "[đĐàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.IGNORECASE
)


def _project_forms() -> list[type[forms.Form]]:
    found = []
    for path in sorted(Path(settings.BASE_DIR).glob("*/forms.py")):
        module = importlib.import_module(f"phoihop.{path.parent.name}.forms")
        found += [
            cls
            for _name, cls in inspect.getmembers(module, inspect.isclass)
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__
        ]
    from phoihop.web import staff_views

    return [*found, staff_views.AccountForm, staff_views.GrantForm]


def _shown(field: forms.Field) -> list[str]:
    texts = [field.label, field.help_text]
    if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
        texts += [label for _value, label in field.choices]
    return [str(text) for text in texts if text and not isinstance(text, list)]


def test_every_form_label_and_help_text_is_english_in_english():
    """A text still Vietnamese under the English switch was never translated. (English may quote
    Vietnamese a document must contain, "Căn cứ …", so the test compares the two languages.)"""
    classes = _project_forms()
    assert len(classes) > 50
    shown = {}
    for language in ("vi", "en"):
        with translation.override(language):
            shown[language] = [
                (f"{cls.__module__}.{cls.__name__}.{name}", text)
                for cls in classes
                for name, field in cls.base_fields.items()
                for text in _shown(field)
            ]
    untranslated = [
        f"{where}: {vi}"
        for (where, vi), (_where, en) in zip(shown["vi"], shown["en"], strict=True)
        if vi == en and VIETNAMESE.search(vi)
    ]
    assert untranslated == []


def test_the_check_sees_a_vietnamese_label():
    assert VIETNAMESE.search("Chủ thể giám sát") and not VIETNAMESE.search("Supervising body")


def test_supervision_and_staff_forms_speak_english_when_chosen():
    from phoihop.supervision.forms import PlanForm, ProgrammeForm
    from phoihop.web.staff_views import AccountForm

    with translation.override("en"):
        assert str(ProgrammeForm.base_fields["organization"].label) == "Supervising body"
        assert str(PlanForm.base_fields["bodies"].label) == "Bodies under supervision"
        assert str(AccountForm.base_fields["full_name"].label) == "Full name"
    with translation.override("vi"):
        assert str(ProgrammeForm.base_fields["organization"].label) == "Chủ thể giám sát"


def _english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    return client


def test_the_api_keys_page_speaks_english_when_chosen(tree):
    client = _english(signed_in_client(make_user("can.bo.khoa")))
    page = client.get(reverse("api_tokens:list")).content.decode()
    assert "<h1>Your API keys</h1>" in page and "Purpose" in page and "Issue key" in page
    assert "Khóa API của bạn" not in page and "Mục đích" not in page and "Cấp khóa" not in page


def test_the_staff_account_pages_speak_english_when_chosen(tree):
    admin = make_user("quan.tri")
    grant(admin, "administrator", tree.own)
    client = _english(signed_in_client(admin))
    listing = client.get(reverse("web:staff_list")).content.decode()
    assert "<h1>Staff accounts</h1>" in listing and "User name" in listing
    assert "Tài khoản cán bộ" not in listing and "Tên đăng nhập" not in listing
    form = client.get(reverse("web:staff_create")).content.decode()
    assert "Full name" in form and "Họ và tên" not in form


def test_the_public_resolution_table_speaks_english_when_chosen(tree):
    from phoihop.council.models import Resolution

    Resolution.objects.create(
        organization=tree.own,
        reference="NQ-1",
        kind="council",
        status="published",
        year=2026,
        number=1,
        symbol="01/NQ-HĐND",
        title="Nghị quyết số 1",
        adopted_on=date(2026, 6, 1),
        published_on=date(2026, 6, 4),
    )
    html = _english(Client()).get(reverse("council_public:resolutions")).content.decode()
    for english in ("Number and symbol", "Adopted on", "Implementation", "No tasks assigned"):
        assert english in html
    for vietnamese in (
        "Số, ký hiệu",
        "Ngày thông qua",
        "Tình hình thực hiện",
        "Chưa giao nhiệm vụ",
    ):
        assert vietnamese not in html


def test_the_audit_admin_filter_is_titled_in_english_when_chosen(db):
    client = _english(signed_in_client(make_user("quan.tri", is_staff=True, is_superuser=True)))
    page = client.get(reverse("admin:audit_auditevent_changelist")).content.decode()
    assert "By event" in page and "By sự kiện" not in page
