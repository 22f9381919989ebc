"""The identity vault in a database of its own (decision 0125)."""

from datetime import date

import pytest
from django.core.checks import run_checks

from phoihop.identity.models import Identity
from phoihop.identity.routers import IdentityVaultRouter
from phoihop.identity.services import identity_reveal
from phoihop.letters.models import Letter
from phoihop.letters.services import Sender, letter_register
from phoihop.testing import grant

ROUTER = IdentityVaultRouter()


def _warnings(ids):
    return [m for m in run_checks(include_deployment_checks=True) if m.id in ids]


def test_router_sends_the_vault_to_its_alias_and_nothing_else_there(settings):
    settings.PHOIHOP_IDENTITY_DATABASE = "identity"
    assert ROUTER.db_for_write(Identity) == "identity"
    assert ROUTER.db_for_read(Identity) == "identity"
    assert ROUTER.db_for_write(Letter) is None
    assert ROUTER.allow_migrate("identity", "identity")
    assert not ROUTER.allow_migrate("default", "identity")
    assert not ROUTER.allow_migrate("identity", "letters")
    assert ROUTER.allow_migrate("default", "letters") is None


def test_router_keeps_the_vault_in_the_main_database_unless_told(settings):
    settings.PHOIHOP_IDENTITY_DATABASE = ""
    assert ROUTER.db_for_write(Identity) == "default"
    assert ROUTER.allow_migrate("default", "identity")


@pytest.mark.django_db(databases=["default", "identity"])
def test_identities_are_stored_and_read_in_the_vault_database(settings, tree, leader):
    settings.PHOIHOP_IDENTITY_DATABASE = "identity"
    letter = letter_register(
        actor=leader,
        organization=tree.own,
        channel="post",
        received_on=date(2026, 6, 8),
        content="Tố cáo ông B nhận tiền của dân.",
        sender=Sender(full_name="Phạm Văn D", address="thôn 2, xã Mộc"),
    )
    assert Identity.objects.using("identity").filter(pk=letter.sender_id).exists()
    assert not Identity.objects.using("default").filter(pk=letter.sender_id).exists()
    letter = Letter.objects.get(pk=letter.pk)
    assert letter.sender_label.startswith("NG-")
    grant(leader, "identity_clearance", tree.own)
    data = identity_reveal(actor=leader, identity=letter.sender, purpose="Xác minh tố cáo")
    assert data.full_name == "Phạm Văn D"


def test_deploy_check_warns_when_the_vault_shares_the_main_database(settings):
    settings.DEBUG = False
    settings.PHOIHOP_IDENTITY_DATABASE = ""
    assert [m.id for m in _warnings({"identity.W010", "identity.W011"})] == ["identity.W010"]


def test_deploy_check_warns_when_the_vault_is_on_the_same_server(settings):
    settings.DEBUG = False
    settings.PHOIHOP_IDENTITY_DATABASE = "identity"
    settings.DATABASES = {
        "default": {"ENGINE": "django.db.backends.postgresql", "HOST": "db1", "NAME": "app"},
        "identity": {"ENGINE": "django.db.backends.postgresql", "HOST": "db1", "NAME": "vault"},
    }
    assert [m.id for m in _warnings({"identity.W011"})] == ["identity.W011"]
    settings.DATABASES["identity"]["HOST"] = "vault.internal"
    assert _warnings({"identity.W010", "identity.W011"}) == []
