"""The production settings for the loopback stack of ``deploy/local-stack.sh`` (no TLS here).

Everything else is production: DEBUG off, PostgreSQL, Redis for the queue and the cache, the
identity vault in its own database, the audit key from the environment. Only what needs TLS
or a real network is relaxed, and the portal's rate limits are raised so that the load and
crash benches (many clients from 127.0.0.1) measure the server, not the limiter.
"""

import os

from phoihop.settings.production import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
PHOIHOP_DEMO = os.environ.get("PHOIHOP_DEMO", "0") == "1"
if os.environ.get("PHOIHOP_STACK_BENCH") == "1":
    ROOT_URLCONF = "bench.urls"  # adds /bench/bare/, the floor of bench/load.py
    PHOIHOP_PUBLIC = {
        "SUBMIT_PER_IP": (1_000_000, 3600),
        "SUBMIT_GLOBAL": (1_000_000, 600),
        "LOOKUP_PER_IP": (1_000_000, 600),
    }
