"""A body's administrator manages its accounts in the app: creates an account with a role,
gives and takes back roles, issues a new two-factor key, disables; every step audited; no one
manages their own grants or reaches another body's accounts."""

from django_otp.plugins.otp_totp.models import TOTPDevice

from phoihop.access.models import Grant, Role
from phoihop.accounts.models import User
from phoihop.audit.models import AuditEvent
from phoihop.testing import grant, make_user, signed_in_client


def _admin(tree):
    admin = make_user("quan.tri")
    grant(admin, "administrator", tree.own)
    return admin


def test_administrator_creates_an_account_and_hands_over_its_secrets_once(tree):
    admin = _admin(tree)
    client = signed_in_client(admin)
    assert 'href="/quan-tri/tai-khoan/"' in client.get("/").content.decode()
    clerk = Role.objects.get(code="clerk")
    response = client.post(
        "/quan-tri/tai-khoan/them/",
        {
            "username": "van.thu.moi",
            "full_name": "Đỗ Thị Mai",
            "email": "",
            "organization": tree.own.pk,
            "role": clerk.pk,
        },
    )
    page = response.content.decode()
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    account = User.objects.get(username="van.thu.moi")
    assert Grant.objects.get(user=account).role == clerk
    assert "otpauth://totp/" in page and "Mật khẩu" in page
    events = set(AuditEvent.objects.filter(actor=admin).values_list("event", flat=True))
    assert {"user.created", "grant.created", "user.totp_enrolled"} <= events
    secrets = " ".join(str(e.data) for e in AuditEvent.objects.filter(actor=admin))
    assert TOTPDevice.objects.get(user=account).key not in secrets
    # The list and the account page show it; the password is never shown again.
    assert "van.thu.moi" in client.get("/quan-tri/tai-khoan/").content.decode()
    assert "Mật khẩu" not in client.get(f"/quan-tri/tai-khoan/{account.pk}/").content.decode()
    # A name already taken is refused in Vietnamese, nothing created.
    again = client.post(
        "/quan-tri/tai-khoan/them/",
        {
            "username": "van.thu.moi",
            "full_name": "X",
            "organization": tree.own.pk,
            "role": clerk.pk,
        },
    )
    assert User.objects.filter(username="van.thu.moi").count() == 1
    assert "otpauth" not in again.content.decode()


def test_roles_are_given_and_taken_back_with_an_audit_trail(tree):
    admin = _admin(tree)
    client = signed_in_client(admin)
    staff = make_user("chuyen.vien")
    grant(staff, "clerk", tree.own)
    specialist = Role.objects.get(code="specialist")
    client.post(
        f"/quan-tri/tai-khoan/{staff.pk}/cap-quyen/",
        {"organization": tree.own.pk, "role": specialist.pk},
    )
    given = Grant.objects.get(user=staff, role=specialist)
    client.post(f"/quan-tri/tai-khoan/{staff.pk}/thu-hoi/{given.pk}/")
    given.refresh_from_db()
    assert given.revoked_at is not None
    assert AuditEvent.objects.filter(event="grant.revoked", actor=admin).count() == 1
    # Nobody changes their own roles; the identity clearance needs a clearance of one's own.
    own = Grant.objects.get(user=admin)
    client.post(f"/quan-tri/tai-khoan/{admin.pk}/thu-hoi/{own.pk}/")
    assert Grant.objects.get(pk=own.pk).revoked_at is None
    clearance = Role.objects.get(code="identity_clearance")
    client.post(
        f"/quan-tri/tai-khoan/{staff.pk}/cap-quyen/",
        {"organization": tree.own.pk, "role": clearance.pk},
    )
    assert not Grant.objects.filter(user=staff, role=clearance).exists()


def test_a_lost_authenticator_gets_a_new_key_and_the_old_sessions_end(tree):
    admin = _admin(tree)
    staff = make_user("mat.dien.thoai")
    grant(staff, "clerk", tree.own)
    old_key = TOTPDevice.objects.get(user=staff).key
    staff_client = signed_in_client(staff)
    page = signed_in_client(admin).post(f"/quan-tri/tai-khoan/{staff.pk}/ma-xac-thuc/")
    assert "otpauth://totp/" in page.content.decode()
    assert TOTPDevice.objects.get(user=staff).key != old_key
    assert staff_client.get("/").status_code == 302  # signed out
    assert AuditEvent.objects.filter(event="user.totp_reset", actor=admin).count() == 1
    signed_in_client(admin).post(f"/quan-tri/tai-khoan/{staff.pk}/khoa/", {"active": "0"})
    staff.refresh_from_db()
    assert not staff.is_active


def test_other_bodies_accounts_and_non_administrators_get_404(tree):
    admin = _admin(tree)
    elsewhere = make_user("noi.khac")
    grant(elsewhere, "clerk", tree.other)
    client = signed_in_client(admin)
    assert client.get(f"/quan-tri/tai-khoan/{elsewhere.pk}/").status_code == 404
    assert "noi.khac" not in client.get("/quan-tri/tai-khoan/").content.decode()
    clerk = make_user("chi.van.thu")
    grant(clerk, "clerk", tree.own)
    assert signed_in_client(clerk).get("/quan-tri/tai-khoan/").status_code == 404
