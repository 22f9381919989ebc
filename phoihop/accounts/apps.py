from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "phoihop.accounts"
    label = "accounts"
    verbose_name = "Tài khoản"

    def ready(self) -> None:
        from phoihop.accounts import audit_events, policies, signals  # noqa: F401
