from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "phoihop.casework"
    label = "casework"
    verbose_name = "Theo dõi công việc"

    def ready(self) -> None:
        from phoihop.casework import audit_events, dashboard, kinds, policies  # noqa: F401
