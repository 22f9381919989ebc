"""The shared cache: rate limits, sign-in throttling and idempotent receipts count across every
worker only if the cache is shared. The database cache is the embedded default (nothing else to
run); Redis is the production choice (``PHOIHOP_REDIS_URL``)."""

from django.conf import settings
from django.core.management import call_command

CACHE_TABLE = "phoihop_cache"

SHARED_BACKENDS = (
    "django.core.cache.backends.db.DatabaseCache",
    "django.core.cache.backends.redis.RedisCache",
    "django.core.cache.backends.memcached.PyMemcacheCache",
    "django.core.cache.backends.memcached.PyLibMCCache",
    "django.core.cache.backends.filebased.FileBasedCache",
)


def cache_settings(redis_url: str) -> dict:
    """``CACHES`` for the settings: Redis when a URL is given, else the database."""
    if redis_url:
        return {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": redis_url,
                "KEY_PREFIX": "phoihop",
            }
        }
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": CACHE_TABLE,
        }
    }


def create_cache_tables(sender=None, using: str = "default", verbosity: int = 1, **kwargs) -> None:
    """After ``migrate``: create the database cache's table if it is missing (a fresh clone
    works with ``phoihop migrate`` alone). ``createcachetable`` skips existing tables."""
    if any(c["BACKEND"].endswith("db.DatabaseCache") for c in settings.CACHES.values()):
        call_command("createcachetable", database=using, verbosity=0)
