"""Migration helper for the vault in a database of its own (decision 0125).

Foreign keys to and from the vault carry no database constraint, since the two ends may live in
different databases. The first migrations now create them without one (so a fresh vault
database, or a main database without the vault's tables, migrates cleanly); an installation
migrated before has the constraint, which this operation drops where it is found.
"""

import copy

from django.db import migrations


def drop_constraint_if_present(app_label: str, model_name: str, field_name: str):
    """A reversible-as-noop RunPython that removes the database constraint of a foreign key
    already declared ``db_constraint=False`` in the migration state, where one exists."""

    def forwards(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        if model._meta.db_table not in schema_editor.connection.introspection.table_names():
            return  # the table is not in this database (the vault lives elsewhere)
        new = model._meta.get_field(field_name)
        with schema_editor.connection.cursor() as cursor:
            # {column: (referenced column, referenced table)}: the foreign keys the database
            # enforces (PRAGMA foreign_key_list on SQLite, the catalogue on PostgreSQL).
            relations = schema_editor.connection.introspection.get_relations(
                cursor, model._meta.db_table
            )
        if new.column not in relations:
            return
        old = copy.copy(new)
        old.db_constraint = True
        schema_editor.alter_field(model, old, new)

    return migrations.RunPython(forwards, migrations.RunPython.noop)
