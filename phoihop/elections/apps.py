from django.apps import AppConfig


class ElectionsConfig(AppConfig):
    name = "phoihop.elections"
    label = "elections"
    verbose_name = "Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân"

    def ready(self) -> None:  # registration only
        from phoihop.elections import audit_events, kinds, navigation, policies  # noqa: F401
