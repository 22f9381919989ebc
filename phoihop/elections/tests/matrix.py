from phoihop.elections.models import Election
from phoihop.elections.tests.factories import by_election


def _election(organization, user) -> Election:
    return by_election(organization)


SUBJECTS = {Election: _election}
