from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "phoihop.public"
    label = "public"
    verbose_name = "Cổng công dân"

    def ready(self) -> None:  # registration only
        from phoihop.public import audit_events  # noqa: F401
