from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "phoihop.api"
    label = "api"
    verbose_name = "API"

    def ready(self) -> None:
        from phoihop.api import audit_events, schema  # noqa: F401
