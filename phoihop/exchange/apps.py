from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "phoihop.exchange"
    label = "exchange"
    verbose_name = "Trao đổi văn bản, báo cáo định kỳ"

    def ready(self) -> None:  # registration only
        from phoihop.exchange import (  # noqa: F401
            audit_events,
            dashboard,
            kinds,
            navigation,
            policies,
        )
