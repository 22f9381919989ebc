from django.apps import AppConfig


class CouncilConfig(AppConfig):
    name = "phoihop.council"
    label = "council"
    verbose_name = "Kỳ họp, giao ban, quyết định giữa hai kỳ họp"

    def ready(self) -> None:  # registration only
        from phoihop.council import (  # noqa: F401
            audit_events,
            calendar,
            kinds,
            navigation,
            policies,
        )
