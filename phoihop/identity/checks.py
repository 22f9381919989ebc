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
