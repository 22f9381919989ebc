from django.apps import AppConfig


class DeadlinesConfig(AppConfig):
    name = "phoihop.deadlines"
    label = "deadlines"
    verbose_name = "Thời hạn và lịch làm việc"

    def ready(self) -> None:  # registration only
        from phoihop.deadlines import (  # noqa: F401
            audit_events,
            dashboard,
            policies,
            providers,
            tasks,
        )

        providers.install()
