from itertools import count

from phoihop.access.models import Grant, Role
from phoihop.testing import grant, make_user

_accounts = count(1)


def _grant(organization, user):
    """A grant on *organization*: the user's own if it holds one there, else another account's.

    Never gives the account under test a grant it does not have: that would change every row
    rendered after this one.
    """
    held = Grant.objects.filter(user=user, organization=organization).first()
    return held or grant(make_user(f"duoc.cap.{next(_accounts)}"), "deputy", organization)


SUBJECTS = {
    Grant: _grant,
    Role: lambda organization, user: Role.objects.get(code="clerk"),
}
