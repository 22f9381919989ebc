"""Full-text index over the search keys; the SQL depends on the database.

SQLite: an FTS5 table with external content and triggers that keep it in step with
``text_searchdocument``. PostgreSQL: the pg_trgm extension, a GIN index on the weighted
tsvector (``simple`` configuration, since keys are already folded) and a GIN trigram index.
"""

from django.db import migrations

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE text_searchdocument_fts USING fts5("
    "search_title, search_body, content='text_searchdocument', content_rowid='id', "
    "tokenize='unicode61')",
    "CREATE TRIGGER text_searchdocument_fts_insert AFTER INSERT ON text_searchdocument BEGIN "
    "INSERT INTO text_searchdocument_fts(rowid, search_title, search_body) "
    "VALUES (new.id, new.search_title, new.search_body); END",
    "CREATE TRIGGER text_searchdocument_fts_delete AFTER DELETE ON text_searchdocument BEGIN "
    "INSERT INTO text_searchdocument_fts(text_searchdocument_fts, rowid, search_title, search_body) "
    "VALUES ('delete', old.id, old.search_title, old.search_body); END",
    "CREATE TRIGGER text_searchdocument_fts_update AFTER UPDATE ON text_searchdocument BEGIN "
    "INSERT INTO text_searchdocument_fts(text_searchdocument_fts, rowid, search_title, search_body) "
    "VALUES ('delete', old.id, old.search_title, old.search_body); "
    "INSERT INTO text_searchdocument_fts(rowid, search_title, search_body) "
    "VALUES (new.id, new.search_title, new.search_body); END",
    "INSERT INTO text_searchdocument_fts(text_searchdocument_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS text_searchdocument_fts_update",
    "DROP TRIGGER IF EXISTS text_searchdocument_fts_delete",
    "DROP TRIGGER IF EXISTS text_searchdocument_fts_insert",
    "DROP TABLE IF EXISTS text_searchdocument_fts",
]
POSTGRESQL_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX text_searchdocument_tsv ON text_searchdocument USING gin (("
    "setweight(to_tsvector('simple', search_title), 'A') || "
    "to_tsvector('simple', search_body)))",
    "CREATE INDEX text_searchdocument_trgm ON text_searchdocument USING gin (("
    "search_title || ' ' || search_body) gin_trgm_ops)",
]
POSTGRESQL_BACKWARD = [
    "DROP INDEX IF EXISTS text_searchdocument_trgm",
    "DROP INDEX IF EXISTS text_searchdocument_tsv",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("text", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRESQL_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRESQL_BACKWARD}),
        )
    ]
