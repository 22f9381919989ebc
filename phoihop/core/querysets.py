"""The queryset every model starts from: ``restrict(user, action)`` applies the model's policy."""

from django.db import models


class RestrictedQuerySet(models.QuerySet):
    def restrict(self, user, action: str = "view") -> "RestrictedQuerySet":
        """The rows *user* may see (or act on with *action*), by the model's registered policy."""
        from phoihop.access.registry import policy_for

        return self.filter(policy_for(self.model).scope(user, action))
