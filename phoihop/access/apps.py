from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "phoihop.access"
    label = "access"
    verbose_name = "Phân quyền"

    def ready(self) -> None:
        from phoihop.access import audit_events, policies  # noqa: F401
        from phoihop.access.registry import policy_scope
        from phoihop.core.querysets import install_scope_resolver

        # ``Model.objects.restrict(user, action)`` asks the model's registered policy.
        install_scope_resolver(policy_scope)
