"""Accounts: creating, disabling, two-factor enrolment, API tokens."""

from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from phoihop.access.policy import require
from phoihop.accounts.models import User, UserSession
from phoihop.audit.services import audit_record

SYSTEM_USERNAME = "system"


def system_actor() -> User:
    """The account that commands and background jobs act as (never ``None``).

    It passes every policy check, like a superuser, but cannot sign in (no usable password).
    """
    user = User.objects.filter(username=SYSTEM_USERNAME).first()
    if user is None:
        user = User(
            username=SYSTEM_USERNAME,
            kind=User.Kind.SYSTEM,
            full_name="Hệ thống phoihop",
            is_superuser=True,
        )
        user.set_unusable_password()
        user.save()
    return user


@transaction.atomic
def user_create(
    *,
    actor,
    username: str,
    full_name: str,
    kind: str = User.Kind.STAFF,
    email: str = "",
    password: str | None = None,
    password_hash: str | None = None,
    person=None,
    is_demo: bool = False,
) -> User:
    """Create an account. Records: ``user.created``.

    Raises:
        ValidationError: the user name is taken or invalid, or the password is too weak.
    """
    user = User(
        username=username,
        full_name=full_name,
        kind=kind,
        email=email,
        person=person,
        is_demo=is_demo,
    )
    if password_hash is not None:  # already hashed (e.g. one hash shared by demo accounts)
        user.password = password_hash
    elif password is None:
        user.set_unusable_password()
    else:
        user.set_password(password)
    user.full_clean()
    user.save()
    audit_record(
        actor=actor, event="user.created", target=user, data={"username": username, "kind": kind}
    )
    return user


@transaction.atomic
def user_totp_enroll(*, user: User, actor, key: str | None = None) -> TOTPDevice:
    """Give *user* a confirmed TOTP device, replacing any other.

    Records: ``user.totp_enrolled`` (never the secret).
    """
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice(user=user, name="default", confirmed=True)
    if key is not None:
        device.key = key
    device.save()
    audit_record(actor=actor, event="user.totp_enrolled", target=user, data={})
    return device


def _end_sessions(user: User) -> int:
    keys = list(UserSession.objects.filter(user=user).values_list("session_key", flat=True))
    Session.objects.filter(session_key__in=keys).delete()
    UserSession.objects.filter(user=user).delete()
    Token.objects.filter(user=user).delete()
    return len(keys)


@transaction.atomic(durable=True)
def user_disable(*, user: User, actor) -> User:
    """Disable an account and end every session and API token it holds.

    Raises:
        PermissionDenied: actor may not disable this account.

    Records: ``user.disabled`` (with the number of sessions ended).
    """
    require(actor, "disable", user)
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.pk == actor.pk:
        raise ValidationError("Không thể tự khóa tài khoản của chính mình.")
    user.is_active = False
    user.save(update_fields=["is_active"])
    ended = _end_sessions(user)
    audit_record(
        actor=actor,
        event="user.disabled",
        target=user,
        data={"is_active": {"old": True, "new": False}, "sessions_ended": ended},
    )
    return user


@transaction.atomic
def user_person_link(*, user: User, person, actor) -> User:
    """Link a staff account to the person it is (an elected deputy answering ballots online).

    Records: ``user.person_linked`` (old and new person).
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    old = user.person_id
    if old == person.pk:
        return user
    user.person = person
    user.save(update_fields=["person"])
    audit_record(
        actor=actor,
        event="user.person_linked",
        target=user,
        data={"person": {"old": old, "new": person.pk}},
    )
    return user


@transaction.atomic
def user_api_token_issue(*, user: User, actor) -> Token:
    """A new API token for a staff account (the old one stops working). Records the event only."""
    if user.kind != User.Kind.STAFF:
        raise ValidationError("Chỉ tài khoản cán bộ được cấp khóa API.")
    Token.objects.filter(user=user).delete()
    token = Token.objects.create(user=user)
    audit_record(actor=actor, event="api.token.issued", target=user, data={"scheme": "authtoken"})
    return token


@transaction.atomic
def user_totp_reset(*, user: User, actor) -> TOTPDevice:
    """A new TOTP key for an account that lost its authenticator: the old key stops working
    and every session ends. The key is shown once to the administrator, to hand over in person.

    Raises:
        PermissionDenied: actor may not manage this account (``accounts.disable_user`` on one
            of its bodies).
        ValidationError: one's own account.

    Records: ``user.totp_reset`` (sessions ended; never the key).
    """
    require(actor, "disable", user)
    if user.pk == actor.pk:
        raise ValidationError("Không tự cấp lại mã xác thực cho chính mình.")
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(user=user, name="default", confirmed=True)
    ended = _end_sessions(user)
    audit_record(actor=actor, event="user.totp_reset", target=user, data={"sessions_ended": ended})
    return device


@transaction.atomic(durable=True)
def user_enable(*, user: User, actor) -> User:
    """Open a disabled account again.

    Raises:
        PermissionDenied: actor may not manage this account.

    Records: ``user.enabled``.
    """
    require(actor, "disable", user)
    user = User.objects.select_for_update().get(pk=user.pk)
    user.is_active = True
    user.save(update_fields=["is_active"])
    audit_record(
        actor=actor,
        event="user.enabled",
        target=user,
        data={"is_active": {"old": False, "new": True}},
    )
    return user


@transaction.atomic
def staff_account_create(
    *, actor, username: str, full_name: str, email: str, organization, role
) -> tuple[User, str, TOTPDevice]:
    """A staff account for a body, with its first role, a generated password and a TOTP key,
    both shown once to the administrator to hand over in person (neither is stored in clear
    nor logged).

    Raises:
        PermissionDenied: actor holds no ``access.change_grant`` on *organization*.
        ValidationError: the user name is taken or invalid.

    Records: ``user.created``, ``grant.created``, ``user.totp_enrolled``.
    """
    from django.utils.crypto import get_random_string

    from phoihop.access.policy import require_in
    from phoihop.access.services import grant_add

    require_in(actor, "access.change_grant", organization)
    password = get_random_string(14, "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
    user = user_create(
        actor=actor, username=username, full_name=full_name, email=email, password=password
    )
    grant_add(actor=actor, user=user, role=role, organization=organization)
    device = user_totp_enroll(user=user, actor=actor)
    return user, password, device
