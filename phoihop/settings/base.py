"""Settings shared by every environment. Environment variables override the defaults."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

from phoihop.security.caches import cache_settings

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("PHOIHOP_DATA_DIR", BASE_DIR.parent / "var"))

SECRET_KEY = os.environ.get("PHOIHOP_SECRET_KEY", "dev-only-not-secret")
DEBUG = False
ALLOWED_HOSTS = [
    h for h in os.environ.get("PHOIHOP_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "django_htmx",
    "huey.contrib.djhuey",
    "phoihop.core",
    "phoihop.accounts",
    "phoihop.audit",
    "phoihop.organizations",
    "phoihop.access",
    "phoihop.notifications",
    "phoihop.agenda",
    "phoihop.deadlines",
    "phoihop.text",
    "phoihop.documents",
    "phoihop.identity",
    "phoihop.casework",
    "phoihop.letters",
    "phoihop.reception",
    "phoihop.supervision",
    "phoihop.voters",
    "phoihop.elections",
    "phoihop.council",
    "phoihop.exchange",
    "phoihop.lawmaking",
    "phoihop.public",
    "phoihop.volume",
    "phoihop.web",
    "phoihop.api",
    "phoihop.security",
    "phoihop.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "phoihop.security.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "phoihop.core.middleware.RequestIdMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "phoihop.core.middleware.VietnameseFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "phoihop.accounts.middleware.SessionTimeoutMiddleware",
    "phoihop.accounts.middleware.StaffTwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "phoihop.urls"
WSGI_APPLICATION = "phoihop.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "phoihop.web.context_processors.shell",
            ],
        },
    },
]


def sqlite_database(path: Path) -> dict:
    """The embedded database: WAL journal, fsync on commit, writers queue instead of failing."""
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
                " PRAGMA busy_timeout=20000;"
            ),
        },
    }


DATABASE_URL = os.environ.get("DATABASE_URL", "")
DATABASES = {
    "default": (
        dj_database_url.parse(DATABASE_URL, conn_max_age=60)
        if DATABASE_URL
        else sqlite_database(DATA_DIR / "phoihop.sqlite3")
    )
}
# The identity vault in a database of its own (decision 0125; docs/identity-vault-deployment.md):
# IDENTITY_DATABASE_URL names it; without it the vault shares the main database, which
# ``check --deploy`` reports in production.
IDENTITY_DATABASE_URL = os.environ.get("IDENTITY_DATABASE_URL", "")
if IDENTITY_DATABASE_URL:
    DATABASES["identity"] = dj_database_url.parse(IDENTITY_DATABASE_URL, conn_max_age=60)
PHOIHOP_IDENTITY_DATABASE = "identity" if IDENTITY_DATABASE_URL else ""
DATABASE_ROUTERS = ["phoihop.identity.routers.IdentityVaultRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Sessions: an idle time-out and an absolute one. Activity renews the idle time-out at most
# once a minute (PHOIHOP_SESSION_TOUCH_SECONDS), which is when the session row is written.
SESSION_COOKIE_AGE = int(os.environ.get("PHOIHOP_SESSION_IDLE_SECONDS", 30 * 60))
PHOIHOP_SESSION_TOUCH_SECONDS = 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
PHOIHOP_SESSION_ABSOLUTE_SECONDS = int(
    os.environ.get("PHOIHOP_SESSION_ABSOLUTE_SECONDS", 10 * 3600)
)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Failed sign-ins are throttled per user name and address (django-axes).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
# Locked per user name *and* address: an attacker who guesses from one address locks out only
# that address, never the staff member signing in from elsewhere (docs/decisions/0113). The
# address is REMOTE_ADDR, the same one the portal's rate limits count: behind a proxy, set the
# proxy to overwrite it (nginx real_ip) instead of trusting X-Forwarded-For from the client.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "phoihop.public.ratelimit.client_address"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

OTP_TOTP_ISSUER = "phoihop"
# The admin never shows TOTP secrets (see also accounts/admin.py).
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("PHOIHOP_STATIC_ROOT", DATA_DIR / "static"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = DATA_DIR / "media"

EMAIL_BACKEND = os.environ.get(
    "PHOIHOP_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("PHOIHOP_FROM_EMAIL", "phoihop@localhost")
# The address people open phoihop at: links in e-mails are made absolute with it
# (phoihop.core.links.absolute_url); `check --deploy` warns while it still points at this machine.
PHOIHOP_SITE_URL = os.environ.get("PHOIHOP_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Background work: Huey (docs/decisions/0003-task-layer.md). The embedded default keeps the queue
# in a SQLite file beside the database and `make run` starts one consumer next to the web server;
# at scale PHOIHOP_REDIS_URL switches to Redis with `phoihop run_huey` workers on any machine.
REDIS_URL = os.environ.get("PHOIHOP_REDIS_URL", "")
HUEY = (
    {
        "huey_class": "huey.RedisHuey",
        "name": "phoihop",
        "url": REDIS_URL,
        "immediate": False,
        "consumer": {"workers": 4, "worker_type": "thread"},
    }
    if REDIS_URL
    else {
        "huey_class": "huey.SqliteHuey",
        "name": "phoihop",
        "filename": str(DATA_DIR / "tasks.sqlite3"),
        "immediate": False,
        "consumer": {"workers": 2, "worker_type": "thread"},
    }
)

# The shared cache (rate limits, sign-in throttling): the database by default, Redis when
# PHOIHOP_REDIS_URL is set. ``migrate`` creates the cache table (phoihop.security).
CACHES = cache_settings(REDIS_URL)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "phoihop.api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "phoihop.api.authentication.TokenScopePermission",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "phoihop.api.pagination.BoundedLimitOffsetPagination",
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "phoihop.api.errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "phoihop API",
    "DESCRIPTION": "API của phoihop — điều phối giữa HĐND, UBND, MTTQ và Đoàn ĐBQH tỉnh.",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "phoihop.api.schema.document_errors",
    ],
    # Choice sets that share a field name get their own, stable component names.
    "ENUM_NAME_OVERRIDES": {
        "VisitKindEnum": "phoihop.reception.models.Visit.Kind",
        "VisitOutcomeEnum": "phoihop.reception.models.Visit.Outcome",
        "SupervisionProgrammeKindEnum": "phoihop.supervision.models.Programme.Kind",
        "SupervisionPlanKindEnum": "phoihop.supervision.models.Plan.Kind",
        "QuestionAnswerModeEnum": "phoihop.supervision.models.Question.Mode",
        "ExchangeDeliveryStatusEnum": "phoihop.exchange.models.Delivery.Status",
    },
}

# Fernet keys of the identity vault, newest first (docs/decisions/0060-identity-vault.md).
PHOIHOP_IDENTITY_KEYS = [k for k in os.environ.get("PHOIHOP_IDENTITY_KEYS", "").split(",") if k]

# The audit log (docs/decisions/0100-keyed-audit-chain.md, 0101-audit-checkpoints.md). The HMAC key
# lives outside the database: PHOIHOP_AUDIT_KEY, or a file PHOIHOP_AUDIT_KEY_FILE (development
# generates var/audit.key on first use; production requires one, and `check --deploy` warns).
PHOIHOP_AUDIT_KEY = os.environ.get("PHOIHOP_AUDIT_KEY", "")
PHOIHOP_AUDIT_KEY_FILE = os.environ.get("PHOIHOP_AUDIT_KEY_FILE", "")
PHOIHOP_AUDIT_KEY_GENERATE = False
# Keys retired by `phoihop audit rotate-key`: they verify the segments they signed, never sign
# (decision 0105). Comma-separated in the environment, and/or one a line in a file (default:
# "<key file>.retired" beside PHOIHOP_AUDIT_KEY_FILE).
PHOIHOP_AUDIT_RETIRED_KEYS = [
    k for k in os.environ.get("PHOIHOP_AUDIT_RETIRED_KEYS", "").split(",") if k.strip()
]
PHOIHOP_AUDIT_RETIRED_KEYS_FILE = os.environ.get("PHOIHOP_AUDIT_RETIRED_KEYS_FILE", "")
# Checkpoints (head hash, count, time), appended to a file outside the database by the task
# queue, with optional witnesses: e-mail to a supervising body and/or a directory (a mounted
# remote or write-once share) that receives one signed file per checkpoint.
PHOIHOP_AUDIT_CHECKPOINT_FILE = os.environ.get(
    "PHOIHOP_AUDIT_CHECKPOINT_FILE", str(DATA_DIR / "audit-checkpoints.jsonl")
)
PHOIHOP_AUDIT_CHECKPOINT_MINUTES = int(os.environ.get("PHOIHOP_AUDIT_CHECKPOINT_MINUTES", 15))
PHOIHOP_AUDIT_WITNESS_EMAILS = [
    e for e in os.environ.get("PHOIHOP_AUDIT_WITNESS_EMAILS", "").split(",") if e
]
PHOIHOP_AUDIT_WITNESS_DIR = os.environ.get("PHOIHOP_AUDIT_WITNESS_DIR", "")
# Backups (docs/backup.md).
PHOIHOP_BACKUP_DIR = os.environ.get("PHOIHOP_BACKUP_DIR", str(DATA_DIR / "backups"))

# Demo mode shows demo accounts' sign-in codes on the sign-in page. Never in production.
PHOIHOP_DEMO = os.environ.get("PHOIHOP_DEMO", "0") == "1"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("PHOIHOP_LOG_LEVEL", "INFO")},
}
