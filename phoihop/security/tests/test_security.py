"""Content-Security-Policy, request ids, the shared cache, sign-in lockout, uploads, XLSX."""

import io
import re
from datetime import date
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

import phoihop
from phoihop.accounts.two_factor import totp_current_code
from phoihop.security import checks
from phoihop.security.caches import CACHE_TABLE
from phoihop.security.spreadsheets import assert_no_formulas
from phoihop.security.uploads import check_upload, safe_name, sniff
from phoihop.testing import PASSWORD, grant, make_user, signed_in_client

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I)
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=|javascript:|hx-on", re.I)


def test_pages_carry_a_csp_without_inline_scripts(db):
    response = Client().get("/dang-nhap/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy.split("style-src")[0]
    assert "frame-ancestors 'none'" in policy
    assert not INLINE_SCRIPT.search(response.content.decode())


def test_no_template_has_an_inline_script_or_handler():
    offenders = []
    for template in Path(phoihop.__file__).parent.rglob("templates/**/*.html"):
        text = template.read_text()
        if INLINE_SCRIPT.search(text) or INLINE_HANDLER.search(text):
            offenders.append(str(template))
    assert offenders == []


def test_the_request_id_is_made_by_the_server(db):
    response = Client().get("/dang-nhap/", HTTP_X_REQUEST_ID="forged-by-client")
    assert response["X-Request-Id"] != "forged-by-client"
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-Id"])


def test_sign_in_audit_row_has_no_client_request_id(staff_user):
    from phoihop.audit.models import AuditEvent

    code = totp_current_code(TOTPDevice.objects.get(user=staff_user))
    Client().post(
        "/dang-nhap/",
        {"username": staff_user.username, "password": PASSWORD, "otp_token": code},
        HTTP_X_REQUEST_ID="forged-by-client",
    )
    event = AuditEvent.objects.get(event="user.signed_in")
    assert event.request_id and event.request_id != "forged-by-client"


def test_deploy_check_warns_on_a_per_process_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert [w.id for w in checks.cache_is_shared(None)] == ["security.W001"]
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "t"}
    }
    assert checks.cache_is_shared(None) == []
    assert checks.content_security_policy_set(None) == []


def test_the_default_cache_is_the_database_and_migrate_creates_its_table(db, settings):
    from django.db import connection

    from phoihop.settings import base

    assert base.CACHES["default"]["BACKEND"].endswith("db.DatabaseCache")
    settings.CACHES = base.CACHES
    from django.core.management.sql import emit_post_migrate_signal

    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert CACHE_TABLE in connection.introspection.table_names()


def _sign_in(client, username, password, address):
    return client.post(
        "/dang-nhap/",
        {"username": username, "password": password, "otp_token": ""},
        REMOTE_ADDR=address,
    )


def test_an_attacker_locks_out_only_their_own_address(db):
    from phoihop.accounts.models import User

    make_user("cong.dan", kind=User.Kind.CITIZEN)
    attacker, owner = Client(), Client()
    for _ in range(6):
        _sign_in(attacker, "cong.dan", "sai-mat-khau", "203.0.113.9")
    assert _sign_in(attacker, "cong.dan", PASSWORD, "203.0.113.9").status_code == 429
    assert _sign_in(owner, "cong.dan", PASSWORD, "198.51.100.7").status_code == 302


def test_upload_type_is_read_from_the_content():
    assert sniff(b"%PDF-1.7\n") == ("application/pdf", "pdf")
    assert sniff(b"\x89PNG\r\n\x1a\n....") == ("image/png", "png")
    assert sniff(b"<html><script>") is None
    html = SimpleUploadedFile("don.pdf", b"<html><script>alert(1)</script>", "application/pdf")
    with pytest.raises(ValidationError, match="PDF"):
        check_upload(html, max_bytes=1000)
    checked = check_upload(
        SimpleUploadedFile("../../x.html", b"\xff\xd8\xff\xe0 jpeg", "text/html"), max_bytes=1000
    )
    assert (checked.name, checked.content_type) == ("x.jpg", "image/jpeg")


def test_upload_size_is_checked_before_reading():
    class Huge(SimpleUploadedFile):
        def read(self, *args):
            raise AssertionError("read before the size check")

    huge = Huge("scan.pdf", b"%PDF-")
    huge.size = 50 * 1024 * 1024
    with pytest.raises(ValidationError, match="quá lớn"):
        check_upload(huge, max_bytes=10 * 1024 * 1024)


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("../../etc/passwd", "passwd.pdf"),
        ("C:\\Users\\a\\Đơn thư.PDF", "Đơn thư.pdf"),
        ('"><img src=x onerror=alert(1)>.pdf', "img src_x onerror_alert_1.pdf"),
        ("\u202egnp.exe", "gnp.pdf"),
        ("", "tep.pdf"),
    ],
)
def test_safe_names(name, safe):
    assert safe_name(name, "pdf") == safe


