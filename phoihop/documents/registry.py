"""How a module names the sender on the documents of its cases (decision 0141).

The documents module does not know letters or visits. A module whose documents are addressed
to a sender registers, for its case model, a function ``(document, viewer) -> Addressee |
None`` that decides whether *viewer* may see the sender's name printed and reads it (audited).
"""

from collections.abc import Callable

from django.db import models

AddresseeResolver = Callable[..., object]
_resolvers: dict[type[models.Model], AddresseeResolver] = {}


def register_addressee(model: type[models.Model], resolver: AddresseeResolver) -> None:
    if model in _resolvers:
        raise ValueError(f"addressee resolver for {model.__name__} already registered")
    _resolvers[model] = resolver


def addressee_resolver(model: type[models.Model]) -> AddresseeResolver | None:
    return _resolvers.get(model)
