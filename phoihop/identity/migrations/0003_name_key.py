"""The blind index of a sender's full name alone, filled in for the identities already sealed."""

import json

from django.db import migrations, models


def fill_name_keys(apps, schema_editor):
    from phoihop.identity import crypto

    Identity = apps.get_model("identity", "Identity")
    rows = Identity.objects.using(schema_editor.connection.alias).filter(name_key="")
    for row in rows.only("pk", "sealed").iterator():
        values = json.loads(crypto.open_bytes(bytes(row.sealed)))
        key = crypto.blind_index(values.get("full_name", ""))
        if key:
            Identity.objects.using(schema_editor.connection.alias).filter(pk=row.pk).update(
                name_key=key
            )


class Migration(migrations.Migration):
    dependencies = [("identity", "0002_vault_apart")]

    operations = [
        migrations.AddField(
            model_name="identity",
            name="name_key",
            field=models.CharField(
                blank=True,
                db_index=True,
                editable=False,
                max_length=64,
                verbose_name="chỉ mục họ tên",
            ),
        ),
        migrations.RunPython(fill_name_keys, migrations.RunPython.noop),
    ]
