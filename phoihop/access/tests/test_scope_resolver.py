"""``Model.objects.restrict()`` is answered by the resolver ``access`` installs in core."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from phoihop.access.models import Role
from phoihop.access.registry import policy_scope
from phoihop.core import querysets


def test_restrict_asks_the_policy_access_installed(db, staff_user):
    assert querysets._resolver is policy_scope
    Role.objects.create(code="r", name="R")
    assert Role.objects.restrict(staff_user, "view").count() == 1
    assert Role.objects.restrict(staff_user, "change").count() == 0


def test_restrict_without_a_resolver_refuses(monkeypatch, staff_user):
    monkeypatch.setattr(querysets, "_resolver", None)
    with pytest.raises(ImproperlyConfigured):
        Role.objects.restrict(staff_user, "view")


def test_a_second_resolver_is_refused():
    assert querysets.install_scope_resolver(policy_scope) is policy_scope  # same one: no-op
    with pytest.raises(ImproperlyConfigured):
        querysets.install_scope_resolver(lambda model, user, action: None)
