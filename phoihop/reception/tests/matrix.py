from phoihop.reception.models import Schedule, Visit
from phoihop.reception.tests.factories import make_schedule, make_visit
from phoihop.testing import make_user

_officials = iter(range(1, 10**6))


def _visit(organization, user) -> Visit:
    # Received by someone else, so the matrix shows what the grant gives, not what the
    # receiving official may do with their own visit.
    return make_visit(organization, make_user(f"nguoi.tiep.{next(_officials)}"))


SUBJECTS = {
    Schedule: lambda organization, user: make_schedule(organization),
    Visit: _visit,
}
