from phoihop.access.models import Grant, Role
from phoihop.core.testing import grant


def _grant(organization, user):
    """A grant held by *user* on *organization* (reuses one the user already holds there)."""
    held = Grant.objects.filter(user=user, organization=organization).first()
    return held or grant(user, "deputy", organization)


SUBJECTS = {
    Grant: _grant,
    Role: lambda organization, user: Role.objects.get(code="clerk"),
}
