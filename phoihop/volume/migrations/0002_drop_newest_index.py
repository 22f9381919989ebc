"""The letters module now declares the register's order index itself, covering its filters
(``letters_letter_register``, letters 0002), so the narrower index of 0001 is dropped."""

from django.db import migrations

DROP = "DROP INDEX IF EXISTS letters_letter_newest"
CREATE = (
    "CREATE INDEX IF NOT EXISTS letters_letter_newest "
    "ON letters_letter (received_on DESC, id DESC)"
)


class Migration(migrations.Migration):
    dependencies = [("volume", "0001_letter_list_order_index"), ("letters", "0002_supervised_by_and_list_indexes")]

    operations = [migrations.RunSQL(DROP, CREATE)]
