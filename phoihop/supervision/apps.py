from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "phoihop.supervision"
    label = "supervision"
    verbose_name = "Giám sát"

    def ready(self) -> None:  # registration only
        from phoihop.supervision import (  # noqa: F401
            audit_events,
            calendar,
            kinds,
            navigation,
            policies,
        )
