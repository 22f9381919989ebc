from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "phoihop.letters"
    label = "letters"
    verbose_name = "Đơn khiếu nại, tố cáo, kiến nghị, phản ánh"

    def ready(self) -> None:  # registration only
        from phoihop.letters import (  # noqa: F401
            addressee,
            audit_events,
            dashboard,
            kinds,
            navigation,
            policies,
        )
