from phoihop.identity.models import Identity
from phoihop.letters.tests.factories import register


def _identity(organization, user) -> Identity:
    return register(organization).sender


SUBJECTS = {Identity: _identity}
