from django.db import migrations


def visits_to_links(apps, schema_editor):
    """A letter raised at a reception visit is linked to the visit (both ways)."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Letter = apps.get_model("letters", "Letter")
    Visit = apps.get_model("reception", "Visit")
    Link = apps.get_model("casework", "Link")
    letter_ct, _ = ContentType.objects.get_or_create(app_label="letters", model="letter")
    visit_ct, _ = ContentType.objects.get_or_create(app_label="reception", model="visit")
    visits = dict(Visit.objects.values_list("public_id", "pk"))
    links = [
        Link(
            from_type_id=letter_ct.pk,
            from_id=letter_id,
            to_type_id=visit_ct.pk,
            to_id=visits[visit_ref],
            kind="raised_at",
        )
        for letter_id, visit_ref in Letter.objects.filter(visit_ref__isnull=False).values_list(
            "pk", "visit_ref"
        )
        if visit_ref in visits
    ]
    Link.objects.bulk_create(links, batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0002_handover"),
        ("letters", "0004_forwardings_to_casework_handovers"),
        ("reception", "0002_visits_are_tracked_items"),
    ]

    operations = [
        migrations.RunPython(visits_to_links, migrations.RunPython.noop),
        migrations.RemoveField(model_name="letter", name="visit_ref"),
    ]
