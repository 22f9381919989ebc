"""Schema: ``sequence`` required and unique; the guard reinstalled (now also against TRUNCATE)."""

from django.db import migrations, models


def install_guard(apps, schema_editor):
    from phoihop.audit.guard import guard_install

    guard_install(schema_editor)


def remove_guard(apps, schema_editor):
    from phoihop.audit.guard import guard_remove

    guard_remove(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("audit", "0004_number_and_key_the_chain")]
    operations = [
        migrations.AlterField(
            model_name="auditevent",
            name="sequence",
            field=models.BigIntegerField(unique=True, verbose_name="số thứ tự"),
        ),
        migrations.RunPython(install_guard, remove_guard),
    ]
