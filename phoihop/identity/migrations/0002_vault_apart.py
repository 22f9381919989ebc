"""The vault's holding body by id only: drop the database constraint where an earlier install has
it (decision 0125; the initial migration now creates the column without one)."""

from django.db import migrations

from phoihop.identity.migration_support import drop_constraint_if_present


class Migration(migrations.Migration):
    dependencies = [
        ("identity", "0001_initial"),
        ("organizations", "0001_initial"),
    ]

    operations = [drop_constraint_if_present("identity", "identity", "organization")]
