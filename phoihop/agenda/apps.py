from django.apps import AppConfig


class AgendaConfig(AppConfig):
    name = "phoihop.agenda"
    label = "agenda"
    verbose_name = "Lịch chung"

    def ready(self) -> None:
        from phoihop.agenda import audit_events, calendar, policies  # noqa: F401
