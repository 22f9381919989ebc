"""Schema: an index for the log's filter by event (newest first)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("audit", "0005_sequence_unique_and_guard")]
    operations = [
        migrations.AddIndex(
            model_name="auditevent",
            index=models.Index(fields=["event", "id"], name="audit_audit_event_08ae1f_idx"),
        ),
    ]
