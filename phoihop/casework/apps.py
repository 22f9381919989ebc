from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "phoihop.casework"
    label = "casework"
    verbose_name = "Theo dõi công việc"

    def ready(self) -> None:
        from phoihop.casework import (  # noqa: F401
            audit_events,
            dashboard,
            kinds,
            navigation,
            policies,
            tasks,
        )
