"""Schema: a gapless ``sequence`` and the row ``seals``; the guard is lifted while they are added.

The triggers come back in 0005 (SQLite drops a table's triggers when Django rebuilds it anyway).
"""

from django.db import migrations, models


def lift_guard(apps, schema_editor):
    from phoihop.audit.guard import guard_remove

    guard_remove(schema_editor)


def restore_guard(apps, schema_editor):
    from phoihop.audit.guard import guard_install

    guard_install(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only_guard")]
    operations = [
        migrations.RunPython(lift_guard, restore_guard),
        migrations.AddField(
            model_name="auditevent",
            name="sequence",
            field=models.BigIntegerField(null=True, verbose_name="số thứ tự"),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="seals",
            field=models.JSONField(blank=True, default=dict, verbose_name="niêm phong dòng dữ liệu"),
        ),
    ]
