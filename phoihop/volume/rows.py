"""Fast row inserts for the generator: plain tuples, ``executemany`` on SQLite, ``COPY`` on
PostgreSQL. Model instances and ``bulk_create`` cost ~0.5 ms a row, too slow for millions.

Values are given per column as Python values; each column gets a converter to what the
database driver takes, chosen once from the model field's type.
"""

import json
from collections.abc import Iterable, Sequence
from datetime import UTC

from django.db import connection, models


def _sqlite_converter(field: models.Field):
    if isinstance(field, models.DateTimeField):  # Django keeps naive UTC text in SQLite
        return lambda v: None if v is None else v.astimezone(UTC).isoformat(" ")[:-6]
    if isinstance(field, models.DateField):
        return lambda v: None if v is None else v.isoformat()
    if isinstance(field, models.UUIDField):
        return lambda v: None if v is None else v.hex
    if isinstance(field, models.JSONField):
        return lambda v: json.dumps(v, ensure_ascii=False)
    if isinstance(field, models.BooleanField):
        return lambda v: None if v is None else int(v)
    return None


def _postgresql_converter(field: models.Field):
    if isinstance(field, models.JSONField):
        from psycopg.types.json import Jsonb

        return Jsonb
    return None


def insert_rows(model: type[models.Model], columns: Sequence[str], rows: Iterable[tuple]) -> None:
    """Insert *rows* (tuples in *columns* order, attnames) into *model*'s table."""
    by_attname = {f.attname: f for f in model._meta.concrete_fields}
    fields = [by_attname[name] for name in columns]
    db_columns = [f.column for f in fields]
    table = model._meta.db_table
    if connection.vendor == "postgresql":
        converters = [_postgresql_converter(f) for f in fields]
        convert = _converting(converters)
        quoted = ", ".join(f'"{c}"' for c in db_columns)
        with (
            connection.cursor() as cursor,
            cursor.cursor.copy(
                f'COPY "{table}" ({quoted}) FROM STDIN'  # identifiers from the model only
            ) as copy,
        ):
            for row in rows:
                copy.write_row(convert(row))
        return
    converters = [_sqlite_converter(f) for f in fields]
    convert = _converting(converters)
    marks = ", ".join(["%s"] * len(db_columns))
    quoted = ", ".join(f'"{c}"' for c in db_columns)
    sql = f'INSERT INTO "{table}" ({quoted}) VALUES ({marks})'  # noqa: S608 — model identifiers
    with connection.cursor() as cursor:
        cursor.executemany(sql, [convert(row) for row in rows])


def _converting(converters):
    active = [(i, c) for i, c in enumerate(converters) if c is not None]

    def convert(row: tuple) -> tuple:
        if not active:
            return row
        values = list(row)
        for i, c in active:
            values[i] = c(values[i])
        return tuple(values)

    return convert


def next_id(model: type[models.Model]) -> int:
    """The first free primary key (ids are assigned by the generator, then the sequence reset)."""
    last = model._default_manager.order_by("-pk").values_list("pk", flat=True).first()
    return (last or 0) + 1


def reset_sequence(model: type[models.Model]) -> None:
    if connection.vendor != "postgresql":
        return  # SQLite's rowid continues from the largest id by itself
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "  # noqa: S608
            f'(SELECT MAX(id) FROM "{table}"))'
        )


class RowTemplate:
    """Rows of one model as dicts filled with the model's defaults, then turned into tuples."""

    def __init__(self, model: type[models.Model], now) -> None:
        self.model = model
        self.columns = [f.attname for f in model._meta.concrete_fields if not f.primary_key]
        self.columns.insert(0, "id")
        self.base: dict = {}
        self.callables: dict = {}
        for f in model._meta.concrete_fields:
            if f.primary_key:
                continue
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                self.base[f.attname] = now
            elif f.has_default():
                if callable(f.default):
                    self.callables[f.attname] = f.default
                else:
                    self.base[f.attname] = f.default
            elif f.null:
                self.base[f.attname] = None
            else:
                self.base[f.attname] = ""  # blank text; every other column is set by the caller

    def row(self, **values) -> tuple:
        data = {**self.base, **{k: c() for k, c in self.callables.items()}, **values}
        unknown = set(values) - set(self.columns)
        if unknown:
            raise KeyError(f"not columns of {self.model.__name__}: {sorted(unknown)}")
        return tuple(data[c] for c in self.columns)
