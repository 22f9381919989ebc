from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "phoihop.documents"
    label = "documents"
    verbose_name = "Văn bản"

    def ready(self) -> None:  # registration only
        from phoihop.documents import audit_events, policies  # noqa: F401
