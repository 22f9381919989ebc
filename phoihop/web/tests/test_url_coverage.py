"""Every URL is either public (listed with a reason) or protected and tested here:
anonymous → sign-in (web) or 401/403 (API); an account without the permission → 404;
an account with it → the expected status."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from phoihop.access.roles import roles_spec
from phoihop.testing import grant, make_user, phoihop_app_modules, signed_in_client


def _url_names(resolver=None, namespace="") -> set[str]:
    names = set()
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            names |= _url_names(entry, ns)
        elif isinstance(entry, URLPattern) and entry.name:
            names.add(f"{namespace}{entry.name}")
    return names


def _declarations():
    public, prefixes, protected = {}, {}, {}
    for module in phoihop_app_modules("url_access"):
        public.update(getattr(module, "PUBLIC", {}))
        prefixes.update(getattr(module, "PREFIXES_PUBLIC", {}))
        protected.update(getattr(module, "PROTECTED", {}))
    return public, prefixes, protected


def test_every_url_is_public_or_protected_and_tested():
    public, prefixes, protected = _declarations()
    untested = sorted(
        name
        for name in _url_names()
        if name not in public
        and name not in protected
        and not any(name.startswith(p) for p in prefixes)
    )
    assert not untested, (
        f"URLs in neither the matrix nor the public list: {untested} — declare them in "
        "<module>/tests/url_access.py (see phoihop/testing/__init__.py)"
    )
    stale = sorted((set(public) | set(protected)) - _url_names())
    assert not stale, f"declared but no longer routed: {stale}"


def _checks():
    """(name, check) for every protected URL; a name may carry several checks (one per body)."""
    for name, declared in sorted(_declarations()[2].items()):
        for check in declared if isinstance(declared, list | tuple) else [declared]:
            yield pytest.param(name, check, id=f"{name}[{check.label}]" if check.label else name)


def _role_with(permission: str | None) -> str:
    for code, spec in roles_spec().items():
        if permission is None or permission in spec["permissions"]:
            return code
    raise AssertionError(f"no role has {permission}")


def _role_without(permission: str) -> str | None:
    for code, spec in roles_spec().items():
        if permission not in spec["permissions"]:
            return code
    return None


@pytest.mark.parametrize(("name", "check"), list(_checks()))
def test_protected_url_answers_by_permission(name, check, tree):
    from django.test import Client

    allowed = make_user("duoc.phep")
    role = check.role or _role_with(check.permission)
    if check.permission and check.role:
        assert check.permission in roles_spec()[role]["permissions"], (role, check.permission)
    grant(allowed, role, tree.own)
    kwargs = check.kwargs(tree, allowed) if check.kwargs else {}
    url = reverse(name, kwargs=kwargs)
    body = check.body(tree, allowed, kwargs)

    def send(client):
        if body is None:
            return getattr(client, check.method)(url)
        if check.api:
            return getattr(client, check.method)(url, body, content_type="application/json")
        return getattr(client, check.method)(url, body)

    # anonymous
    response = send(Client())
    if check.api:
        assert response.status_code in (401, 403)
    else:
        assert response.status_code == 302 and "/dang-nhap/" in response["Location"]

    # signed in, without the permission (or without any grant)
    if check.permission:
        role = _role_without(check.permission)
        denied = make_user("khong.duoc")
        if role:
            grant(denied, role, tree.own)
        assert send(signed_in_client(denied)).status_code == 404

    # signed in, allowed: the expected status, and what the service behind it did
    response = send(signed_in_client(allowed))
    assert response.status_code in check.ok_status, response.content[:300]
    if check.effect:
        check.effect(tree, allowed, kwargs, response)
