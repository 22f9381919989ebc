"""The embedded default: one machine, SQLite, tasks run in-process, e-mail to the console."""

from phoihop.settings.base import *  # noqa: F403
from phoihop.settings.base import DATA_DIR, PHOIHOP_AUDIT_KEY_FILE

DEBUG = True
PHOIHOP_DEMO = True
DATA_DIR.mkdir(parents=True, exist_ok=True)
# A random audit key in var/audit.key, created on first use (production sets its own).
PHOIHOP_AUDIT_KEY_FILE = PHOIHOP_AUDIT_KEY_FILE or str(DATA_DIR / "audit.key")
PHOIHOP_AUDIT_KEY_GENERATE = True
