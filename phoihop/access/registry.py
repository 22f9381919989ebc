"""The policy registry: one policy per model.

How to add one: subclass ``phoihop.access.policy.Policy`` in your module's ``policies.py``,
decorate it with ``@register_policy`` and import the module from ``AppConfig.ready()``.
"""

from typing import Any, Protocol, TypeVar

from django.db.models import Model, Q


class PolicyLike(Protocol):
    """What the registry keeps: ``phoihop.access.policy.Policy`` and its subclasses."""

    model: type[Model]
    actions: tuple[str, ...]

    def scope(self, user: Any, action: str) -> Q: ...

    def allows(self, user: Any, action: str, obj: Model) -> bool: ...


_P = TypeVar("_P", bound=type)
_POLICIES: dict[type[Model], PolicyLike] = {}


class PolicyMissingError(LookupError):
    pass


def register_policy(cls: _P) -> _P:
    model: type[Model] = cls.model  # type: ignore[attr-defined]
    if model in _POLICIES:
        raise ValueError(f"a policy for {model.__name__} is already registered")
    _POLICIES[model] = cls()
    return cls


def policy_for(model: type[Model]) -> PolicyLike:
    try:
        return _POLICIES[model._meta.concrete_model or model]
    except KeyError:
        raise PolicyMissingError(f"no policy registered for {model.__name__}") from None


def registered_policies() -> dict[type[Model], PolicyLike]:
    return dict(_POLICIES)


def policy_scope(model: type[Model], user: Any, action: str) -> Q:
    """The registered policy's ``scope(user, action)`` for *model* (the ``restrict()`` resolver)."""
    return policy_for(model).scope(user, action)
