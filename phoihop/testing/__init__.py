"""Helpers the whole suite shares: a small organization tree, accounts with grants, and clients
signed in through the two-factor step.

Test-only: application code never imports this package. It sits above every module (it builds
organizations, accounts and grants), so it lives outside ``core``, which imports nothing of
phoihop (docs/decisions/0009-kernel-layering.md).

Modules describe their own object kinds for the permission matrix in ``<module>/tests/matrix.py``
(``SUBJECTS = {Model: make(organization, owner_user) -> instance}``) and their URLs in
``<module>/tests/url_access.py`` (``PUBLIC = {...}``, ``PROTECTED = {name: UrlCheck(...)}``).
"""

import html
import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.apps import apps
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from phoihop.access.models import Grant, Role
from phoihop.access.roles import roles_sync
from phoihop.accounts.models import User
from phoihop.accounts.services import system_actor
from phoihop.organizations import services as org_services
from phoihop.organizations.models import AdminUnit, Organization

PASSWORD = "mat-khau-thu-nghiem-2026"  # noqa: S105 — test accounts only


@dataclass
class Tree:
    """Two bodies with a unit each: "own" (where test accounts get grants) and "other"."""

    province: AdminUnit
    own: Organization
    own_unit: Organization
    other: Organization
    other_unit: Organization


def province_make(code: str, name: str) -> AdminUnit:
    """A province (in force from 1 July 2025) for test bodies to sit in."""
    return org_services.admin_unit_create(
        actor=system_actor(),
        code=code,
        name=name,
        level="province",
        kind="tinh",
        valid_from=date(2025, 7, 1),
    )


def body_make(
    code: str, name: str, kind: str, admin_unit: AdminUnit, parent: Organization | None = None
) -> Organization:
    """A body of *kind* in *admin_unit* (in force from 1 July 2025)."""
    return org_services.organization_create(
        actor=system_actor(),
        code=code,
        name=name,
        short_name=name,
        doc_abbreviation=code.upper(),
        kind=kind,
        admin_unit=admin_unit,
        valid_from=date(2025, 7, 1),
        parent=parent,
    )


def build_tree() -> Tree:
    roles_sync(actor=system_actor())
    province = province_make("T", "tỉnh Thử Nghiệm")

    def make(code, name, kind, parent=None):
        return body_make(code, name, kind, province, parent)

    own = make("hdnd", "HĐND tỉnh", "council")
    other = make("ubnd", "UBND tỉnh", "people_committee")
    return Tree(
        province,
        own,
        make("ban-pc", "Ban Pháp chế", "council_committee", own),
        other,
        make("so-xd", "Sở Xây dựng", "department", other),
    )


def make_user(username: str, *, kind: str = User.Kind.STAFF, **extra) -> User:
    user = User.objects.create_user(
        username=username,
        password=PASSWORD,
        kind=kind,
        full_name=extra.pop("full_name", username),
        **extra,
    )
    if kind == User.Kind.STAFF:
        TOTPDevice.objects.create(user=user, name="default", confirmed=True)
    return user


def grant(user: User, role_code: str, organization: Organization, subtree: bool = True) -> Grant:
    from phoihop.access.grants import forget_grants

    forget_grants(user)
    return Grant.objects.create(
        user=user,
        role=Role.objects.get(code=role_code),
        organization=organization,
        include_subtree=subtree,
    )


def signed_in_client(user: User) -> Client:
    """A client holding a session that passed sign-in and, for staff, the TOTP step."""
    client = Client()
    client.force_login(user)
    if user.kind == User.Kind.STAFF:
        device = TOTPDevice.objects.get(user=user)
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()
    return client


_HREF = re.compile(r'href="(/[^"#]*)')


def chart_values(page: str, chart_id: str) -> str:
    """The values a shared bar chart (``documents.charts.bar_chart_svg``) on *page* states for
    screen readers: "label: n; label: n"."""
    found = re.search(rf'<desc id="{re.escape(chart_id)}-d">([^<]*)</desc>', page)
    if not found:
        raise AssertionError(f"no chart {chart_id} on the page")
    return html.unescape(found.group(1))


