from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "phoihop.access"
    label = "access"
    verbose_name = "Phân quyền"

    def ready(self) -> None:
        from phoihop.access import audit_events, policies  # noqa: F401
