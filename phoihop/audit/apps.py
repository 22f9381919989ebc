from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "phoihop.audit"
    label = "audit"
    verbose_name = "Nhật ký"

    def ready(self) -> None:
        from django.contrib import admin

        # The log's read policy is registered by ``access`` (access.policies), which sits above
        # ``audit``: every module, ``access`` included, writes the log.
        from phoihop.audit import audit_events, checks  # noqa: F401
        from phoihop.audit.admin import audit_every_admin

        # The admin modules are loaded by now (django.contrib.admin comes first in INSTALLED_APPS):
        # every admin change, including in third-party admins, writes an audit event.
        audit_every_admin(admin.site)
