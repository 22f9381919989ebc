"""PostgreSQL: keep the weighted tsvector in a stored column with its own GIN index.

Search used to rebuild ``setweight(to_tsvector(search_title), 'A') || to_tsvector(search_body)``
from the text for every matching document in order to rank it (the expression index served the
``@@`` test only): 50 s for a common phrase at 1,000,000 letters (docs/letters-benchmark.md).
A generated column is computed by the database on every insert and update, including the
``COPY`` of the volume generator, so no writer can forget it. The model does not declare the
column: it exists on PostgreSQL only, and only ``phoihop.text.selectors`` reads it. SQLite
keeps its FTS5 table (0002) and needs nothing here.
"""

from django.db import migrations

VECTOR = (
    "setweight(to_tsvector('simple'::regconfig, search_title), 'A') || "
    "to_tsvector('simple'::regconfig, search_body)"
)
POSTGRESQL_FORWARD = [
    f"ALTER TABLE text_searchdocument ADD COLUMN search_vector tsvector "
    f"GENERATED ALWAYS AS ({VECTOR}) STORED",
    "CREATE INDEX text_searchdocument_vector ON text_searchdocument USING gin (search_vector)",
    "DROP INDEX IF EXISTS text_searchdocument_tsv",
]
POSTGRESQL_BACKWARD = [
    "CREATE INDEX IF NOT EXISTS text_searchdocument_tsv ON text_searchdocument USING gin (("
    "setweight(to_tsvector('simple', search_title), 'A') || "
    "to_tsvector('simple', search_body)))",
    "DROP INDEX IF EXISTS text_searchdocument_vector",
    "ALTER TABLE text_searchdocument DROP COLUMN IF EXISTS search_vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("text", "0002_fulltext_index")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRESQL_FORWARD}),
            _run({"postgresql": POSTGRESQL_BACKWARD}),
        )
    ]
