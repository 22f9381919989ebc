"""Reads every module shares."""

from typing import Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.http import Http404

_M = TypeVar("_M", bound=models.Model)


def one_or_404(queryset: "models.QuerySet[_M]", **lookup: Any) -> _M:
    """The one row of *queryset* matching *lookup* (a unique key such as ``public_id``).

    Raises:
        Http404: no such row in *queryset* (which is what the viewer may see), or the key is
            malformed (``public_id="abc"``), so that a wrong address is a plain 404.
    """
    try:
        return queryset.get(**lookup)
    except (ObjectDoesNotExist, ValueError, ValidationError):
        raise Http404 from None
