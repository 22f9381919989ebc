import time

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from phoihop.accounts.models import User
from phoihop.accounts.services import user_api_token_issue, user_disable
from phoihop.accounts.two_factor import totp_current_code
from phoihop.audit.models import AuditEvent
from phoihop.testing import PASSWORD, grant, make_user, signed_in_client

LOGIN = "/dang-nhap/"


def _sign_in(client, username, password=PASSWORD, otp=""):
    return client.post(LOGIN, {"username": username, "password": password, "otp_token": otp})


def test_sign_in_page_is_vietnamese(db):
    response = Client().get(LOGIN)
    assert response.status_code == 200
    assert b'<html lang="vi">' in response.content
    assert "Đăng nhập".encode() in response.content


def test_staff_sign_in_needs_the_totp_code(staff_user):
    client = Client()
    response = _sign_in(client, "can.bo")
    assert response.status_code == 400
    assert "mã xác thực".encode() in response.content
    assert client.get("/").status_code == 302


def test_staff_sign_in_with_totp_reaches_dashboard_and_is_audited(staff_user):
    client = Client()
    code = totp_current_code(TOTPDevice.objects.get(user=staff_user))
    response = _sign_in(client, "can.bo", otp=code)
    assert response.status_code == 302
    home = client.get("/")
    assert home.status_code == 200
    assert "Việc đến hạn".encode() in home.content
    assert AuditEvent.objects.filter(event="user.signed_in", actor=staff_user).exists()


def test_wrong_totp_is_refused(staff_user):
    client = Client()
    response = _sign_in(client, "can.bo", otp="000000")
    code = totp_current_code(TOTPDevice.objects.get(user=staff_user))
    if code == "000000":
        pytest.skip("the current code happens to be 000000")
    assert response.status_code == 400
    assert client.get("/").status_code == 302


def test_citizen_signs_in_with_password_only(db):
    make_user("cong.dan", kind=User.Kind.CITIZEN)
    client = Client()
    assert _sign_in(client, "cong.dan").status_code == 302
    assert client.get("/").status_code == 200


def test_failed_sign_ins_are_throttled(staff_user):
    client = Client()
    for _ in range(5):
        _sign_in(client, "can.bo", password="sai-mat-khau")
    code = totp_current_code(TOTPDevice.objects.get(user=staff_user))
    response = _sign_in(client, "can.bo", otp=code)
    assert response.status_code == 429
    assert "Tạm khóa".encode() in response.content
    assert client.get("/").status_code == 302


def test_a_session_without_the_totp_step_is_ended(staff_user):
    client = Client()
    client.force_login(staff_user)  # password only, as the admin login would
    response = client.get("/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def _age_session(client, **fields):
    session = client.session
    for key, seconds_ago in fields.items():
        session[key] = time.time() - seconds_ago
    session.save()


@pytest.mark.parametrize(
    ("field", "seconds_ago"),
    [("last_seen", 31 * 60), ("signed_in_at", 11 * 3600)],
    ids=["idle", "absolute"],
)
def test_session_time_outs(staff_user, field, seconds_ago):
    client = signed_in_client(staff_user)
    assert client.get("/").status_code == 200
    _age_session(client, **{field: seconds_ago})
    response = client.get("/")
    assert response.status_code == 302
    assert client.get("/").status_code == 302


def test_pages_within_a_minute_do_not_rewrite_the_session(staff_user):
    client = signed_in_client(staff_user)
    assert client.get("/").status_code == 200
    _age_session(client, last_seen=5)
    aged = client.session["last_seen"]
    assert client.get("/").status_code == 200
    assert client.session["last_seen"] == aged  # five seconds ago: left as it was
    _age_session(client, last_seen=25 * 60)
    assert client.get("/").status_code == 200
    assert time.time() - client.session["last_seen"] < 60  # renewed: the idle clock restarts


def test_disabling_an_account_ends_its_sessions_and_tokens(tree, actor):
    admin = make_user("quan.tri")
    grant(admin, "administrator", tree.own)
    target = make_user("bi.khoa")
    grant(target, "clerk", tree.own_unit)
    client = Client()
    code = totp_current_code(TOTPDevice.objects.get(user=target))
    _sign_in(client, "bi.khoa", otp=code)
    assert client.get("/").status_code == 200
    user_api_token_issue(user=target, actor=admin)
    assert Session.objects.count() == 1
    # one code for an issued API token, whichever service issues it (decision 0037)
    issued = AuditEvent.objects.filter(target_id=str(target.pk), event__contains="token")
    assert list(issued.values_list("event", flat=True)) == ["api.token.issued"]

    user_disable(user=target, actor=admin)

    assert Session.objects.count() == 0
    assert not Token.objects.filter(user=target).exists()
    assert client.get("/").status_code == 302
    event = AuditEvent.objects.get(event="user.disabled")
    assert event.data["sessions_ended"] == 1


def test_disabling_is_refused_outside_the_administrators_remit(tree):
    admin = make_user("quan.tri")
    grant(admin, "administrator", tree.own)
    stranger = make_user("nguoi.ngoai")
    grant(stranger, "clerk", tree.other)
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        user_disable(user=stranger, actor=admin)
    stranger.refresh_from_db()
    assert stranger.is_active
    assert not AuditEvent.objects.filter(event="user.disabled").exists()


def test_sign_out_ends_the_session(staff_user):
    client = signed_in_client(staff_user)
    client.post(reverse("accounts:logout"))
    assert client.get("/").status_code == 302


def test_linking_an_account_to_its_person_is_audited(tree, actor):
    from phoihop.accounts.services import user_person_link
    from phoihop.audit.models import AuditEvent
    from phoihop.organizations.models import Person

    user = make_user("dai.bieu")
    person = Person.objects.create(full_name="Phan Đức Tâm")
    user_person_link(user=user, person=person, actor=actor)
    user_person_link(user=user, person=person, actor=actor)  # already linked: nothing new

    user.refresh_from_db()
    assert user.person_id == person.pk
    assert AuditEvent.objects.filter(event="user.person_linked").count() == 1
