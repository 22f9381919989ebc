"""A refused form kept for its page: once, for a short while, never a password nor identity."""

from unittest import mock

from django import forms
from django.contrib.sessions.backends.db import SessionStore
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory

from phoihop.core.actions import kept, submit
from phoihop.core.errors import ApplicationError


class NoteForm(forms.Form):
    note = forms.CharField()
    on = forms.DateField()


class UploadForm(forms.Form):
    title = forms.CharField()
    file = forms.FileField()


class IdentityForm(forms.Form):
    spans = forms.CharField()
    keep_input = False


def _request(data=None):
    request = RequestFactory().post("/", data or {})
    request.session = SessionStore()
    request._messages = mock.MagicMock()
    return request


def _refuse(_data):
    raise ApplicationError("Không được.")


def _next_page(request):
    page = RequestFactory().get("/")
    page.session = request.session
    return page


def test_a_refused_form_comes_back_once_with_the_refusal(db):
    request = _request({"note": "Đã xác minh", "on": "2026-06-01", "password": "x"})
    assert not submit(request, NoteForm(request.POST), _refuse, "ok")
    page = _next_page(request)
    form = kept(page, NoteForm)
    assert form.is_bound and form.data["note"] == "Đã xác minh" and "password" not in form.data
    assert form.non_field_errors() == ["Không được."]
    assert not kept(_next_page(request), NoteForm).is_bound  # shown once


def test_a_form_that_names_a_person_is_never_kept(db):
    request = _request({"spans": "Nguyễn Văn A"})
    assert not submit(request, IdentityForm(request.POST), _refuse, "ok")
    assert "Nguyễn Văn A" not in str(dict(request.session.items()))
    assert not kept(_next_page(request), IdentityForm).is_bound


def test_an_old_refusal_is_not_brought_back(db):
    request = _request({"note": "x", "on": ""})
    with mock.patch("phoihop.core.actions.time.time", return_value=1_000.0):
        submit(request, NoteForm(request.POST), _refuse, "ok")
    with mock.patch("phoihop.core.actions.time.time", return_value=1_000.0 + 3_600):
        assert not kept(_next_page(request), NoteForm).is_bound


def _refused_upload(form_class, title: str, upload=None):
    """*form_class* posted with *title* (and *upload*), refused; as its page shows it next."""
    request = _request({"title": title, **({"file": upload} if upload else {})})
    assert not submit(request, form_class(request.POST, request.FILES), _refuse, "ok")
    return kept(_next_page(request), form_class)


def test_a_refused_upload_keeps_its_text_and_asks_for_the_file_again(db):
    upload = SimpleUploadedFile("ban-ky.pdf", b"%PDF-1.4", content_type="application/pdf")
    form = _refused_upload(UploadForm, "Bản ký chứng thực", upload)
    assert form.data["title"] == "Bản ký chứng thực"
    assert form.non_field_errors() == ["Không được."]  # the refusal, beside the form
    assert form.errors["file"] == ["Tệp đã chọn không được giữ lại; hãy chọn lại tệp."]


def test_a_missing_file_is_reported_missing(db):
    form = _refused_upload(UploadForm, "Bản ký")
    assert form.errors["file"] == [str(forms.Field.default_error_messages["required"])]
    assert not form.non_field_errors()


class CheckedUploadForm(UploadForm):
    def clean_file(self):
        raise forms.ValidationError("Dòng 3: thiếu nội dung góp ý.")


def test_a_file_refused_for_its_content_says_why_beside_it(db):
    upload = SimpleUploadedFile("y-kien.csv", b"noi dung\n", content_type="text/csv")
    form = _refused_upload(CheckedUploadForm, "Đợt 1", upload)
    assert form.data["title"] == "Đợt 1"
    assert form.errors["file"] == ["Dòng 3: thiếu nội dung góp ý."]
