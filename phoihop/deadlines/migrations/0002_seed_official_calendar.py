"""Enter the official years shipped in phoihop/deadlines/data/calendar_*.toml (2026)."""

from django.db import migrations


def seed(apps, schema_editor):
    from phoihop.deadlines.seed import calendar_load

    calendar_load(apps.get_model("deadlines", "CalendarYear"), apps.get_model("deadlines", "CalendarDay"))


def unseed(apps, schema_editor):
    apps.get_model("deadlines", "CalendarDay").objects.all().delete()
    apps.get_model("deadlines", "CalendarYear").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("deadlines", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
