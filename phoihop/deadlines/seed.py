"""Load official calendar years from the data files into the database (migration and command)."""

from pathlib import Path

from phoihop.deadlines.engine.data import load_year_schedule, official_year_files


def calendar_load(calendar_year_model, calendar_day_model, paths: list[Path] | None = None) -> int:
    """Create or replace the official years of *paths*; returns the number of days written.

    Takes the model classes so that a data migration can pass its historical models.
    """
    written = 0
    for path in paths or official_year_files():
        schedule = load_year_schedule(path)
        year, _ = calendar_year_model.objects.update_or_create(
            year=schedule.year, defaults={"source": schedule.source}
        )
        calendar_day_model.objects.filter(calendar_year=year).delete()
        calendar_day_model.objects.bulk_create(
            calendar_day_model(
                calendar_year=year,
                day=d.day,
                kind=str(d.kind),
                name=d.name,
                source=d.source,
                toggle=d.toggle,
            )
            for d in schedule.days
        )
        written += len(schedule.days)
    return written
