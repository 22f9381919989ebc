from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def identity_keys_configured(app_configs, **kwargs):
    """The vault must not run on a key derived from SECRET_KEY in production."""
    if getattr(settings, "PHOIHOP_IDENTITY_KEYS", None):
        return []
    return [
        Warning(
            "PHOIHOP_IDENTITY_KEYS chưa được đặt: danh tính người gửi đơn đang được mã hóa bằng "
            "khóa suy ra từ SECRET_KEY.",
            hint="Tạo khóa bằng 'python -c \"from cryptography.fernet import Fernet; "
            "print(Fernet.generate_key().decode())\"' và đặt biến môi trường "
            "PHOIHOP_IDENTITY_KEYS.",
            id="identity.W001",
        )
    ]


def _same_server(vault: dict, main: dict) -> bool:
    """Whether two database settings point at the same machine (a SQLite file always does)."""
    if "sqlite" in vault.get("ENGINE", "") or "sqlite" in main.get("ENGINE", ""):
        return True
    host = (vault.get("HOST") or "localhost", str(vault.get("PORT") or ""))
    return host == (main.get("HOST") or "localhost", str(main.get("PORT") or ""))


@register(Tags.security, Tags.database, deploy=True)
def identity_vault_separate_database(app_configs, **kwargs):
    """In production the vault's database is its own, on its own server (decision 0125).

    Denouncers' identities are a state secret (QĐ 774/QĐ-TTg); Luật Bảo vệ bí mật nhà nước
    2018 Đ5 forbids keeping secret material on Internet-connected machines except under the
    cơ yếu regime (docs/identity-vault-deployment.md).
    """
    from phoihop.identity.routers import vault_alias

    if settings.DEBUG:
        return []
    alias = vault_alias()
    if alias == "default":
        return [
            Warning(
                "Kho danh tính người tố cáo đang dùng chung cơ sở dữ liệu với ứng dụng.",
                hint="Đặt IDENTITY_DATABASE_URL tới cơ sở dữ liệu riêng của kho danh tính, trên "
                "máy chủ riêng (xem docs/identity-vault-deployment.md).",
                id="identity.W010",
            )
        ]
    if _same_server(settings.DATABASES[alias], settings.DATABASES["default"]):
        return [
            Warning(
                "Cơ sở dữ liệu của kho danh tính nằm trên cùng máy chủ với cơ sở dữ liệu ứng dụng.",
                hint="Đặt kho danh tính trên máy chủ riêng, chỉ dịch vụ kho danh tính truy cập "
                "được (xem docs/identity-vault-deployment.md).",
                id="identity.W011",
            )
        ]
    return []