def dead_links(client: Client, url: str) -> list[str]:
    """The links of the page at *url* that answer 404 to the same client: a link offered to an
    account that may not follow it."""
    page = client.get(url)
    if page.status_code != 200:
        raise AssertionError(f"{url} answered {page.status_code}")
    hrefs = {html.unescape(h) for h in _HREF.findall(page.content.decode())}
    return sorted(
        h for h in hrefs if not h.startswith("/static/") and client.get(h).status_code == 404
    )


_ID = re.compile(r'\sid="([^"]+)"')


def duplicate_ids(content: str) -> list[str]:
    """The element ids a page uses more than once: a label then names the first field only."""
    seen: dict[str, int] = {}
    for found in _ID.findall(content):
        seen[found] = seen.get(found, 0) + 1
    return sorted(found for found, count in seen.items() if count > 1)


def phoihop_app_modules(submodule: str):
    """Import ``phoihop.<app>.tests.<submodule>`` for every installed phoihop app that has one."""
    for config in apps.get_app_configs():
        if not config.name.startswith("phoihop."):
            continue
        try:
            yield importlib.import_module(f"{config.name}.tests.{submodule}")
        except ModuleNotFoundError as exc:
            if exc.name not in (f"{config.name}.tests", f"{config.name}.tests.{submodule}"):
                raise


@dataclass(frozen=True)
class UrlCheck:
    """How a protected URL answers.

    ``permission``: the permission a user needs to reach it (None: any signed-in account); an
    account without it gets 404.
    ``kwargs``: builds the URL's arguments from (tree, owner_user) — an object the owner may see.
    ``method``: "get" or "post". ``api``: answers 401/403 instead of redirecting to sign-in.
    ``role``: the allowed account's role (default: the first role of ``roles.toml`` holding
    ``permission``), when the action behind the URL needs more than reaching it.
    ``data``: the request body — a dict, or ``(tree, user, kwargs) -> dict``; sent as a form
    (JSON for the API). A POST should carry a valid body, so that the service behind it runs.
    ``effect``: ``(tree, user, kwargs, response) -> None``, run after the allowed request;
    asserts what the service did (the new status, the step, the audit event).
    ``label``: tells apart several checks of one URL (a list of checks under one name).
    """

    permission: str | None = None
    kwargs: object = None
    method: str = "get"
    api: bool = False
    ok_status: tuple[int, ...] = (200,)
    extra: dict = field(default_factory=dict)
    role: str | None = None
    data: dict | Callable[[Tree, User, dict], dict | None] | None = None
    effect: object = None
    label: str = ""

    def body(self, tree: Tree, user: User, kwargs: dict) -> dict | None:
        """The request body for *user*, built for the object of *kwargs*."""
        if callable(self.data):
            return self.data(tree, user, kwargs)
        return self.data


def rewinding_upload(name: str, content: bytes, content_type: str):
    """An uploaded file that can be sent more than once (a URL check posts the same body as
    anonymous, as a denied account and as an allowed one)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    class Rewinding(SimpleUploadedFile):
        def read(self, *args):
            if not args:
                self.seek(0)
            return super().read(*args)

    return Rewinding(name, content, content_type)


def download_name(response) -> str:
    """The name a browser saves *response*'s file under. As RFC 6266 §4.3 says, the UTF-8
    ``filename*`` wins over the plain ``filename``; a header with neither fails the test (a
    Vietnamese name in a plain ``filename="…"`` reaches the client MIME-encoded, unreadable)."""
    import re
    from urllib.parse import unquote

    header = response["Content-Disposition"]
    if not re.match(r"(attachment|inline);", header):
        raise AssertionError(f"not a file: {header}")
    if found := re.search(r"filename\*=([\w-]+)'[^']*'([^;\s]+)", header):
        return unquote(found.group(2), encoding=found.group(1), errors="strict")
    found = re.search(r'filename="([^"\\]*)"', header)
    if found is None:
        raise AssertionError(f"no file name a browser can read: {header}")
    return found.group(1)
