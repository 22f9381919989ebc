"""Background jobs of the platform core."""

from django.db import connections
from huey import crontab
from huey.contrib.djhuey import db_periodic_task


def database_statistics_refresh(aliases: list[str] | None = None) -> list[str]:
    """Refresh the SQLite query planner's statistics (``ANALYZE``, sampled) on every SQLite
    database (or those of *aliases*); returns their aliases. Without statistics SQLite may
    ignore the indexes the dashboards and lists are built on (decision 0220). PostgreSQL keeps
    its own (autovacuum)."""
    refreshed = []
    for alias in aliases or list(connections):
        connection = connections[alias]
        if connection.vendor != "sqlite":
            continue
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA analysis_limit=1000")
            cursor.execute("ANALYZE")
        refreshed.append(alias)
    return refreshed


@db_periodic_task(crontab(hour="2", minute="15"))
def database_statistics_nightly() -> list[str]:
    """Every night at 02:15: the planner's statistics of the SQLite databases."""
    return database_statistics_refresh()
