import pytest

from phoihop.accounts.services import system_actor
from phoihop.core.testing import build_tree, make_user


@pytest.fixture
def actor(db):
    return system_actor()


@pytest.fixture
def tree(db):
    return build_tree()


@pytest.fixture
def staff_user(db):
    return make_user("can.bo")


@pytest.fixture(autouse=True)
def _english_free_default(settings):
    settings.LANGUAGE_CODE = "vi"
