"""Every change made in the admin writes an audit event; TOTP secrets never show there."""

import pytest
from axes.models import AccessAttempt
from django.contrib import admin
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from phoihop.access.models import Role
from phoihop.accounts.models import User
from phoihop.audit.admin import AuditedAdmin
from phoihop.audit.models import AuditEvent
from phoihop.audit.selectors import audit_verify
from phoihop.deadlines.models import CalendarDay, CalendarYear
from phoihop.testing import make_user, signed_in_client


@pytest.fixture
def superuser(db):
    return make_user("quan.tri", is_staff=True, is_superuser=True)


@pytest.fixture
def client(superuser):
    return signed_in_client(superuser)


def _events(code: str):
    return AuditEvent.objects.filter(event=code).order_by("id")


def test_every_registered_admin_is_audited():
    unaudited = [
        model._meta.label
        for model, model_admin in admin.site._registry.items()
        if not isinstance(model_admin, AuditedAdmin)
    ]
    assert unaudited == []


def test_issuing_an_api_token_is_audited_without_its_key(client, superuser):
    holder = make_user("may.khach")
    response = client.post(reverse("admin:authtoken_tokenproxy_add"), {"user": holder.pk})
    assert response.status_code == 302, response.content[:500]
    token = Token.objects.get(user=holder)
    event = _events("admin.object_created").last()
    assert event.actor == superuser
    assert event.target_type == "accounts.user"
    assert event.target_id == str(holder.pk)
    assert event.data["object"] == "authtoken.tokenproxy"
    for row in AuditEvent.objects.values_list("data", "target_display", "target_id"):
        assert token.key not in str(row)
    client.post(reverse("admin:authtoken_tokenproxy_delete", args=[holder.pk]), {"post": "yes"})
    assert not Token.objects.filter(user=holder).exists()
    assert _events("admin.object_deleted").last().target_id == str(holder.pk)
    assert audit_verify().ok


def test_renaming_a_role_is_audited(client, superuser, tree):
    role = Role.objects.get(code="clerk")
    old_name = role.name
    response = client.post(
        reverse("admin:access_role_change", args=[role.pk]),
        {"code": role.code, "name": "Văn thư (đổi tên)", "description": role.description},
    )
    assert response.status_code == 302, response.content[:500]
    event = _events("admin.object_changed").last()
    assert event.target_type == "access.role"
    assert event.data["name"] == {"old": old_name, "new": "Văn thư (đổi tên)"}


def test_deleting_an_axes_lockout_is_audited(client):
    attempt = AccessAttempt.objects.create(
        username="lanh.dao", ip_address="10.0.0.9", user_agent="x", failures_since_start=9
    )
    response = client.post(
        reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not AccessAttempt.objects.exists()
    event = _events("admin.object_deleted").last()
    assert event.target_type == "axes.accessattempt"
    assert event.target_id == str(attempt.pk)


def test_deleting_lockouts_in_bulk_is_audited_one_by_one(client):
    attempts = [
        AccessAttempt.objects.create(
            username=f"u{i}", ip_address="10.0.0.9", user_agent="x", failures_since_start=5
        )
        for i in range(3)
    ]
    response = client.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "delete_selected", "_selected_action": [a.pk for a in attempts], "post": "yes"},
    )
    assert response.status_code == 302
    deleted = _events("admin.object_deleted").filter(target_type="axes.accessattempt")
    assert sorted(deleted.values_list("target_id", flat=True)) == sorted(
        str(a.pk) for a in attempts
    )


def test_editing_the_legal_calendar_audits_the_year_and_each_day(client):
    response = client.post(
        reverse("admin:deadlines_calendaryear_add"),
        {
            "year": 2031,
            "source": "Thông báo 01/TB-LĐTBXH",
            "note": "",
            "days-TOTAL_FORMS": "1",
            "days-INITIAL_FORMS": "0",
            "days-MIN_NUM_FORMS": "0",
            "days-MAX_NUM_FORMS": "1000",
            "days-0-day": "2031-09-02",
            "days-0-kind": CalendarDay.Kind.HOLIDAY,
            "days-0-name": "Quốc khánh",
            "days-0-source": "",
            "days-0-toggle": "",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    year = CalendarYear.objects.get(year=2031)
    day = CalendarDay.objects.get(calendar_year=year)
    created = _events("admin.object_created")
    assert {(e.target_type, e.target_id) for e in created} >= {
        ("deadlines.calendaryear", str(year.pk)),
        ("deadlines.calendarday", str(day.pk)),
    }
    response = client.post(
        reverse("admin:deadlines_calendaryear_change", args=[year.pk]),
        {
            "year": 2031,
            "source": "Thông báo 01/TB-LĐTBXH",
            "note": "",
            "days-TOTAL_FORMS": "1",
            "days-INITIAL_FORMS": "1",
            "days-MIN_NUM_FORMS": "0",
            "days-MAX_NUM_FORMS": "1000",
            "days-0-id": day.pk,
            "days-0-calendar_year": year.pk,
            "days-0-day": "2031-09-02",
            "days-0-kind": CalendarDay.Kind.HOLIDAY,
            "days-0-name": "Quốc khánh",
            "days-0-source": "",
            "days-0-toggle": "",
            "days-0-DELETE": "on",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    assert not CalendarDay.objects.filter(pk=day.pk).exists()
    deleted = _events("admin.object_deleted").last()
    assert deleted.data["object"] == "deadlines.calendarday"
    assert deleted.data["id"] == str(day.pk)


def test_setting_a_password_in_the_admin_is_audited_without_it(client):
    user = make_user("can.bo.moi")
    response = client.post(
        reverse("admin:auth_user_password_change", args=[user.pk]),
        {"password1": "Mật-khẩu-mới-rất-dài-42", "password2": "Mật-khẩu-mới-rất-dài-42"},
    )
    assert response.status_code == 302, response.content[:1000]
    event = _events("admin.object_changed").last()
    assert event.target_id == str(user.pk)
    assert "Mật-khẩu-mới" not in str(event.data)
    assert User.objects.get(pk=user.pk).check_password("Mật-khẩu-mới-rất-dài-42")


def test_totp_secrets_are_never_shown_in_the_admin(client, superuser):
    device = TOTPDevice.objects.get(user=superuser)
    pages = [
        reverse("admin:otp_totp_totpdevice_changelist"),
        reverse("admin:otp_totp_totpdevice_change", args=[device.pk]),
        reverse("admin:otp_totp_totpdevice_add"),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200
        body = response.content.decode()
        assert device.key not in body
        assert 'name="key"' not in body
        assert "qrcode" not in body.lower()
    assert client.get(f"/admin/otp_totp/totpdevice/{device.pk}/config/").status_code in {302, 404}
    assert client.get(f"/admin/otp_totp/totpdevice/{device.pk}/qrcode/").status_code in {302, 404}
