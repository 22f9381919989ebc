"""An index for the letter register's default order (newest first), measured at 1,000,000 letters.

Without it PostgreSQL sorts every visible letter to show the first page of the register
(5.8 s at 1,000,000 letters); with it the first page is an ordered index scan that stops after
30 rows (12 ms). See docs/letters-benchmark.md. Plain SQL, so the letters module's model state
is untouched; if that module declares the same index in ``Letter.Meta``, drop this migration.
"""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS letters_letter_newest "
    "ON letters_letter (received_on DESC, id DESC)"
)
DROP = "DROP INDEX IF EXISTS letters_letter_newest"


class Migration(migrations.Migration):
    dependencies = [("letters", "0001_initial")]

    operations = [migrations.RunSQL(CREATE, DROP)]
