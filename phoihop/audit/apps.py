from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "phoihop.audit"
    label = "audit"
    verbose_name = "Nhật ký"

    def ready(self) -> None:
        from phoihop.audit import audit_events, policies  # noqa: F401
