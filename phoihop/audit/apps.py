from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "phoihop.audit"
    label = "audit"
    verbose_name = "Nhật ký"

    def ready(self) -> None:
        # The log's read policy is registered by ``access`` (access.policies), which sits above
        # ``audit``: every module, ``access`` included, writes the log.
        from phoihop.audit import audit_events  # noqa: F401