def test_a_cleared_officer_downloads_the_scan_and_the_read_is_audited(tree):
    from phoihop.audit.models import AuditEvent

    clerk = make_user("van.thu.scan")
    grant(clerk, "clerk", tree.own)
    grant(clerk, "identity_clearance", tree.own)
    client = signed_in_client(clerk)
    response = client.post(
        "/don/vao-so/",
        {
            "organization": tree.own.pk,
            "channel": "post",
            "received_on": date.today().isoformat(),
            "content": "Đề nghị sửa đường liên thôn bị sạt lở.",
            "full_name": "Lò Văn Xuyến",
            "sender_count": 1,
            "scan": SimpleUploadedFile("../Đơn <1>.pdf", b"%PDF-1.4 scan", "text/html"),
        },
    )
    assert response.status_code == 302
    identity_url = f"{response['Location']}danh-tinh/"
    page = client.post(identity_url, {"purpose": "Đối chiếu chữ ký"}).content.decode()
    scan_id = re.search(r'name="scan" value="(\d+)"', page).group(1)
    download = client.post(identity_url, {"purpose": "Đối chiếu chữ ký", "scan": scan_id})
    assert download.status_code == 200
    assert download.content == b"%PDF-1.4 scan"
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    assert "%3C1%3E" not in download["Content-Disposition"]  # the name was cleaned
    assert AuditEvent.objects.filter(event="identity.scan_read", actor=clerk).exists()
    # An officer without the clearance gets nothing.
    other = make_user("khong.duoc.xem")
    grant(other, "clerk", tree.own)
    refused = signed_in_client(other).post(identity_url, {"purpose": "x", "scan": scan_id})
    assert refused.status_code == 404


def test_letter_exports_write_formulas_as_text(tree):
    from phoihop.letters.tests.factories import register

    leader = make_user("lanh.dao.xlsx")
    grant(leader, "leader", tree.own)
    register(tree.own, content='=HYPERLINK("http://example.invalid/x","Bấm vào đây") đề nghị')
    register(tree.own, content="@SUM(1+1) +cmd -2 đề nghị sửa đường")
    client = signed_in_client(leader)
    export = client.get("/don/?format=xlsx")
    assert export.status_code == 200
    assert_no_formulas(export.content)
    from openpyxl import load_workbook

    cells = [c.value for row in load_workbook(io.BytesIO(export.content)).active for c in row]
    assert any(isinstance(v, str) and v.startswith("=HYPERLINK") for v in cells)
    year = date.today().year
    stats = client.get(f"/don/thong-ke/?start={year}-01-01&end={year}-12-31&format=xlsx")
    assert_no_formulas(stats.content)


def test_deploy_check_warns_when_the_shared_cache_does_not_answer(db, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "no_such_cache_table",
        }
    }
    assert checks.cache_answers(None) == []  # connects only when databases are asked for
    warnings = checks.cache_answers(None, databases=["default"])
    assert [w.id for w in warnings] == ["security.W003"]
    assert "createcachetable" in warnings[0].hint


def test_deploy_check_passes_when_the_shared_cache_answers(db, settings):
    from django.core.management import call_command

    from phoihop.settings import base

    settings.CACHES = base.CACHES  # the database cache, once its table exists
    call_command("createcachetable")
    assert checks.cache_answers(None, databases=["default"]) == []


def test_deploy_check_warns_without_redis_in_production(settings):
    settings.DEBUG = False
    settings.REDIS_URL = ""
    assert [w.id for w in checks.redis_in_production(None)] == ["security.W004"]
    settings.REDIS_URL = "redis://127.0.0.1:6379/0"
    assert checks.redis_in_production(None) == []


def test_deploy_check_warns_while_the_site_url_names_this_machine(settings):
    settings.DEBUG = False
    settings.PHOIHOP_SITE_URL = "http://127.0.0.1:8000"
    assert [w.id for w in checks.site_url_is_public(None)] == ["security.W005"]
    settings.PHOIHOP_SITE_URL = "https://phoihop.example.gov.vn"
    assert checks.site_url_is_public(None) == []
