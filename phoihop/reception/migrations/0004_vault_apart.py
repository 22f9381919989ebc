"""A visit citizen's vault reference by id only: drop the database constraint where an earlier
install has it (decision 0125)."""

from django.db import migrations

from phoihop.identity.migration_support import drop_constraint_if_present


class Migration(migrations.Migration):
    dependencies = [
        ("identity", "0002_vault_apart"),
        ("reception", "0003_references_by_foreign_key_and_item"),
    ]

    operations = [drop_constraint_if_present("reception", "visitcitizen", "identity")]
