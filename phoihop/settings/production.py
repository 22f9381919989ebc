"""Production: PostgreSQL (DATABASE_URL), HTTPS only, secrets from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

from phoihop.settings.base import *  # noqa: F403

DEBUG = False
PHOIHOP_DEMO = False
SECRET_KEY = os.environ.get("PHOIHOP_SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("Đặt PHOIHOP_SECRET_KEY (ít nhất 50 ký tự) / set PHOIHOP_SECRET_KEY")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
