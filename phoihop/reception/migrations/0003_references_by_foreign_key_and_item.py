import django.db.models.deletion
from django.db import migrations, models


def to_references(apps, schema_editor):
    """A citizen points at its vault entry by foreign key; a content at the item it became."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Identity = apps.get_model("identity", "Identity")
    Letter = apps.get_model("letters", "Letter")
    VisitCitizen = apps.get_model("reception", "VisitCitizen")
    VisitItem = apps.get_model("reception", "VisitItem")
    for citizen in VisitCitizen.objects.exclude(identity_ref="").iterator():
        identity = Identity.objects.filter(public_id=citizen.identity_ref).first()
        if identity is not None:
            VisitCitizen.objects.filter(pk=citizen.pk).update(identity_id=identity.pk)
    letter_ct, _ = ContentType.objects.get_or_create(app_label="letters", model="letter")
    for item in VisitItem.objects.filter(letter_public_id__isnull=False).iterator():
        letter_id = (
            Letter.objects.filter(public_id=item.letter_public_id)
            .values_list("pk", flat=True)
            .first()
        )
        if letter_id is not None:
            VisitItem.objects.filter(pk=item.pk).update(item_type_id=letter_ct.pk, item_id=letter_id)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("identity", "0001_initial"),
        ("letters", "0004_forwardings_to_casework_handovers"),
        ("reception", "0002_visits_are_tracked_items"),
    ]

    operations = [
        migrations.AddField(
            model_name="visitcitizen",
            name="identity",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="identity.identity",
                verbose_name="hồ sơ nhân thân (kho bí mật)",
            ),
        ),
        migrations.AddField(
            model_name="visititem",
            name="item_id",
            field=models.PositiveBigIntegerField(
                blank=True, editable=False, null=True, verbose_name="việc được lập"
            ),
        ),
        migrations.AddField(
            model_name="visititem",
            name="item_type",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="contenttypes.contenttype",
            ),
        ),
        migrations.RunPython(to_references, migrations.RunPython.noop),
        migrations.RemoveField(model_name="visitcitizen", name="identity_ref"),
        migrations.RemoveField(model_name="visititem", name="letter_public_id"),
    ]
