"""Reads from the search index: diacritic-insensitive full-text search with ranking.

One interface, two backends: SQLite FTS5 (bm25) and PostgreSQL full text (``simple``
configuration, ``ts_rank_cd``) with a pg_trgm fallback for misspelt words. Both search the
folded search keys written by :func:`phoihop.text.services.search_index_upsert`, so
"duong tinh 816", "DT816" and "đường tỉnh 816" all find "ĐT.816".

The index knows nothing of permissions: callers turn the returned object ids into objects
through their own ``restrict(viewer, "view")`` selectors.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connection

from phoihop.text.models import SearchDocument
from phoihop.text.normalize import query_terms

FTS_TABLE = "text_searchdocument_fts"


@dataclass(frozen=True)
class SearchHit:
    """One search result: what it is, its title, and how well it matched (higher is better)."""

    kind: str
    object_id: str
    title: str
    score: float


def search(query: str, *, kinds: Sequence[str] | None = None, limit: int = 20) -> list[SearchHit]:
    """Documents matching every term of *query* (the last as a prefix), best first.

    When no document has every term, documents with any term are returned, ranked.
    """
    terms = query_terms(query)
    if not terms or limit <= 0:
        return []
    run = _search_postgresql if connection.vendor == "postgresql" else _search_sqlite
    hits = run(terms, kinds, limit, every=True)
    if not hits and len(terms) > 1:
        hits = run(terms, kinds, limit, every=False)
    return hits


def _kinds_clause(kinds: Sequence[str] | None, column: str) -> tuple[str, list[str]]:
    if not kinds:
        return "", []
    return f" AND {column} IN ({', '.join(['%s'] * len(kinds))})", list(kinds)


def _search_sqlite(
    terms: list[str], kinds: Sequence[str] | None, limit: int, *, every: bool
) -> list[SearchHit]:
    # Terms are [0-9a-z]+ after folding, so quoting them is enough to make a safe FTS5 query.
    quoted = [f'"{term}"' for term in terms[:-1]] + [f'"{terms[-1]}"*']
    match = (" AND " if every else " OR ").join(quoted)
    kind_sql, kind_params = _kinds_clause(kinds, "d.kind")
    # Only placeholders and fixed identifiers are interpolated.
    sql = (
        f"SELECT d.kind, d.object_id, d.title, -bm25({FTS_TABLE}, 3.0, 1.0) AS score "  # noqa: S608
        f"FROM {FTS_TABLE} JOIN {SearchDocument._meta.db_table} d ON d.id = {FTS_TABLE}.rowid "
        f"WHERE {FTS_TABLE} MATCH %s{kind_sql} ORDER BY score DESC, d.id LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [match, *kind_params, limit])
        return [SearchHit(*row) for row in cursor.fetchall()]


def _search_postgresql(
    terms: list[str], kinds: Sequence[str] | None, limit: int, *, every: bool
) -> list[SearchHit]:
    tsquery = (" & " if every else " | ").join([*terms[:-1], f"{terms[-1]}:*"])
    folded = " ".join(terms)
    kind_sql, kind_params = _kinds_clause(kinds, "kind")
    fuzzy = "" if every else " OR %s <%% (search_title || ' ' || search_body)"
    vector = (
        "setweight(to_tsvector('simple', search_title), 'A') || to_tsvector('simple', search_body)"
    )
    sql = (
        f"SELECT kind, object_id, title, "  # noqa: S608
        f"ts_rank_cd({vector}, to_tsquery('simple', %s)) "
        f"+ word_similarity(%s, search_title || ' ' || search_body) AS score "
        f"FROM {SearchDocument._meta.db_table} "
        f"WHERE ({vector} @@ to_tsquery('simple', %s)"
        f"{fuzzy}){kind_sql} "
        f"ORDER BY score DESC, id LIMIT %s"
    )
    params: list[object] = [tsquery, folded, tsquery]
    if not every:
        params.append(folded)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *kind_params, limit])
        return [SearchHit(*row) for row in cursor.fetchall()]
