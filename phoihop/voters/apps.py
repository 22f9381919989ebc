from django.apps import AppConfig


class VotersConfig(AppConfig):
    name = "phoihop.voters"
    label = "voters"
    verbose_name = "Tiếp xúc cử tri và kiến nghị cử tri"

    def ready(self) -> None:  # registration only
        from phoihop.voters import (  # noqa: F401
            audit_events,
            calendar,
            dashboard,
            kinds,
            navigation,
            policies,
        )
