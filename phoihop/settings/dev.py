"""The embedded default: one machine, SQLite, tasks run in-process, e-mail to the console.

The demo (``PHOIHOP_DEMO``: demo accounts on the sign-in page) is not debugging: ``make run``
shows the Vietnamese error pages like production does. A developer who wants Django's debug
pages sets ``PHOIHOP_DEBUG=1`` (decision 0143).
"""

import os

from phoihop.settings.base import *  # noqa: F403
from phoihop.settings.base import DATA_DIR, PHOIHOP_AUDIT_KEY_FILE

DEBUG = os.environ.get("PHOIHOP_DEBUG", "0") == "1"
PHOIHOP_DEMO = True
# Static files straight from the apps, without collectstatic, also when DEBUG is off.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
DATA_DIR.mkdir(parents=True, exist_ok=True)
# A random audit key in var/audit.key, created on first use (production sets its own).
PHOIHOP_AUDIT_KEY_FILE = PHOIHOP_AUDIT_KEY_FILE or str(DATA_DIR / "audit.key")
PHOIHOP_AUDIT_KEY_GENERATE = True
