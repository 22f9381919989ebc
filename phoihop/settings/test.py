"""The test suite: fast hashing, in-memory e-mail and cache, tasks run immediately."""

from phoihop.settings.base import *  # noqa: F403
from phoihop.settings.base import BASE_DIR, DATABASE_URL, sqlite_database

SECRET_KEY = "test-only"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
HUEY = {"huey_class": "huey.MemoryHuey", "name": "phoihop-test", "immediate": True}
if not DATABASE_URL:
    DATABASES = {"default": sqlite_database(":memory:")}
# A spare database for the identity vault, so tests can run it apart (decision 0125); the vault
# shares the main database unless a test sets PHOIHOP_IDENTITY_DATABASE = "identity".
DATABASES["identity"] = (
    {**DATABASES["default"], "NAME": f"{DATABASES['default']['NAME']}_vault"}
    if DATABASE_URL
    else sqlite_database(":memory:")
)
PHOIHOP_IDENTITY_DATABASE = ""
PHOIHOP_DEMO = False
AXES_ENABLED = True
LANGUAGE_CODE = "vi"
# A fixed audit key; no checkpoint file unless a test sets one (tests share no files).
PHOIHOP_AUDIT_KEY = "test-only-audit-key-0123456789abcdef"
PHOIHOP_AUDIT_KEY_FILE = ""
PHOIHOP_AUDIT_RETIRED_KEYS: list[str] = []
PHOIHOP_AUDIT_RETIRED_KEYS_FILE = ""
PHOIHOP_AUDIT_CHECKPOINT_FILE = ""
PHOIHOP_AUDIT_WITNESS_EMAILS: list[str] = []
PHOIHOP_AUDIT_WITNESS_DIR = ""
# The test province's working rules (session lead times the law leaves to each council).
PHOIHOP_DEADLINES = {"PROVINCIAL_RULES_DIRS": [BASE_DIR / "testing" / "data" / "provincial"]}
# Links in e-mails name the test client's host.
PHOIHOP_SITE_URL = "http://testserver"
