"""The queryset every model starts from: ``restrict(user, action)`` applies the model's policy.

``core`` knows no policies: the module that owns them (``access``) installs one *scope
resolver* from its ``AppConfig.ready()`` with :func:`install_scope_resolver`. Until one is
installed ``restrict()`` refuses to answer rather than show every row
(docs/decisions/0010-restrict-through-a-scope-resolver.md).
"""

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models import Q

# (model, user, action) -> the filter of the rows *user* may see or act on with *action*.
ScopeResolver = Callable[[type[models.Model], Any, str], Q]

_resolver: ScopeResolver | None = None

_M = TypeVar("_M", bound=models.Model)


def install_scope_resolver(resolver: ScopeResolver) -> ScopeResolver:
    """Make *resolver* answer every ``restrict()``. Installed once, at start-up.

    Raises:
        ImproperlyConfigured: another resolver is already installed.
    """
    global _resolver  # one process-wide hook, filled from ready()
    if _resolver is not None and _resolver is not resolver:
        raise ImproperlyConfigured("a scope resolver is already installed")
    _resolver = resolver
    return resolver


def scope_for(model: type[models.Model], user: Any, action: str) -> Q:
    """The filter the installed resolver gives for *model*, *user* and *action*.

    Raises:
        ImproperlyConfigured: no resolver is installed (``phoihop.access`` is not loaded).
    """
    if _resolver is None:
        raise ImproperlyConfigured("no scope resolver installed; is phoihop.access installed?")
    return _resolver(model, user, action)


class RestrictedQuerySet(models.QuerySet[_M]):
    def restrict(self, user: Any, action: str = "view") -> "RestrictedQuerySet[_M]":
        """The rows *user* may see (or act on with *action*), by the model's registered policy."""
        return self.filter(scope_for(self.model, user, action))


def mark_openable(user: Any, rows: Iterable[_M]) -> list[_M]:
    """*rows* (of one model), each marked ``openable`` when *user* may view it, i.e. when its
    page would open for them: a page lists another body's item without a link that answers
    404. One query."""
    listed = list(rows)
    if not listed:
        return listed
    model = type(listed[0])
    visible = set(
        model._default_manager.filter(
            scope_for(model, user, "view"), pk__in=[row.pk for row in listed]
        ).values_list("pk", flat=True)
    )
    for row in listed:
        row.openable = row.pk in visible  # type: ignore[attr-defined]
    return listed
