from django.apps import AppConfig


class SecurityConfig(AppConfig):
    """Cross-cutting protections: the Content-Security-Policy, the shared cache (and its table),
    upload checks, spreadsheet cells, and the deploy checks that go with them."""

    name = "phoihop.security"
    verbose_name = "Bảo mật"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from phoihop.security import checks  # noqa: F401  (registers the checks)
        from phoihop.security.caches import create_cache_tables

        post_migrate.connect(create_cache_tables, sender=self)
