"""Deploy checks (``phoihop check --deploy``) for the protections that depend on settings."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

from phoihop.security.caches import SHARED_BACKENDS


@register(Tags.caches, Tags.security, deploy=True)
def cache_is_shared(app_configs, **kwargs):
    """Rate limits and sign-in throttling must count across workers: no per-process cache."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend in SHARED_BACKENDS:
        return []
    return [
        Warning(
            f"Bộ nhớ đệm mặc định ({backend or 'chưa đặt'}) không dùng chung giữa các tiến trình: "
            "giới hạn tần suất gửi đơn và chặn đăng nhập sai bị đếm riêng từng tiến trình.",
            hint="Đặt PHOIHOP_REDIS_URL (Redis) hoặc dùng bộ nhớ đệm trong cơ sở dữ liệu "
            "(django.core.cache.backends.db.DatabaseCache).",
            id="security.W001",
        )
    ]


@register(Tags.security, deploy=True)
def content_security_policy_set(app_configs, **kwargs):
    """The CSP middleware must be installed."""
    if "phoihop.security.csp.ContentSecurityPolicyMiddleware" in settings.MIDDLEWARE:
        return []
    return [
        Warning(
            "Chưa bật Content-Security-Policy.",
            hint="Thêm phoihop.security.csp.ContentSecurityPolicyMiddleware vào MIDDLEWARE.",
            id="security.W002",
        )
    ]
