"""The policy registry: one policy per model.

How to add one: subclass ``phoihop.access.policy.Policy`` in your module's ``policies.py``,
decorate it with ``@register_policy`` and import the module from ``AppConfig.ready()``.
"""

from django.db.models import Model, Q

_POLICIES: dict[type[Model], object] = {}


class PolicyMissingError(LookupError):
    pass


def register_policy(cls):
    model = cls.model
    if model in _POLICIES:
        raise ValueError(f"a policy for {model.__name__} is already registered")
    _POLICIES[model] = cls()
    return cls


def policy_for(model: type[Model]):
    try:
        return _POLICIES[model._meta.concrete_model or model]
    except KeyError:
        raise PolicyMissingError(f"no policy registered for {model.__name__}") from None


def registered_policies() -> dict:
    return dict(_POLICIES)


def policy_scope(model: type[Model], user, action: str) -> Q:
    """The registered policy's ``scope(user, action)`` for *model* (the ``restrict()`` resolver)."""
    return policy_for(model).scope(user, action)
