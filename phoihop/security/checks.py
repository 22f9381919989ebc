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


@register(Tags.caches, Tags.security, Tags.database, deploy=True)
def cache_answers(app_configs, databases=None, **kwargs):
    """The shared cache must be there: without it (the cache table never created, Redis down)
    the portal's rate limit and sign-in throttling fail on every request.

    It connects, so like Django's database checks it runs only when asked:
    ``phoihop check --deploy --database default``.
    """
    from django.core.cache import caches

    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if not databases or backend not in SHARED_BACKENDS:
        return []  # security.W001 says it already
    probe = "phoihop:check:cache"
    try:
        cache = caches["default"]
        cache.set(probe, "ok", 30)
        answered = cache.get(probe) == "ok"
        cache.delete(probe)
    except Exception as error:  # any failure of the backend is the finding
        answered, reason = False, f"{type(error).__name__}: {error}"
    else:
        reason = "không đọc lại được giá trị vừa ghi"
    if answered:
        return []
    return [
        Warning(
            f"Bộ nhớ đệm dùng chung ({backend}) không hoạt động: {reason[:200]}.",
            hint="Với bộ nhớ đệm trong cơ sở dữ liệu: chạy `phoihop createcachetable`; với Redis: "
            "kiểm tra PHOIHOP_REDIS_URL và dịch vụ redis-server.",
            id="security.W003",
        )
    ]


@register(Tags.caches, Tags.security, deploy=True)
def redis_in_production(app_configs, **kwargs):
    """Production runs the queue and the shared cache on Redis (docs/deployment.md)."""
    if settings.DEBUG or getattr(settings, "REDIS_URL", ""):
        return []
    return [
        Warning(
            "Chưa cấu hình Redis (PHOIHOP_REDIS_URL): hàng đợi tác vụ nằm trong một tệp SQLite "
            "cục bộ và bộ nhớ đệm trong cơ sở dữ liệu — chỉ chạy được trên một máy, và mỗi "
            "yêu cầu đếm giới hạn tần suất bằng một lần ghi vào cơ sở dữ liệu.",
            hint="Đặt PHOIHOP_REDIS_URL=redis://… (docs/deployment.md).",
            id="security.W004",
        )
    ]


@register(Tags.security, deploy=True)
def site_url_is_public(app_configs, **kwargs):
    """E-mail links are built from PHOIHOP_SITE_URL: in production, the public address."""
    from phoihop.core.links import site_url_is_local

    if settings.DEBUG or not site_url_is_local():
        return []
    return [
        Warning(
            f"PHOIHOP_SITE_URL ({settings.PHOIHOP_SITE_URL}) vẫn là địa chỉ của máy này: liên kết "
            "trong thư điện tử gửi cán bộ và công dân sẽ không mở được.",
            hint="Đặt PHOIHOP_SITE_URL=https://<tên miền của phoihop> (docs/deployment.md).",
            id="security.W005",
        )
    ]
