from django.apps import AppConfig


class ReceptionConfig(AppConfig):
    name = "phoihop.reception"
    label = "reception"
    verbose_name = "Tiếp công dân"

    def ready(self) -> None:  # registration only
        from phoihop.reception import audit_events, calendar, kinds, navigation, policies  # noqa: F401
