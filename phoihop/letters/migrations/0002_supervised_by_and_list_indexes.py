"""The supervising body follows a case down a chain of forwardings (``supervised_by``), and
the register and the supervision list get indexes in the order they are read, covering the
columns their filters test (docs/letters-benchmark.md)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def supervised_by_from_forwardings(apps, schema_editor):
    """A forwarded letter is supervised by the body that forwarded it, or, when that body had
    itself received it forwarded, by the body that started the chain."""
    Letter = apps.get_model("letters", "Letter")
    Letter.objects.filter(forwarded_from__isnull=False).update(
        supervised_by=models.F("forwarded_from")
    )
    chained = Letter.objects.filter(source_letter__supervised_by__isnull=False).exclude(
        supervised_by=models.F("source_letter__supervised_by")
    )
    while True:  # one level of the chain per round; chains are short
        changes = list(chained.values_list("pk", "source_letter__supervised_by")[:1000])
        if not changes:
            break
        for pk, supervisor in changes:
            Letter.objects.filter(pk=pk).update(supervised_by=supervisor)


class Migration(migrations.Migration):
    dependencies = [
        ("identity", "0001_initial"),
        ("letters", "0001_initial"),
        ("organizations", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="letter",
            name="letters_let_forward_5246e3_idx",
        ),
        migrations.AddField(
            model_name="letter",
            name="supervised_by",
            field=models.ForeignKey(
                blank=True,
                help_text="Cơ quan đầu tiên chuyển vụ việc vào chuỗi giải quyết; vẫn theo dõi khi đơn được chuyển tiếp sang cơ quan khác.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="letters_supervised",
                to="organizations.organization",
                verbose_name="cơ quan giám sát",
            ),
        ),
        migrations.RunPython(supervised_by_from_forwardings, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="letter",
            index=models.Index(
                fields=[
                    "-received_on",
                    "-id",
                    "organization",
                    "supervised_by",
                    "status",
                    "kind",
                    "due_on",
                ],
                name="letters_letter_register",
            ),
        ),
        migrations.AddIndex(
            model_name="letter",
            index=models.Index(
                fields=["supervised_by", "received_on", "id", "status", "due_on"],
                name="letters_letter_supervised",
            ),
        ),
    ]
