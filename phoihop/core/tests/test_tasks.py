import pytest
from django.db import connection

from phoihop.core.tasks import database_statistics_refresh


@pytest.mark.django_db
def test_the_nightly_job_gives_sqlite_its_planner_statistics(tree):
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL keeps its statistics itself (autovacuum)")
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS sqlite_stat1")

    assert database_statistics_refresh(["default"]) == ["default"]

    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM sqlite_stat1")
        assert cursor.fetchone()[0] > 0
