"""Errors speak Vietnamese and look like errors, in every mode; the demo is not DEBUG."""

import importlib

import pytest
from django.test import Client, override_settings
from django.urls import path

from phoihop.testing import make_user, signed_in_client


def _boom(request):
    raise RuntimeError("boom")


urlpatterns = [path("loi/", _boom)]


@pytest.mark.parametrize("signed_in", [False, True])
def test_missing_page_is_a_vietnamese_404(db, signed_in):
    client = signed_in_client(make_user("canbo")) if signed_in else Client()
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Không tìm thấy trang" in html and 'role="alert"' in html
    assert "URLconf" not in html and "Page not found" not in html


@override_settings(ROOT_URLCONF=__name__)
def test_server_error_is_a_vietnamese_500(db):
    client = Client(raise_request_exception=False)
    response = client.get("/loi/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Hệ thống gặp lỗi" in html and "Traceback" not in html


def test_the_demo_settings_do_not_debug(monkeypatch):
    monkeypatch.delenv("PHOIHOP_DEBUG", raising=False)
    dev = importlib.reload(importlib.import_module("phoihop.settings.dev"))
    assert dev.PHOIHOP_DEMO is True and dev.DEBUG is False


def test_the_404_page_offers_the_letters_register_only_to_who_may_open_it(tree, clerk):
    outsider = signed_in_client(make_user("khong.quyen"))

    page = outsider.get("/khong-co-trang-nay/").content.decode()

    assert 'href="/don/"' not in page
    assert outsider.get("/don/").status_code == 404
    assert "mở sổ đơn" in signed_in_client(clerk).get("/khong-co-trang-nay/").content.decode()
