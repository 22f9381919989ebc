from phoihop.accounts.models import User
from phoihop.testing import grant, make_user

_counter = iter(range(1, 10**6))


def _account(organization, user):
    account = make_user(f"tai.khoan.{next(_counter)}")
    grant(account, "clerk", organization)
    return account


SUBJECTS = {User: _account}
