from django.apps import AppConfig


class LawmakingConfig(AppConfig):
    name = "phoihop.lawmaking"
    label = "lawmaking"
    verbose_name = "Tham gia xây dựng pháp luật"

    def ready(self) -> None:  # registration only
        from phoihop.lawmaking import (  # noqa: F401
            audit_events,
            dashboard,
            kinds,
            navigation,
            policies,
        )
