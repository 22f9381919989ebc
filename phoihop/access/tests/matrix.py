from phoihop.access.models import Grant, Role
from phoihop.core.testing import grant

SUBJECTS = {
    Grant: lambda organization, user: grant(user, "deputy", organization),
    Role: lambda organization, user: Role.objects.get(code="clerk"),
}
