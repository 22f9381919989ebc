import pytest

from phoihop.accounts.services import system_actor
from phoihop.testing import build_tree, grant, make_user


@pytest.fixture
def actor(db):
    return system_actor()


@pytest.fixture
def tree(db):
    return build_tree()


@pytest.fixture
def clerk(tree):
    """A clerk (văn thư) of the tree's own body."""
    user = make_user("van.thu")
    grant(user, "clerk", tree.own)
    return user


@pytest.fixture
def leader(tree):
    """A leader of the tree's own body."""
    user = make_user("lanh.dao")
    grant(user, "leader", tree.own)
    return user


@pytest.fixture
def staff_user(db):
    return make_user("can.bo")


@pytest.fixture(autouse=True)
def _english_free_default(settings):
    settings.LANGUAGE_CODE = "vi"
