from django.apps import AppConfig


class OrganizationsConfig(AppConfig):
    name = "phoihop.organizations"
    label = "organizations"
    verbose_name = "Cơ quan và nhân sự"

    def ready(self) -> None:
        from phoihop.organizations import audit_events, policies  # noqa: F401
