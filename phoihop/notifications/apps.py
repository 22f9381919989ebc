from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "phoihop.notifications"
    label = "notifications"
    verbose_name = "Thông báo"

    def ready(self) -> None:
        from phoihop.notifications import audit_events, policies  # noqa: F401
