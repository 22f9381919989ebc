from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "phoihop.web"
    label = "web"
    verbose_name = "Giao diện"

    def ready(self) -> None:
        from phoihop.web import navigation  # noqa: F401
