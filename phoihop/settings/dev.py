"""The embedded default: one machine, SQLite, tasks run in-process, e-mail to the console."""

from phoihop.settings.base import *  # noqa: F403
from phoihop.settings.base import DATA_DIR

DEBUG = True
PHOIHOP_DEMO = True
DATA_DIR.mkdir(parents=True, exist_ok=True)
