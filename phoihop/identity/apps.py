from django.apps import AppConfig


class IdentityConfig(AppConfig):
    name = "phoihop.identity"
    label = "identity"
    verbose_name = "Kho danh tính người gửi đơn"

    def ready(self) -> None:  # registration only
        from phoihop.identity import audit_events, checks, policies  # noqa: F401
